'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

// The README's example: TINYINT(1) as a boolean, everything else as usual.
function tinyIntAsBoolean(field, next) {
  if (field.type === 'TINY' && field.length === 1) {
    return field.string() === '1';
  }
  return next();
}

describe('integration: typeCast option', function () {
  const fx = useFixtures();
  let table;

  beforeEach(async function () {
    const setup = fx.connect();
    table = fx.table('tc');
    await fx.run(setup, 'CREATE TABLE ?? (flag TINYINT(1), n INT, label VARCHAR(10), data BLOB, dt DATETIME, g GEOMETRY)', [table]);
    await fx.run(setup, "INSERT INTO ?? VALUES (1, 42, 'x', X'00ff', '2020-01-02 03:04:05', ST_GeomFromText('POINT(3 4)'))," +
      " (0, NULL, NULL, NULL, NULL, NULL)", [table]);
  });

  function selectAll(conn, options) {
    return fx.run(conn, Object.assign({ sql: 'SELECT * FROM ?? ORDER BY flag DESC', values: [table] }, options));
  }

  it('typeCast: false returns text columns as strings and binary-charset columns as Buffers', async function () {
    const { results } = await selectAll(fx.connect({ typeCast: false }));
    const row = results[0];
    assert.strictEqual(row.label, 'x');
    // Numbers and dates travel with the binary charset (63), so mysqljs hands out Buffers.
    assert.deepStrictEqual(row.n, Buffer.from('42'));
    assert.deepStrictEqual(row.flag, Buffer.from('1'));
    assert.deepStrictEqual(row.dt, Buffer.from('2020-01-02 03:04:05'));
    assert.deepStrictEqual(row.data, Buffer.from([0x00, 0xff]));
    assert.strictEqual(results[1].n, null);
  });

  it('a custom typeCast function converts chosen fields and defers the rest to next()', async function () {
    const { results } = await selectAll(fx.connect({ typeCast: tinyIntAsBoolean, timezone: 'Z' }));
    assert.strictEqual(results[0].flag, true);
    assert.strictEqual(results[1].flag, false);
    assert.strictEqual(results[0].n, 42);
    assert.strictEqual(results[0].label, 'x');
    assert.ok(results[0].dt instanceof Date);
    assert.strictEqual(results[0].dt.toISOString(), '2020-01-02T03:04:05.000Z');
    assert.deepStrictEqual(results[0].g, { x: 3, y: 4 });
  });

  it('the field passed to typeCast describes the column', async function () {
    const seen = {};
    const conn = fx.connect({
      typeCast: function (field, next) {
        seen[field.name] = { db: field.db, table: field.table, name: field.name, type: field.type, length: field.length };
        return next();
      },
    });
    await fx.run(conn, 'SELECT * FROM ?? LIMIT 1', [table]);
    assert.deepStrictEqual(seen.n, { db: common.config().database, table: table, name: 'n', type: 'LONG', length: 11 });
    assert.strictEqual(seen.flag.type, 'TINY');
    assert.strictEqual(seen.flag.length, 1);
    assert.strictEqual(seen.label.type, 'VAR_STRING');
    assert.strictEqual(seen.dt.type, 'DATETIME');
    assert.strictEqual(seen.g.type, 'GEOMETRY');
    assert.strictEqual(seen.data.type, 'BLOB');
  });

  it('field.string(), field.buffer() and field.geometry() parse the raw value, null included', async function () {
    const conn = fx.connect({
      typeCast: function (field) {
        if (field.name === 'data') return field.buffer();
        if (field.name === 'g') return field.geometry();
        return field.string();
      },
    });
    const { results } = await selectAll(conn);
    assert.deepStrictEqual(results[0].data, Buffer.from([0x00, 0xff]));
    assert.deepStrictEqual(results[0].g, { x: 3, y: 4 });
    assert.strictEqual(results[0].n, '42');
    assert.strictEqual(results[0].dt, '2020-01-02 03:04:05');
    assert.deepStrictEqual([results[1].n, results[1].data, results[1].g], [null, null, null]);
  });

  it('calls typeCast with the connection as this', async function () {
    let self;
    const conn = fx.connect({ typeCast: function (field, next) { self = this; return next(); } });
    await fx.run(conn, 'SELECT 1 AS one');
    assert.strictEqual(self, conn);
  });

  it('a per-query typeCast function overrides the connection option', async function () {
    const conn = fx.connect({ typeCast: false });
    const { results } = await selectAll(conn, { typeCast: tinyIntAsBoolean });
    assert.strictEqual(results[0].flag, true);
    assert.strictEqual(results[0].n, 42);
  });

  it('a per-query typeCast: false overrides a connection that casts', async function () {
    const conn = fx.connect();
    const { results } = await selectAll(conn, { typeCast: false });
    assert.deepStrictEqual(results[0].n, Buffer.from('42'));
    const { results: cast } = await selectAll(conn);
    assert.strictEqual(cast[0].n, 42, 'the next query casts again');
  });
});
