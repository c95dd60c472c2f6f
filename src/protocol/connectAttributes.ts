import type Parser = require('./Parser');
import type PacketWriter = require('./PacketWriter');

/** Bytes a length-coded integer prefix takes for `n`. */
function lengthCodedSize(n: number): number {
  if (n < 251) return 1;
  if (n < 2 ** 16) return 3;
  if (n < 2 ** 24) return 4;
  return 9;
}

function lengthCodedStringSize(value: string): number {
  const bytes = Buffer.byteLength(value, 'utf-8');
  return lengthCodedSize(bytes) + bytes;
}

// The attribute block: its total byte length, then each key and value as a length-coded string.
function writeConnectAttributes(writer: PacketWriter, attributes: Record<string, string>): void {
  const entries = Object.entries(attributes);
  let size = 0;
  for (const [key, value] of entries) size += lengthCodedStringSize(key) + lengthCodedStringSize(String(value));

  writer.writeLengthCodedNumber(size);
  for (const [key, value] of entries) {
    writer.writeLengthCodedString(key);
    writer.writeLengthCodedString(String(value));
  }
}

function parseConnectAttributes(parser: Parser): Record<string, string> {
  const size = parser.parseLengthCodedNumber();
  const end = parser._offset + Number(size);
  const attributes: Record<string, string> = {};
  while (parser._offset < end) {
    const key = parser.parseLengthCodedString();
    const value = parser.parseLengthCodedString();
    if (key !== null) attributes[key] = value === null ? '' : value;
  }
  return attributes;
}

export = { writeConnectAttributes, parseConnectAttributes };
