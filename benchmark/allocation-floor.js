'use strict';

// The allocation floor of `npm run bench:decode`: the rows of a captured text-protocol result set built with only
// the allocations that its values need, which every driver has to make: a row object, each string through one
// Buffer#utf8Slice of its bytes, each date through new Date(), each decimal as a double. It reads no digits (a
// number is its text's length, a date is made from that length too) and checks nothing, and the bytes arrive as
// one buffer, so no packet is ever split. No driver can decode the result set for less.

const { HEADER_LENGTH, EOF_BYTE, EOF_MAX_LENGTH } = require('./wire');

// What each column type's text becomes: TINY, SHORT, LONG, LONGLONG and INT24 integers; FLOAT and DOUBLE
// decimals; TIMESTAMP, DATE and DATETIME dates. Every other type stays text.
const KINDS = { 1: 'integer', 2: 'integer', 3: 'integer', 8: 'integer', 9: 'integer', 4: 'decimal', 5: 'decimal',
  7: 'date', 10: 'date', 12: 'date' };
const NULL_MARKER = 251; // a length code of its own
const TWO_BYTE_LENGTH = 252; // the length follows in two bytes
// A column definition: six length-coded strings (catalog, schema, table, org_table, name, org_name), then 0x0c,
// the charset (2 bytes) and the column length (4 bytes) before the type byte.
const NAME_INDEX = 4;
const TYPE_OFFSET_AFTER_NAMES = 7;

// A property key as V8 keeps it (internalized), so that the stores below find it by identity.
function propertyKey(name) {
  return Object.keys({ [name]: null })[0];
}

// Each value of its column's JS type, made from its length where a driver would read its text.
function valueAt(kind, buf, start, end) {
  switch (kind) {
    case 'integer':
      return end - start;
    case 'decimal':
      return (end - start) / 3;
    case 'date':
      return new Date((end - start) * 1000);
    default:
      return buf.utf8Slice(start, end);
  }
}

/** Reads the result set's columns: { names, kinds, rowsAt } where rowsAt is the offset of the first row's header. */
function columnsOf(bytes) {
  const count = bytes[HEADER_LENGTH];
  let at = HEADER_LENGTH + (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16));
  const names = [];
  const kinds = [];
  for (let column = 0; column < count; column++) {
    const length = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    let p = at + HEADER_LENGTH;
    for (let field = 0; field < 6; field++) {
      const size = bytes[p];
      if (field === NAME_INDEX) names.push(propertyKey(bytes.toString('utf8', p + 1, p + 1 + size)));
      p += 1 + size;
    }
    kinds.push(KINDS[bytes[p + TYPE_OFFSET_AFTER_NAMES]] || 'string');
    at += HEADER_LENGTH + length;
  }
  const eofLength = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
  return { names, kinds, rowsAt: at + HEADER_LENGTH + eofLength };
}

/** The next value at cursor.at, of a column of this kind; the cursor moves past it. */
function next(cursor, kind) {
  const bytes = cursor.bytes;
  let p = cursor.at;
  let size = bytes[p++];
  if (size === NULL_MARKER) {
    cursor.at = p;
    return null;
  }
  if (size === TWO_BYTE_LENGTH) {
    size = bytes[p] | (bytes[p + 1] << 8);
    p += 2;
  }
  cursor.at = p + size;
  return valueAt(kind, bytes, p, p + size);
}

// Rows as instances of a constructor, as drivers make them: V8 sizes them for their columns once it has seen a few.
function Row() {}

// A store site per column position for the first few, so that each sees a single property name.
function fillRow(row, names, kinds, cursor) {
  const count = names.length;
  if (count > 0) row[names[0]] = next(cursor, kinds[0]);
  if (count > 1) row[names[1]] = next(cursor, kinds[1]);
  if (count > 2) row[names[2]] = next(cursor, kinds[2]);
  if (count > 3) row[names[3]] = next(cursor, kinds[3]);
  if (count > 4) row[names[4]] = next(cursor, kinds[4]);
  if (count > 5) row[names[5]] = next(cursor, kinds[5]);
  for (let i = 6; i < count; i++) row[names[i]] = next(cursor, kinds[i]);
}

/** The rows of one captured result set whose values are all shorter than 64 KB. */
function decodeRows(bytes, { names, kinds, rowsAt }) {
  const rows = [];
  const cursor = { bytes, at: 0 };
  let at = rowsAt;
  for (;;) {
    const length = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    const start = at + HEADER_LENGTH;
    if (bytes[start] === EOF_BYTE && length < EOF_MAX_LENGTH) return rows;
    cursor.at = start;
    const row = new Row();
    fillRow(row, names, kinds, cursor);
    rows[rows.length] = row;
    at = start + length;
  }
}

module.exports = { columnsOf, decodeRows };
