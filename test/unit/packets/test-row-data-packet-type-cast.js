'use strict';
const assert = require('assert');
const { Types } = require('./packet-io');
const { column, binaryColumn, parseRow, wkbPoint, wkbLineString } = require('./row-io');

/** The value of a single column `type` holding `text`. */
function cast(type, text, config, extra) {
  return parseRow([column('v', type, extra)], [text], { config }).v;
}

describe('RowDataPacket: default type casting', function () {
  it('gives numbers for TINY, SHORT, LONG, INT24, YEAR, FLOAT and DOUBLE', function () {
    assert.strictEqual(cast(Types.TINY, '-128'), -128);
    assert.strictEqual(cast(Types.SHORT, '32767'), 32767);
    assert.strictEqual(cast(Types.LONG, '-2147483648'), -2147483648);
    assert.strictEqual(cast(Types.INT24, '8388607'), 8388607);
    assert.strictEqual(cast(Types.YEAR, '2024'), 2024);
    assert.strictEqual(cast(Types.FLOAT, '1.5'), 1.5);
    assert.strictEqual(cast(Types.DOUBLE, '-1.25e-10'), -1.25e-10);
  });

  it('keeps NULL as null for every type', function () {
    for (const type of [Types.TINY, Types.LONGLONG, Types.NEWDECIMAL, Types.DATETIME, Types.DATE, Types.BLOB,
      Types.VAR_STRING, Types.BIT, Types.GEOMETRY, Types.JSON, Types.TIME]) {
      assert.strictEqual(cast(type, null), null, Types[type]);
    }
  });

  it('keeps a zero-filled number with leading zeros as text', function () {
    assert.strictEqual(cast(Types.LONG, '00042', undefined, { zeroFill: true, flags: 0x40 }), '00042');
    assert.strictEqual(cast(Types.LONGLONG, '00042', undefined, { zeroFill: true, flags: 0x40 }), '00042');
    assert.strictEqual(cast(Types.LONG, '12345', undefined, { zeroFill: true, flags: 0x40 }), 12345);
  });

  it('gives LONGLONG as a number when it fits, and rounds beyond 2^53 without supportBigNumbers', function () {
    assert.strictEqual(cast(Types.LONGLONG, '9007199254740991'), 9007199254740991);
    assert.strictEqual(cast(Types.LONGLONG, '9007199254740993'), 9007199254740992);
  });

  it('gives LONGLONG beyond +-2^53 as exact text with supportBigNumbers', function () {
    const config = { supportBigNumbers: true };
    assert.strictEqual(cast(Types.LONGLONG, '9007199254740993', config), '9007199254740993');
    assert.strictEqual(cast(Types.LONGLONG, '-9007199254740993', config), '-9007199254740993');
    assert.strictEqual(cast(Types.LONGLONG, '18446744073709551615', config), '18446744073709551615');
    assert.strictEqual(cast(Types.LONGLONG, '9007199254740991', config), 9007199254740991);
  });

  it('gives every LONGLONG and NEWDECIMAL as text with supportBigNumbers and bigNumberStrings', function () {
    const config = { supportBigNumbers: true, bigNumberStrings: true };
    assert.strictEqual(cast(Types.LONGLONG, '12', config), '12');
    assert.strictEqual(cast(Types.NEWDECIMAL, '12.50', config), '12.50');
  });

  it('ignores bigNumberStrings without supportBigNumbers', function () {
    assert.strictEqual(cast(Types.LONGLONG, '12', { bigNumberStrings: true }), 12);
  });

  it('gives NEWDECIMAL as a number, and the old DECIMAL type as text', function () {
    assert.strictEqual(cast(Types.NEWDECIMAL, '12.50'), 12.5);
    assert.strictEqual(cast(Types.NEWDECIMAL, '123456789012345678901.5', { supportBigNumbers: true }),
      '123456789012345678901.5');
    assert.strictEqual(cast(Types.DECIMAL, '12.50'), '12.50');
  });

  it('gives text for text columns and Buffers for binary ones', function () {
    assert.strictEqual(cast(Types.VAR_STRING, 'héllo'), 'héllo');
    assert.strictEqual(cast(Types.STRING, 'abc'), 'abc');
    assert.strictEqual(cast(Types.BLOB, 'long text'), 'long text');
    const bytes = Buffer.from([0, 1, 0xff]);
    for (const type of [Types.VAR_STRING, Types.STRING, Types.TINY_BLOB, Types.MEDIUM_BLOB, Types.LONG_BLOB,
      Types.BLOB]) {
      assert.deepStrictEqual(parseRow([binaryColumn('b', type)], [bytes]).b, bytes, Types[type]);
    }
  });

  it('gives BIT as a Buffer', function () {
    assert.deepStrictEqual(cast(Types.BIT, Buffer.from([0x01, 0x02])), Buffer.from([0x01, 0x02]));
  });

  it('gives TIME, JSON, ENUM, SET and VARCHAR as the server text', function () {
    assert.strictEqual(cast(Types.TIME, '-838:59:59'), '-838:59:59');
    assert.strictEqual(cast(Types.JSON, '{"a": [1, 2]}'), '{"a": [1, 2]}');
    assert.strictEqual(cast(Types.ENUM, 'small'), 'small');
    assert.strictEqual(cast(Types.SET, 'a,c'), 'a,c');
    assert.strictEqual(cast(Types.VARCHAR, 'x'), 'x');
  });

  it('decodes GEOMETRY points and line strings', function () {
    assert.deepStrictEqual(parseRow([binaryColumn('g', Types.GEOMETRY)], [wkbPoint(1.5, -2)]).g, { x: 1.5, y: -2 });
    assert.deepStrictEqual(
      parseRow([binaryColumn('g', Types.GEOMETRY)], [wkbLineString([[0, 0], [3, 4]])]).g,
      [{ x: 0, y: 0 }, { x: 3, y: 4 }],
    );
    assert.strictEqual(parseRow([binaryColumn('g', Types.GEOMETRY)], [Buffer.alloc(0)]).g, null);
  });
});

describe('RowDataPacket: typeCast false', function () {
  it('gives every value as text, and binary-charset values as Buffers', function () {
    const columns = [
      column('i', Types.LONG), column('d', Types.DATETIME), column('n', Types.NEWDECIMAL),
      binaryColumn('b', Types.BLOB), column('z', Types.TINY),
    ];
    const row = parseRow(columns, ['7', '2020-01-02 03:04:05', '1.50', Buffer.from('xy'), null], { typeCast: false });
    assert.deepStrictEqual({ ...row }, { i: '7', d: '2020-01-02 03:04:05', n: '1.50', b: Buffer.from('xy'), z: null });
  });
});
