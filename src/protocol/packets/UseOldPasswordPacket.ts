import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// A lone 0xfe byte during authentication: the server wants the pre-4.1 password scramble.
class UseOldPasswordPacket {
  firstByte: number;

  constructor(options: UseOldPasswordPacket.Options = {}) {
    this.firstByte = options.firstByte || 0xfe;
  }

  parse(parser: Parser): void {
    this.firstByte = parser.parseUnsignedNumber(1);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.firstByte);
  }
}

namespace UseOldPasswordPacket {
  export interface Options {
    firstByte?: number;
  }
}

export = UseOldPasswordPacket;
