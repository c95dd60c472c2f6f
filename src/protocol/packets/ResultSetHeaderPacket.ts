import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import bigNumbers = require('../bigNumbers');

// The first packet of a result set: how many column definitions follow.
class ResultSetHeaderPacket {
  fieldCount: number | string | null | undefined;

  constructor(options: ResultSetHeaderPacket.Options = {}) {
    this.fieldCount = options.fieldCount;
  }

  parse(parser: Parser): void {
    this.fieldCount = parser.parseLengthCodedNumber();
  }

  write(writer: PacketWriter): void {
    bigNumbers.writeLengthCodedInteger(writer, this.fieldCount === undefined ? 0 : this.fieldCount);
  }
}

namespace ResultSetHeaderPacket {
  export interface Options {
    fieldCount?: number | string | null;
  }
}

export = ResultSetHeaderPacket;
