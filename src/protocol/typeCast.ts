import type Parser = require('./Parser');
import type FieldPacket = require('./packets/FieldPacket');
import Types = require('./constants/types');
import Charsets = require('./constants/charsets');
import bigNumbers = require('./bigNumbers');

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

// Reads the next text-protocol value of a row and converts it to the JS value mysqljs gives that column type.
function castTextValue(
  field: FieldPacket,
  parser: Parser,
  timeZone: string,
  supportBigNumbers: boolean,
  bigNumberStrings: boolean,
  dateStrings: boolean | string[],
): castTextValue.Value {
  const type = field.type;
  switch (type) {
    case Types.TIMESTAMP:
    case Types.TIMESTAMP2:
    case Types.DATE:
    case Types.DATETIME:
    case Types.DATETIME2:
    case Types.NEWDATE: {
      if (keepsDateString(type, dateStrings)) return parser.parseLengthCodedString();
      return parser.parseLengthCodedDate(type === Types.DATE, timeZone);
    }
    case Types.TINY:
    case Types.SHORT:
    case Types.LONG:
    case Types.INT24:
    case Types.YEAR:
    case Types.FLOAT:
    case Types.DOUBLE:
      if (field.zeroFill !== true) return parser.parseLengthCodedNumeric();
      return numberUnlessZeroFilled(field, parser.parseLengthCodedString());
    case Types.NEWDECIMAL:
    case Types.LONGLONG: {
      const text = parser.parseLengthCodedString();
      if (text === null || isZeroFilled(field, text)) return text;
      const value = Number(text);
      // Text when asked for, or when the number would not hold the exact value.
      return supportBigNumbers && (bigNumberStrings || value >= EXACT_LIMIT || value <= -EXACT_LIMIT) ? text : value;
    }
    case Types.BIT:
      return parser.parseLengthCodedBuffer();
    case Types.STRING:
    case Types.VAR_STRING:
    case Types.TINY_BLOB:
    case Types.MEDIUM_BLOB:
    case Types.LONG_BLOB:
    case Types.BLOB:
      return field.charsetNr === Charsets.BINARY ? parser.parseLengthCodedBuffer() : parser.parseLengthCodedString();
    case Types.GEOMETRY:
      return parser.parseGeometryValue();
    default:
      // DECIMAL, TIME, VARCHAR, JSON, ENUM, SET, ...: the server's text as is.
      return parser.parseLengthCodedString();
  }
}

namespace castTextValue {
  export type Value = string | number | Date | Buffer | Parser.Geometry | null;
}

export = castTextValue;
