import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

const SQL_STATE_MARKER = 0x23; // '#': a 4.1+ error, with a five-character SQLSTATE before the message

// A server error: 0xff, the error number, the optional SQLSTATE, and the message to the end of the packet.
class ErrorPacket {
  fieldCount: number | undefined;
  errno: number | undefined;
  sqlStateMarker: string | undefined;
  sqlState: string | undefined;
  message: string | undefined;

  constructor(options: ErrorPacket.Options = {}) {
    this.fieldCount = options.fieldCount;
    this.errno = options.errno;
    this.sqlStateMarker = options.sqlStateMarker;
    this.sqlState = options.sqlState;
    this.message = options.message;
  }

  parse(parser: Parser): void {
    this.fieldCount = parser.parseUnsignedNumber(1);
    this.errno = parser.parseUnsignedNumber(2);
    if (parser.peak() === SQL_STATE_MARKER) {
      this.sqlStateMarker = parser.parseString(1);
      this.sqlState = parser.parseString(5);
    }
    this.message = parser.parsePacketTerminatedString();
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, 0xff);
    writer.writeUnsignedNumber(2, this.errno || 0);
    if (this.sqlStateMarker) {
      writer.writeString(this.sqlStateMarker);
      writer.writeString(this.sqlState);
    }
    writer.writeString(this.message);
  }
}

namespace ErrorPacket {
  export interface Options {
    fieldCount?: number;
    errno?: number;
    sqlStateMarker?: string;
    sqlState?: string;
    message?: string;
  }
}

export = ErrorPacket;
