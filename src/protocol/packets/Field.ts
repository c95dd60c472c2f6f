import type Parser = require('../Parser');
import type FieldPacket = require('./FieldPacket');
import Types = require('../constants/types');

// What a custom typeCast(field, next) receives for each column: the column's description (type as its
// name, e.g. 'TINY') and readers for the column's value, which is the next thing in the row packet.
class Field {
  parser: Parser;
  packet: FieldPacket;
  db: string | null | undefined;
  table: string | null | undefined;
  name: string | null | undefined;
  type: string | undefined;
  length: number | undefined;

  constructor(options: Field.Options) {
    this.parser = options.parser;
    this.packet = options.packet;
    this.db = options.packet.db;
    this.table = options.packet.table;
    this.name = options.packet.name;
    this.type = options.packet.type === undefined ? undefined : Types[options.packet.type];
    this.length = options.packet.length;
  }

  /** The value as text (null for SQL NULL), decoded as UTF-8 unless another encoding is named. */
  string(encoding?: BufferEncoding): string | null {
    if (encoding === undefined) return this.parser.parseLengthCodedString();
    const buffer = this.parser.parseLengthCodedBuffer();
    return buffer === null ? null : buffer.toString(encoding);
  }

  buffer(): Buffer | null {
    return this.parser.parseLengthCodedBuffer();
  }

  geometry(): Parser.Geometry {
    return this.parser.parseGeometryValue();
  }
}

namespace Field {
  export interface Options {
    parser: Parser;
    packet: FieldPacket;
  }
}

export = Field;
