import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// A further step of a multi-step authentication (0x01, then plugin data to the end of the packet): for
// caching_sha2_password the fast-auth result (0x03 success, 0x04 full authentication needed) or the server's
// RSA public key.
class AuthMoreDataPacket {
  status = 0x01;
  data: Buffer | undefined;

  constructor(options: AuthMoreDataPacket.Options = {}) {
    this.data = options.data;
  }

  parse(parser: Parser): void {
    this.status = parser.parseUnsignedNumber(1);
    this.data = parser.parsePacketTerminatedBuffer();
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.status);
    if (this.data) writer.writeBuffer(this.data);
  }
}

namespace AuthMoreDataPacket {
  export interface Options {
    data?: Buffer;
  }
}

export = AuthMoreDataPacket;
