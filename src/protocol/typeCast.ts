import type Parser = require('./Parser');
import type FieldPacket = require('./packets/FieldPacket');
import Types = require('./constants/types');
import Charsets = require('./constants/charsets');
import bigNumbers = require('./bigNumbers');
import dates = require('./dates');

const EXACT_LIMIT = bigNumbers.IEEE_754_BINARY_64_PRECISION;

/** True when `dateStrings` (true, or a list of type names such as ['DATE']) keeps this type as text. */
function keepsDateString(type: number, dateStrings: boolean | string[]): boolean {
  if (!Array.isArray(dateStrings)) return Boolean(dateStrings);
  const name = Types[type];
  return name !== undefined && dateStrings.includes(name);
}

/** A zero-filled column keeps its padding ('0042') as text, as mysqljs does. */
function isZeroFilled(field: FieldPacket, text: string): boolean {
  return field.zeroFill === true && text[0] === '0';
}

function numberUnlessZeroFilled(field: FieldPacket, text: string | null): string | number | null {
  return text === null || isZeroFilled(field, text) ? text : Number(text);
}

type Decoder = decoderFor.Decoder;

const readString: Decoder = (parser) => parser.parseLengthCodedString();
const readBuffer: Decoder = (parser) => parser.parseLengthCodedBuffer();
const readNumeric: Decoder = (parser) => parser.parseLengthCodedNumeric();
const readGeometry: Decoder = (parser) => parser.parseGeometryValue();

/**
 * The reader of one column's text-protocol values, converting each to the JS value mysqljs gives that column
 * type. The choice depends only on the column and the connection's settings, so a result set makes it once per
 * column instead of once per value; only readers that need a setting are closures.
 */
function decoderFor(
  field: FieldPacket,
  timeZone: string,
  supportBigNumbers: boolean,
  bigNumberStrings: boolean,
  dateStrings: boolean | string[],
): Decoder {
  const type = field.type as number;
  switch (type) {
    case Types.TIMESTAMP:
    case Types.TIMESTAMP2:
    case Types.DATE:
    case Types.DATETIME:
    case Types.DATETIME2:
    case Types.NEWDATE: {
      if (keepsDateString(type, dateStrings)) return readString;
      const dateOnly = type === Types.DATE;
      const offsets = timeZone === 'local' ? dates.localOffsets() : null;
      return (parser) => parser.parseLengthCodedDate(dateOnly, timeZone, offsets);
    }
    case Types.TINY:
    case Types.SHORT:
    case Types.LONG:
    case Types.INT24:
    case Types.YEAR:
    case Types.FLOAT:
    case Types.DOUBLE:
      if (field.zeroFill !== true) return readNumeric;
      return (parser) => numberUnlessZeroFilled(field, parser.parseLengthCodedString());
    case Types.NEWDECIMAL:
    case Types.LONGLONG:
      return (parser) => {
        const text = parser.parseLengthCodedString();
        if (text === null || isZeroFilled(field, text)) return text;
        const value = Number(text);
        // Text when asked for, or when the number would not hold the exact value.
        return supportBigNumbers && (bigNumberStrings || value >= EXACT_LIMIT || value <= -EXACT_LIMIT) ? text : value;
      };
    case Types.BIT:
      return readBuffer;
    case Types.STRING:
    case Types.VAR_STRING:
    case Types.TINY_BLOB:
    case Types.MEDIUM_BLOB:
    case Types.LONG_BLOB:
    case Types.BLOB:
      return field.charsetNr === Charsets.BINARY ? readBuffer : readString;
    case Types.GEOMETRY:
      return readGeometry;
    default:
      // DECIMAL, TIME, VARCHAR, JSON, ENUM, SET, ...: the server's text as is.
      return readString;
  }
}


namespace decoderFor {
  export type Value = string | number | Date | Buffer | Parser.Geometry | null;
  export type Decoder = (parser: Parser) => Value;
}

export = decoderFor;
