import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// The client's pre-4.1 (mysql_old_password) scramble, sent after a UseOldPasswordPacket.
class OldPasswordPacket {
  scrambleBuff: Buffer | undefined;

  constructor(options: OldPasswordPacket.Options = {}) {
    this.scrambleBuff = options.scrambleBuff;
  }

  parse(parser: Parser): void {
    this.scrambleBuff = parser.parsePacketTerminatedBuffer();
  }

  write(writer: PacketWriter): void {
    if (this.scrambleBuff) writer.writeBuffer(this.scrambleBuff);
  }
}

namespace OldPasswordPacket {
  export interface Options {
    scrambleBuff?: Buffer;
  }
}

export = OldPasswordPacket;
