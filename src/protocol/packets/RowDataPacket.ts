import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import type FieldPacket = require('./FieldPacket');
import Field = require('./Field');
import Charsets = require('../constants/charsets');
import decoderFor = require('../typeCast');

// One row of a text-protocol result set. Instances carry only column keys (no class fields), so that
// Object.keys(row) and JSON.stringify(row) show the columns alone; the methods (parse, _typeCast, and write for
// the fake server) live on the prototype, where they are not enumerable.
class RowDataPacket {
  [column: string]: unknown;

  parse(
    parser: Parser,
    fieldPackets: FieldPacket[],
    typeCast: RowDataPacket.TypeCast | undefined,
    nestTables: boolean | string | undefined,
    connection: RowDataPacket.ConnectionLike,
    decoders?: decoderFor.Decoder[],
  ): void {
    // Read before any column is assigned: a column may be called "_typeCast". Code that replaced _typeCast
    // on the prototype gets it called for every value, as in mysqljs.
    const cast = this._typeCast;
    const readers = cast === ownTypeCast ? decoders || RowDataPacket.decodersFor(fieldPackets, connection.config) : null;

    // The common case first, without a closure per row: default type casting into flat rows.
    if (readers !== null && typeCast && typeof typeCast !== 'function' && !nestTables) {
      storeColumns(this, fieldPackets, readers, parser);
      return;
    }
    this._parseWithOptions(parser, fieldPackets, { typeCast, nestTables, connection, readers, cast });
  }

  // Custom typeCast, nestTables, typeCast false or a replaced _typeCast. A method of its own: its closure would
  // otherwise make every call of parse() allocate a context for the variables it captures, fast path included.
  _parseWithOptions(parser: Parser, fieldPackets: FieldPacket[], options: RowDataPacket.ParseOptions): void {
    const { typeCast, nestTables, connection, readers, cast } = options;
    const { timezone, supportBigNumbers, bigNumberStrings, dateStrings } = connection.config;
    let index = 0;
    const next = readers !== null
      ? () => readers[index](parser)
      : () => cast.call(this, fieldPackets[index], parser, timezone, supportBigNumbers, bigNumberStrings, dateStrings);
    const nestWith = typeof nestTables === 'string' && nestTables.length > 0 ? nestTables : null;

    for (; index < fieldPackets.length; index++) {
      const fieldPacket = fieldPackets[index];
      let value: unknown;
      if (typeof typeCast === 'function') {
        value = typeCast.call(connection, new Field({ packet: fieldPacket, parser }), next);
      } else if (typeCast) {
        value = next();
      } else if (fieldPacket.charsetNr === Charsets.BINARY) {
        value = parser.parseLengthCodedBuffer();
      } else {
        value = parser.parseLengthCodedString();
      }

      // A NULL table or column name becomes the key 'null', as in mysqljs; a later duplicate name wins.
      const table = fieldPacket.table as string;
      const name = fieldPacket.name as string;
      if (nestWith !== null) {
        this[table + nestWith + name] = value;
      } else if (nestTables) {
        const nested = (this[table] || (this[table] = {})) as Record<string, unknown>;
        nested[name] = value;
      } else {
        this[name] = value;
      }
    }
  }

  /** One reader per column, for the default type casting of a whole result set. */
  static decodersFor(fieldPackets: FieldPacket[], config: RowDataPacket.Config): decoderFor.Decoder[] {
    return fieldPackets.map((field) => decoderFor(field, config.timezone, config.supportBigNumbers,
      config.bigNumberStrings, config.dateStrings));
  }

  // The fake server's direction: each own value as a length-coded string (Buffers as bytes, null as 0xfb).
  write(writer: PacketWriter): void {
    for (const value of Object.values(this)) {
      if (value === null) writer.writeLengthCodedNumber(null);
      else if (Buffer.isBuffer(value)) writer.writeLengthCodedBuffer(value);
      else writer.writeLengthCodedString(value);
    }
  }

  _typeCast(
    field: FieldPacket,
    parser: Parser,
    timeZone: string,
    supportBigNumbers: boolean,
    bigNumberStrings: boolean,
    dateStrings: boolean | string[],
  ): decoderFor.Value {
    return decoderFor(field, timeZone, supportBigNumbers, bigNumberStrings, dateStrings)(parser);
  }
}

namespace RowDataPacket {
  /** The connection settings that decide how values are converted. */
  export interface Config {
    timezone: string;
    supportBigNumbers: boolean;
    bigNumberStrings: boolean;
    dateStrings: boolean | string[];
  }
  export interface ConnectionLike {
    config: Config;
  }
  /** A custom typeCast: called with the connection as `this`; next() gives the default conversion. */
  export type TypeCastFunction = (this: ConnectionLike, field: Field, next: () => unknown) => unknown;
  export type TypeCast = boolean | TypeCastFunction;
  export interface ParseOptions {
    typeCast: TypeCast | undefined;
    nestTables: boolean | string | undefined;
    connection: ConnectionLike;
    /** The result set's column readers; null when a replaced _typeCast (`cast`) is called per value instead. */
    readers: decoderFor.Decoder[] | null;
    cast: RowDataPacket['_typeCast'];
  }
}

/**
 * A row's values in the default case, column by column. The first 8 columns are each read and stored on a line of
 * their own: V8 keeps an inline cache per store site, and a single site storing every column sees every column
 * name, which makes it megamorphic (a table lookup per value). A site per position sees one name and one row
 * shape while one query runs, and then stores as fast as a named property (the names are internalized:
 * internedName.ts); the calls of the column readers are inlined the same way. Later columns share a loop.
 */
function storeColumns(row: RowDataPacket, fields: FieldPacket[], readers: decoderFor.Decoder[], parser: Parser): void {
  const count = readers.length;
  if (count === 0) return;
  row[fields[0].name as string] = readers[0](parser);
  if (count === 1) return;
  row[fields[1].name as string] = readers[1](parser);
  if (count === 2) return;
  row[fields[2].name as string] = readers[2](parser);
  if (count === 3) return;
  row[fields[3].name as string] = readers[3](parser);
  if (count === 4) return;
  row[fields[4].name as string] = readers[4](parser);
  if (count === 5) return;
  row[fields[5].name as string] = readers[5](parser);
  if (count === 6) return;
  row[fields[6].name as string] = readers[6](parser);
  if (count === 7) return;
  row[fields[7].name as string] = readers[7](parser);
  for (let i = 8; i < count; i++) row[fields[i].name as string] = readers[i](parser);
}

const ownTypeCast = RowDataPacket.prototype._typeCast;

export = RowDataPacket;
