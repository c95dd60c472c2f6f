'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

// Run with a local zone that is neither UTC nor +05:30, so 'local', 'Z' and
// '+05:30' all give different instants. Node re-reads TZ when it is assigned.
const LOCAL_ZONE = 'America/Sao_Paulo'; // UTC-03:00, no daylight saving since 2019

describe('integration: date and time type casting', function () {
  const fx = useFixtures();
  let savedZone;

  before(function () {
    savedZone = process.env.TZ;
    process.env.TZ = LOCAL_ZONE;
  });

  after(function () {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  // One row of DATE, DATETIME(3), TIMESTAMP, TIME and YEAR values, inserted
  // as literals (no escaping of Dates involved) with the session zone fixed.
  async function dateRow(conn, sessionZone) {
    const table = fx.table('dt');
    await fx.run(conn, 'SET time_zone = ?', [sessionZone]);
    await fx.run(conn, 'CREATE TABLE ?? (d DATE, dt DATETIME(3), ts TIMESTAMP NULL, t TIME, y YEAR)', [table]);
    await fx.run(conn, "INSERT INTO ?? VALUES ('2020-01-02', '2020-01-02 03:04:05.678', '2020-01-02 03:04:05', '12:34:56', 2020)", [table]);
    const { results } = await fx.run(conn, 'SELECT * FROM ??', [table]);
    return results[0];
  }

  it("timezone 'local' reads DATETIME, TIMESTAMP and DATE in the local zone", async function () {
    const row = await dateRow(fx.connect({ timezone: 'local' }), '+00:00');
    assert.ok(row.dt instanceof Date);
    assert.strictEqual(row.dt.getTime(), new Date(2020, 0, 2, 3, 4, 5, 678).getTime());
    assert.strictEqual(row.ts.getTime(), new Date(2020, 0, 2, 3, 4, 5).getTime());
    assert.strictEqual(row.d.getTime(), new Date(2020, 0, 2).getTime());
    assert.strictEqual(row.dt.toISOString(), '2020-01-02T06:04:05.678Z');
  });

  it("timezone 'Z' reads them as UTC", async function () {
    const row = await dateRow(fx.connect({ timezone: 'Z' }), '+00:00');
    assert.strictEqual(row.dt.toISOString(), '2020-01-02T03:04:05.678Z');
    assert.strictEqual(row.ts.toISOString(), '2020-01-02T03:04:05.000Z');
    assert.strictEqual(row.d.toISOString(), '2020-01-02T00:00:00.000Z');
  });

  it("timezone '+05:30' reads them at that offset", async function () {
    const row = await dateRow(fx.connect({ timezone: '+05:30' }), '+05:30');
    assert.strictEqual(row.dt.toISOString(), '2020-01-01T21:34:05.678Z');
    assert.strictEqual(row.ts.toISOString(), '2020-01-01T21:34:05.000Z');
    assert.strictEqual(row.d.toISOString(), '2020-01-01T18:30:00.000Z');
  });

  it('a TIMESTAMP read with the matching timezone is the stored instant', async function () {
    const conn = fx.connect({ timezone: '+05:30' });
    const table = fx.table('ts');
    await fx.run(conn, "SET time_zone = '+05:30'");
    await fx.run(conn, 'CREATE TABLE ?? (ts TIMESTAMP NULL)', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (FROM_UNIXTIME(86400))', [table]);
    const { results } = await fx.run(conn, 'SELECT ts FROM ??', [table]);
    assert.strictEqual(results[0].ts.getTime(), 86400 * 1000);
  });

  for (const timezone of ['local', 'Z', '+05:30', '-08:00']) {
    it('a Date written as a value and read back is the same instant (timezone ' + timezone + ')', async function () {
      const conn = fx.connect({ timezone: timezone });
      const table = fx.table('dtw');
      await fx.run(conn, 'CREATE TABLE ?? (dt DATETIME(3))', [table]);
      const when = new Date(Date.UTC(2021, 6, 15, 23, 59, 58, 123));
      await fx.run(conn, 'INSERT INTO ?? VALUES (?)', [table, when]);
      const { results } = await fx.run(conn, 'SELECT dt FROM ??', [table]);
      assert.strictEqual(results[0].dt.getTime(), when.getTime());
    });
  }

  it('TIME comes back as a string, negative and over 24 hours included', async function () {
    const conn = fx.connect();
    const { results } = await fx.run(conn,
      "SELECT CAST('12:34:56' AS TIME) AS t, CAST('-838:59:59' AS TIME) AS neg, CAST('100:00:01.5' AS TIME(1)) AS big");
    assert.deepStrictEqual(Object.assign({}, results[0]), { t: '12:34:56', neg: '-838:59:59', big: '100:00:01.5' });
  });

  it('YEAR comes back as a Number and TIME as a string from a table', async function () {
    const row = await dateRow(fx.connect(), '+00:00');
    assert.strictEqual(row.y, 2020);
    assert.strictEqual(row.t, '12:34:56');
  });

  it('zero dates come back as the original strings', async function () {
    const conn = fx.connect();
    const table = fx.table('zero');
    await fx.run(conn, "SET SESSION sql_mode = ''");
    await fx.run(conn, 'CREATE TABLE ?? (d DATE, dt DATETIME, ts TIMESTAMP NULL)', [table]);
    await fx.run(conn, "INSERT INTO ?? VALUES ('0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00')", [table]);
    const { results } = await fx.run(conn, 'SELECT * FROM ??', [table]);
    assert.deepStrictEqual(Object.assign({}, results[0]), {
      d: '0000-00-00', dt: '0000-00-00 00:00:00', ts: '0000-00-00 00:00:00',
    });
  });

  it('NULL dates come back as null', async function () {
    const conn = fx.connect();
    const { results } = await fx.run(conn, 'SELECT CAST(NULL AS DATE) AS d, CAST(NULL AS DATETIME) AS dt');
    assert.deepStrictEqual(Object.assign({}, results[0]), { d: null, dt: null });
  });

  it('dateStrings: true returns DATE, DATETIME and TIMESTAMP as strings', async function () {
    const row = await dateRow(fx.connect({ dateStrings: true }), '+00:00');
    assert.deepStrictEqual([row.d, row.dt, row.ts], ['2020-01-02', '2020-01-02 03:04:05.678', '2020-01-02 03:04:05']);
  });

  it('dateStrings as a list keeps only the listed types as strings', async function () {
    const row = await dateRow(fx.connect({ dateStrings: ['DATE', 'TIMESTAMP'] }), '+00:00');
    assert.strictEqual(row.d, '2020-01-02');
    assert.strictEqual(row.ts, '2020-01-02 03:04:05');
    assert.ok(row.dt instanceof Date, 'DATETIME is not in the list');
  });

  it('dateStrings: ["DATETIME"] covers DATETIME only', async function () {
    const row = await dateRow(fx.connect({ dateStrings: ['DATETIME'] }), '+00:00');
    assert.strictEqual(row.dt, '2020-01-02 03:04:05.678');
    assert.ok(row.d instanceof Date);
    assert.ok(row.ts instanceof Date);
  });
});
