'use strict';
const assert = require('assert');
const { Packets, Types } = require('./packet-io');
const { column, binaryColumn, parseRow, wkbPoint } = require('./row-io');

describe('RowDataPacket: row shape', function () {
  it('is a RowDataPacket whose only own keys are the columns, in column order', function () {
    const row = parseRow([column('id', Types.LONG), column('name', Types.VAR_STRING)], ['1', 'a']);
    assert.ok(row instanceof Packets.RowDataPacket);
    assert.strictEqual(row.constructor.name, 'RowDataPacket');
    assert.deepStrictEqual(Object.keys(row), ['id', 'name']);
    assert.strictEqual(JSON.stringify(row), '{"id":1,"name":"a"}');
    assert.deepStrictEqual(Object.keys(new Packets.RowDataPacket()), []);
  });

  it('keeps parse and _typeCast on the prototype, not enumerable', function () {
    for (const name of ['parse', '_typeCast']) {
      const desc = Object.getOwnPropertyDescriptor(Packets.RowDataPacket.prototype, name);
      assert.strictEqual(typeof desc.value, 'function', name);
      assert.strictEqual(desc.enumerable, false, name);
    }
  });

  it('stores every column under its own name at every width, whichever shapes came before', function () {
    // Rows of 1 to 12 columns, each width twice with different names, in turn: the first columns are stored at
    // store sites of their own, the rest in a loop (RowDataPacket.ts), and no site may keep a name it saw before.
    for (let round = 0; round < 2; round++) {
      for (let width = 1; width <= 12; width++) {
        for (const prefix of ['a', 'b']) {
          const names = Array.from({ length: width }, (_, i) => prefix + i);
          const columns = names.map((name) => column(name, Types.LONG));
          const row = parseRow(columns, names.map((_, i) => String(width * 100 + i)));
          assert.deepStrictEqual({ ...row }, Object.fromEntries(names.map((name, i) => [name, width * 100 + i])));
        }
      }
    }
  });

  it('lets a later column with the same name win (joins)', function () {
    const columns = [column('id', Types.LONG, { table: 'a' }), column('id', Types.LONG, { table: 'b' })];
    assert.deepStrictEqual({ ...parseRow(columns, ['1', '2']) }, { id: 2 });
  });

  it('nests values by table with nestTables true', function () {
    const columns = [
      column('id', Types.LONG, { table: 'a' }), column('id', Types.LONG, { table: 'b' }), column('x',
        Types.VAR_STRING, { table: 'a' }),
    ];
    const row = parseRow(columns, ['1', '2', 'q'], { nestTables: true });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(row)), { a: { id: 1, x: 'q' }, b: { id: 2 } });
  });

  it('prefixes columns with the table and a separator with a nestTables string', function () {
    const columns = [column('id', Types.LONG, { table: 'a' }), column('id', Types.LONG, { table: 'b' })];
    assert.deepStrictEqual({ ...parseRow(columns, ['1', '2'], { nestTables: '_' }) }, { a_id: 1, b_id: 2 });
  });
});

describe('RowDataPacket: custom typeCast', function () {
  it('gets a Field describing the column, with the connection as this', function () {
    const connection = { config: { timezone: 'local', supportBigNumbers: false, bigNumberStrings: false,
      dateStrings: false } };
    const seen = [];
    const row = parseRow([column('flag', Types.TINY, { length: 1, db: 'shop', table: 'items' })], ['1'], {
      connection,
      typeCast(field, next) {
        seen.push({ self: this, db: field.db, table: field.table, name: field.name, type: field.type,
          length: field.length });
        return next();
      },
    });
    assert.deepStrictEqual(seen, [{ self: connection, db: 'shop', table: 'items', name: 'flag', type: 'TINY',
      length: 1 }]);
    assert.strictEqual(row.flag, 1);
  });

  it('can read the value itself with string(), buffer() and geometry(), or defer with next()', function () {
    const columns = [
      column('bool', Types.TINY, { length: 1 }), column('raw', Types.VAR_STRING), column('g', Types.GEOMETRY),
      column('when', Types.DATETIME), column('n', Types.LONG),
    ];
    const row = parseRow(columns, ['1', 'abc', wkbPoint(3, 4), '2020-01-02 03:04:05', '9'], {
      config: { timezone: 'Z' },
      typeCast(field, next) {
        if (field.type === 'TINY' && field.length === 1) return field.string() === '1';
        if (field.name === 'raw') return field.buffer();
        if (field.type === 'GEOMETRY') return field.geometry();
        return next();
      },
    });
    assert.deepStrictEqual({ ...row }, {
      bool: true, raw: Buffer.from('abc'), g: { x: 3, y: 4 }, when: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)), n: 9,
    });
  });

  it('sees SQL NULL as null from string() and buffer()', function () {
    const row = parseRow([column('a', Types.VAR_STRING), binaryColumn('b', Types.BLOB)], [null, null], {
      typeCast: (field) => (field.name === 'a' ? field.string() : field.buffer()),
    });
    assert.deepStrictEqual({ ...row }, { a: null, b: null });
  });
});
