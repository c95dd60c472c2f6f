import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// The server asks the client to authenticate again with another plugin, sending that plugin's seed data.
class AuthSwitchRequestPacket {
  status = 0xfe;
  authMethodName: string | undefined;
  authMethodData: Buffer | undefined;

  constructor(options: AuthSwitchRequestPacket.Options = {}) {
    this.authMethodName = options.authMethodName;
    this.authMethodData = options.authMethodData;
  }

  parse(parser: Parser): void {
    this.status = parser.parseUnsignedNumber(1);
    this.authMethodName = parser.parseNullTerminatedString();
    this.authMethodData = parser.parsePacketTerminatedBuffer();
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.status);
    writer.writeNullTerminatedString(this.authMethodName);
    if (this.authMethodData) writer.writeBuffer(this.authMethodData);
  }
}

namespace AuthSwitchRequestPacket {
  export interface Options {
    authMethodName?: string;
    authMethodData?: Buffer;
  }
}

export = AuthSwitchRequestPacket;
