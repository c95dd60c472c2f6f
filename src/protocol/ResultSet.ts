import type ResultSetHeaderPacket = require('./packets/ResultSetHeaderPacket');
import type FieldPacket = require('./packets/FieldPacket');
import type EofPacket = require('./packets/EofPacket');
import type RowDataPacket = require('./packets/RowDataPacket');
import type decoderFor = require('./typeCast');
import type rowTemplate = require('./rowTemplate');

// One result set of a query while it arrives: its header, column definitions, EOF markers and rows.
class ResultSet {
  resultSetHeaderPacket: ResultSetHeaderPacket;
  fieldPackets: FieldPacket[] = [];
  eofPackets: EofPacket[] = [];
  rows: RowDataPacket[] = [];
  /** The reader of each column, made when the first row arrives. */
  decoders: decoderFor.Decoder[] | null = null;
  /** Wide rows' template (see rowTemplate.ts): undefined until the first row, null when rows are built per column. */
  rowTemplate: rowTemplate.Template | null | undefined = undefined;

  constructor(resultSetHeaderPacket: ResultSetHeaderPacket) {
    this.resultSetHeaderPacket = resultSetHeaderPacket;
  }
}

export = ResultSet;
