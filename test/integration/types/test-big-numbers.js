'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

const MAX_SAFE = '9007199254740991'; // 2^53 - 1
const TWO_POW_53 = '9007199254740992';
const BEYOND = '9007199254740993';
const INT64_MIN = '-9223372036854775808';
const UINT64_MAX = '18446744073709551615';

describe('integration: supportBigNumbers and bigNumberStrings', function () {
  const fx = useFixtures();

  // BIGINT and DECIMAL columns filled with the given rows, read back on `conn`.
  async function readBack(conn, rows) {
    const table = fx.table('big');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY AUTO_INCREMENT, s BIGINT, u BIGINT UNSIGNED, d DECIMAL(40,5))', [table]);
    await fx.run(conn, 'INSERT INTO ?? (s, u, d) VALUES ?', [table, rows]);
    const { results } = await fx.run(conn, 'SELECT s, u, d FROM ?? ORDER BY id', [table]);
    return results.map(function (r) { return [r.s, r.u, r.d]; });
  }

  it('supportBigNumbers returns values inside ±(2^53-1) as Numbers', async function () {
    const conn = fx.connect({ supportBigNumbers: true });
    const back = await readBack(conn, [[MAX_SAFE, MAX_SAFE, '12.5'], ['-' + MAX_SAFE, 0, '-0.25']]);
    assert.deepStrictEqual(back, [
      [9007199254740991, 9007199254740991, 12.5],
      [-9007199254740991, 0, -0.25],
    ]);
  });

  it('supportBigNumbers returns values from 2^53 on as exact strings', async function () {
    const conn = fx.connect({ supportBigNumbers: true });
    const back = await readBack(conn, [
      [TWO_POW_53, TWO_POW_53, TWO_POW_53 + '.5'],
      [BEYOND, UINT64_MAX, '123456789012345678901234567890.12345'],
      [INT64_MIN, BEYOND, '-' + BEYOND],
    ]);
    assert.deepStrictEqual(back, [
      [TWO_POW_53, TWO_POW_53, TWO_POW_53 + '.50000'],
      [BEYOND, UINT64_MAX, '123456789012345678901234567890.12345'],
      [INT64_MIN, BEYOND, '-' + BEYOND + '.00000'],
    ]);
  });

  it('bigNumberStrings returns every BIGINT and DECIMAL as a string', async function () {
    const conn = fx.connect({ supportBigNumbers: true, bigNumberStrings: true });
    const back = await readBack(conn, [[1, 2, '3.5'], [BEYOND, UINT64_MAX, '-1']]);
    assert.deepStrictEqual(back, [
      ['1', '2', '3.50000'],
      [BEYOND, UINT64_MAX, '-1.00000'],
    ]);
  });

  it('bigNumberStrings without supportBigNumbers is ignored', async function () {
    const conn = fx.connect({ bigNumberStrings: true });
    const back = await readBack(conn, [[1, 2, '3.5']]);
    assert.deepStrictEqual(back, [[1, 2, 3.5]]);
  });

  it('insertId of a BIGINT auto-increment beyond 2^53 is an exact string', async function () {
    const conn = fx.connect({ supportBigNumbers: true });
    const table = fx.table('bigid');
    await fx.run(conn, 'CREATE TABLE ?? (id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT, v INT) AUTO_INCREMENT = ' + BEYOND, [table]);
    const { results } = await fx.run(conn, 'INSERT INTO ?? (v) VALUES (1)', [table]);
    assert.strictEqual(results.insertId, BEYOND);
    const { results: rows } = await fx.run(conn, 'SELECT id FROM ??', [table]);
    assert.strictEqual(rows[0].id, BEYOND);
  });

  it('insertId below 2^53 stays a Number with supportBigNumbers', async function () {
    const conn = fx.connect({ supportBigNumbers: true });
    const table = fx.table('bigid');
    await fx.run(conn, 'CREATE TABLE ?? (id BIGINT PRIMARY KEY AUTO_INCREMENT, v INT) AUTO_INCREMENT = 9007199254740990', [table]);
    const { results } = await fx.run(conn, 'INSERT INTO ?? (v) VALUES (1)', [table]);
    assert.strictEqual(results.insertId, 9007199254740990);
  });

  it('big values written as strings keep every digit in the database', async function () {
    const conn = fx.connect({ supportBigNumbers: true, bigNumberStrings: true });
    const table = fx.table('bigw');
    await fx.run(conn, 'CREATE TABLE ?? (u BIGINT UNSIGNED)', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (?)', [table, UINT64_MAX]);
    const { results } = await fx.run(conn, 'SELECT CAST(u AS CHAR) AS text, u = 18446744073709551615 AS exact FROM ??', [table]);
    assert.strictEqual(results[0].text, UINT64_MAX);
    assert.strictEqual(results[0].exact, 1);
  });
});
