import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// Ends the column definitions and the rows of a result set (0xfe, then warnings and status since 4.1).
class EofPacket {
  fieldCount: number | undefined = undefined;
  warningCount: number | undefined;
  serverStatus: number | undefined;
  protocol41: boolean | undefined;

  constructor(options: EofPacket.Options = {}) {
    this.warningCount = options.warningCount;
    this.serverStatus = options.serverStatus;
    this.protocol41 = options.protocol41;
  }

  parse(parser: Parser): void {
    this.fieldCount = parser.parseUnsignedNumber(1);
    if (this.protocol41) {
      // A bare 0xFE (pre-4.1 form, or a test double that built it without protocol41): mysqljs read zeros.
      const complete = !parser.reachedPacketEnd();
      this.warningCount = complete ? parser.parseUnsignedNumber(2) : 0;
      this.serverStatus = complete ? parser.parseUnsignedNumber(2) : 0;
    }
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, 0xfe);
    if (this.protocol41) {
      writer.writeUnsignedNumber(2, this.warningCount || 0);
      writer.writeUnsignedNumber(2, this.serverStatus || 0);
    }
  }
}

namespace EofPacket {
  export interface Options {
    warningCount?: number;
    serverStatus?: number;
    protocol41?: boolean;
  }
}

export = EofPacket;
