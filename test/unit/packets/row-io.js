'use strict';
// Builds text-protocol rows for the RowDataPacket tests: column definitions and one row's bytes.
const { Packets, Charsets, frame, readPacket } = require('./packet-io');

const UTF8 = 33; // utf8_general_ci

/** A 4.1 column definition; `extra` overrides charsetNr, flags, zeroFill, table, length. */
function column(name, type, extra = {}) {
  return new Packets.FieldPacket({
    catalog: 'def', db: 'test', table: 't', orgTable: 't', name, orgName: name,
    charsetNr: UTF8, length: 11, type, flags: 0, decimals: 0, zeroFill: false, protocol41: true, ...extra,
  });
}

/** Same, with the binary character set (BLOB, BINARY, VARBINARY columns). */
function binaryColumn(name, type, extra = {}) {
  return column(name, type, { charsetNr: Charsets.BINARY, ...extra });
}

/** One row's bytes: each value length-coded, null as 0xfb. */
function rowBytes(values) {
  return frame((w) => {
    for (const v of values) {
      if (v === null) w.writeLengthCodedNumber(null);
      else if (Buffer.isBuffer(v)) w.writeLengthCodedBuffer(v);
      else w.writeLengthCodedString(v);
    }
  });
}

const DEFAULT_CONFIG = { timezone: 'local', supportBigNumbers: false, bigNumberStrings: false, dateStrings: false };

/** Parses one row of `values` for `columns`; options: typeCast (default true), nestTables, config, connection. */
function parseRow(columns, values, options = {}) {
  const typeCast = options.typeCast === undefined ? true : options.typeCast;
  const connection = options.connection || { config: { ...DEFAULT_CONFIG, ...options.config } };
  const row = new Packets.RowDataPacket();
  readPacket(rowBytes(values), (parser) => row.parse(parser, columns, typeCast, options.nestTables, connection),
    connection.config);
  return row;
}

/** MySQL's geometry bytes: a 4-byte SRID, then little-endian WKB. */
function wkbPoint(x, y) {
  const buf = Buffer.alloc(4 + 21);
  buf.writeUInt8(1, 4);
  buf.writeUInt32LE(1, 5);
  buf.writeDoubleLE(x, 9);
  buf.writeDoubleLE(y, 17);
  return buf;
}

function wkbLineString(points) {
  const buf = Buffer.alloc(4 + 9 + points.length * 16);
  buf.writeUInt8(1, 4);
  buf.writeUInt32LE(2, 5);
  buf.writeUInt32LE(points.length, 9);
  points.forEach(([x, y], i) => {
    buf.writeDoubleLE(x, 13 + i * 16);
    buf.writeDoubleLE(y, 21 + i * 16);
  });
  return buf;
}

module.exports = { column, binaryColumn, rowBytes, parseRow, wkbPoint, wkbLineString, DEFAULT_CONFIG };
