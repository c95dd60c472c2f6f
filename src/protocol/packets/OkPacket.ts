import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import bigNumbers = require('../bigNumbers');

// Matches ER_UPDATE_INFO ("Rows matched: 1  Changed: 1  Warnings: 0") in any server language: only the
// numbers and the colons are relied upon, and the second number is the changed-rows count.
const ER_UPDATE_INFO_REGEXP = /^[^:0-9]+: [0-9]+[^:0-9]+: ([0-9]+)[^:0-9]+: [0-9]+[^:0-9]*$/;

// The result of a statement that returns no rows. affectedRows and insertId are strings beyond 2^53 when
// the Parser was created with supportBigNumbers (otherwise the Parser raises a PARSER_ error).
class OkPacket {
  fieldCount: number | undefined = undefined;
  affectedRows: number | string | null | undefined = undefined;
  insertId: number | string | null | undefined = undefined;
  serverStatus: number | undefined = undefined;
  warningCount: number | undefined = undefined;
  message: string | undefined = undefined;
  protocol41: boolean | undefined;
  // Exists only after parse(), as in mysqljs, so a freshly built packet has the seven fields above.
  declare changedRows: number;

  constructor(options: OkPacket.Options = {}) {
    this.protocol41 = options.protocol41;
  }

  parse(parser: Parser): void {
    this.fieldCount = parser.parseUnsignedNumber(1);
    this.affectedRows = parser.parseLengthCodedNumber();
    this.insertId = parser.parseLengthCodedNumber();
    if (this.protocol41) {
      // A short OK (old servers, test doubles that build it without protocol41) ends here; mysqljs read zeros.
      const complete = !parser.reachedPacketEnd();
      this.serverStatus = complete ? parser.parseUnsignedNumber(2) : 0;
      this.warningCount = complete ? parser.parseUnsignedNumber(2) : 0;
    }
    this.message = parser.parsePacketTerminatedString();
    this.changedRows = 0;

    // Most OK packets (DO, SET, INSERT of one row, COMMIT) carry no message, and a regular expression run on an
    // empty one still costs a call into the engine (11 ns against 1 ns).
    if (this.message === '') return;
    const m = ER_UPDATE_INFO_REGEXP.exec(this.message);
    if (m !== null) this.changedRows = parseInt(m[1], 10);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, 0x00);
    bigNumbers.writeLengthCodedInteger(writer, this.affectedRows || 0);
    bigNumbers.writeLengthCodedInteger(writer, this.insertId || 0);
    if (this.protocol41) {
      writer.writeUnsignedNumber(2, this.serverStatus || 0);
      writer.writeUnsignedNumber(2, this.warningCount || 0);
    }
    writer.writeString(this.message);
  }
}

namespace OkPacket {
  export interface Options {
    protocol41?: boolean;
  }
}

export = OkPacket;
