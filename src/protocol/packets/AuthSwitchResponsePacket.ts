import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// The client's answer to an AuthSwitchRequestPacket: the plugin's response bytes, to the end of the packet.
class AuthSwitchResponsePacket {
  data: Buffer | undefined;

  constructor(options: AuthSwitchResponsePacket.Options = {}) {
    this.data = options.data;
  }

  parse(parser: Parser): void {
    this.data = parser.parsePacketTerminatedBuffer();
  }

  write(writer: PacketWriter): void {
    if (this.data) writer.writeBuffer(this.data);
  }
}

namespace AuthSwitchResponsePacket {
  export interface Options {
    data?: Buffer;
  }
}

export = AuthSwitchResponsePacket;
