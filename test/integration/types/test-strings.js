'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: string, ENUM, SET, JSON and NULL type casting', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect({ charset: 'UTF8MB4_GENERAL_CI' }); });

  it('CHAR, VARCHAR and the TEXT types come back as strings', async function () {
    const table = fx.table('str');
    const text = "a 'quoted' ünïcödé string 😀";
    await fx.run(conn, 'CREATE TABLE ?? (c CHAR(40), v VARCHAR(40), tt TINYTEXT, t TEXT, mt MEDIUMTEXT, lt LONGTEXT) CHARACTER SET utf8mb4', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (?, ?, ?, ?, ?, ?)', [table, text, text, text, text, text, text]);
    const { results } = await fx.run(conn, 'SELECT * FROM ??', [table]);
    assert.deepStrictEqual(Object.values(results[0]), [text, text, text, text, text, text]);
  });

  it('CHAR drops trailing spaces, VARCHAR keeps them', async function () {
    const table = fx.table('pad');
    await fx.run(conn, 'CREATE TABLE ?? (c CHAR(10), v VARCHAR(10))', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (?, ?)', [table, 'ab  ', 'ab  ']);
    const { results } = await fx.run(conn, 'SELECT c, v FROM ??', [table]);
    assert.deepStrictEqual([results[0].c, results[0].v], ['ab', 'ab  ']);
  });

  it('ENUM comes back as its label and SET as comma-joined labels', async function () {
    const table = fx.table('enum');
    await fx.run(conn, "CREATE TABLE ?? (id INT, e ENUM('small', 'medium', 'large'), s SET('a', 'b', 'c'))", [table]);
    await fx.run(conn, "INSERT INTO ?? VALUES (1, 'medium', 'c,a'), (2, 'small', ''), (3, NULL, NULL)", [table]);
    const { results } = await fx.run(conn, 'SELECT e, s FROM ?? ORDER BY id', [table]);
    assert.deepStrictEqual(results.map(function (r) { return [r.e, r.s]; }), [['medium', 'a,c'], ['small', ''], [null, null]]);
  });

  it('JSON columns come back as the JSON text (MariaDB stores JSON as LONGTEXT)', async function () {
    const table = fx.table('json');
    const doc = { name: 'x', list: [1, 2, { deep: true }], unicode: '✓' };
    await fx.run(conn, 'CREATE TABLE ?? (j JSON)', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (?)', [table, JSON.stringify(doc)]);
    const { results } = await fx.run(conn, "SELECT j, JSON_EXTRACT(j, '$.list[2].deep') AS deep FROM ??", [table]);
    assert.strictEqual(typeof results[0].j, 'string');
    assert.deepStrictEqual(JSON.parse(results[0].j), doc);
    assert.strictEqual(results[0].deep, 'true');
  });

  it('NULL comes back as null for string types and expressions', async function () {
    const { results } = await fx.run(conn, "SELECT NULL AS n, CAST(NULL AS CHAR) AS c, NULLIF('a', 'a') AS f");
    assert.deepStrictEqual(Object.assign({}, results[0]), { n: null, c: null, f: null });
  });

  it('an empty string is not confused with NULL', async function () {
    const { results } = await fx.run(conn, "SELECT '' AS empty, ? AS bound", ['']);
    assert.deepStrictEqual(Object.assign({}, results[0]), { empty: '', bound: '' });
  });
});
