import type ResultSetHeaderPacket = require('./packets/ResultSetHeaderPacket');
import type FieldPacket = require('./packets/FieldPacket');
import type EofPacket = require('./packets/EofPacket');
import type RowDataPacket = require('./packets/RowDataPacket');

// One result set of a query while it arrives: its header, column definitions, EOF markers and rows.
class ResultSet {
  resultSetHeaderPacket: ResultSetHeaderPacket;
  fieldPackets: FieldPacket[] = [];
  eofPackets: EofPacket[] = [];
  rows: RowDataPacket[] = [];

  constructor(resultSetHeaderPacket: ResultSetHeaderPacket) {
    this.resultSetHeaderPacket = resultSetHeaderPacket;
  }
}

export = ResultSet;
