'use strict';

// Rows of many columns. mysql-ts builds rows past twenty columns from a per-column-list template
// (rowTemplate.ts) instead of adding the columns one by one; whatever way a row is built, it must come out
// as mysqljs builds it: the same keys in the same order, the same values, a RowDataPacket.

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

const RowDataPacket = require(path.join(common.lib, 'protocol', 'packets', 'RowDataPacket'));

// `SELECT <expr> AS <name>, ...` for [name, sqlExpression] pairs.
function selectSql(columns) {
  return 'SELECT ' + columns.map(([name, expr]) => expr + ' AS ' + common.mysql.escapeId(name)).join(', ');
}

// What mysqljs makes of these columns and values: one assignment per column, in order, into a RowDataPacket.
function assigned(pairs) {
  const row = new RowDataPacket();
  for (const [name, value] of pairs) row[name] = value;
  return row;
}

function assertSameRow(actual, expected) {
  assert.strictEqual(Object.getPrototypeOf(actual), Object.getPrototypeOf(expected));
  assert.deepStrictEqual(Object.keys(actual), Object.keys(expected));
  for (const key of Object.keys(expected)) assert.deepStrictEqual(actual[key], expected[key], key);
}

// n numbered columns c0..c(n-1), worth 0..n-1.
function numbered(n, from) {
  return Array.from({ length: n }, (_, i) => ['c' + (i + (from || 0)), i + (from || 0)]);
}

describe('integration: wide rows', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  async function rowsOf(pairs, extra) {
    const { results } = await fx.run(conn, Object.assign({ sql: selectSql(pairs.map(([n, v]) => [n, String(v)])) },
      extra));
    return results;
  }

  for (const width of [19, 20, 21, 100, 1001]) {
    it(`a row of ${width} columns has each column, in order, with its value`, async function () {
      const pairs = numbered(width);
      const [row] = await rowsOf(pairs);
      assert.ok(row instanceof RowDataPacket);
      assert.strictEqual(row.constructor.name, 'RowDataPacket');
      assertSameRow(row, assigned(pairs));
      assert.strictEqual(JSON.stringify(row), JSON.stringify(Object.fromEntries(pairs)));
    });
  }

  it('repeated names keep their first place and their last value, as in a narrow row', async function () {
    const pairs = numbered(30).concat([['c3', 'x'], ['c0', 'y']].map(([n, v]) => [n, "'" + v + "'"]));
    const [row] = await rowsOf(pairs);
    const expected = assigned(numbered(30).concat([['c3', 'x'], ['c0', 'y']]));
    assertSameRow(row, expected);
    assert.strictEqual(row.c3, 'x');
    assert.strictEqual(Object.keys(row)[0], 'c0');
  });

  it('integer-like column names come first, as they do on any object', async function () {
    const pairs = numbered(25).concat([['7', 70], ['0', 1]]);
    const [row] = await rowsOf(pairs);
    assertSameRow(row, assigned(pairs));
    assert.deepStrictEqual(Object.keys(row).slice(0, 2), ['0', '7']);
  });

  it('names the prototype has (_typeCast, constructor, __proto__) behave as in a narrow row', async function () {
    const tricky = [['_typeCast', 1], ['constructor', 2], ['__proto__', 3], ['parse', 4], ['toString', 5]];
    const [narrow] = await rowsOf(tricky);
    const [wide] = await rowsOf(numbered(25).concat(tricky));
    const names = tricky.map(([name]) => name);
    assert.deepStrictEqual(Object.keys(wide).filter((key) => names.includes(key)), Object.keys(narrow));
    for (const name of names) assert.deepStrictEqual(wide[name], narrow[name], name);
    assert.strictEqual(Object.getPrototypeOf(wide), Object.getPrototypeOf(narrow));
    assert.strictEqual(Object.getPrototypeOf(wide), RowDataPacket.prototype);
  });

  it('each row is its own object: NULLs, and changes made to a row, reach no other row', async function () {
    const columns = Array.from({ length: 30 }, (_, i) => 'IF(seq = ' + (i % 3) + ', NULL, seq * ' + i + ') AS c' + i);
    const sql = 'SELECT ' + columns.join(', ') + ' FROM seq_0_to_2';
    const first = (await fx.run(conn, sql)).results;
    for (let r = 0; r < 3; r++) {
      for (let i = 0; i < 30; i++) assert.strictEqual(first[r]['c' + i], r === i % 3 ? null : r * i);
    }
    first[0].c1 = 'changed';
    delete first[0].c2;
    first[0].added = true;
    const again = (await fx.run(conn, sql)).results;
    assert.deepStrictEqual(Object.keys(again[0]), Array.from({ length: 30 }, (_, i) => 'c' + i));
    assert.strictEqual(again[0].c1, 0);
    assert.strictEqual(again[0].c2, 0);
    assert.strictEqual(again[0].added, undefined);
    assert.strictEqual(first[2].c1, 2);
  });

  it('a typeCast function and typeCast: false see every column of a wide row', async function () {
    const pairs = numbered(30);
    const seen = [];
    const [cast] = await rowsOf(pairs, {
      typeCast(field, next) {
        seen.push(field.name);
        return 'v' + next();
      },
    });
    assert.deepStrictEqual(seen, pairs.map(([name]) => name));
    assertSameRow(cast, assigned(pairs.map(([name, value]) => [name, 'v' + value])));
    const [raw] = await rowsOf(pairs, { typeCast: false });
    assertSameRow(raw, assigned(pairs.map(([name, value]) => [name, Buffer.from(String(value))])));
  });

  it('nestTables nests the columns of a wide row under their table', async function () {
    const table = fx.table('wide');
    const names = Array.from({ length: 25 }, (_, i) => 'c' + i);
    await fx.run(conn, 'CREATE TABLE ?? (' + names.map((n) => n + ' INT').join(', ') + ')', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (' + names.map((_, i) => i).join(', ') + ')', [table]);
    const { results } = await fx.run(conn, { sql: 'SELECT * FROM ?? AS w', values: [table], nestTables: true });
    assert.deepStrictEqual(Object.keys(results[0]), ['w']);
    assert.deepStrictEqual(results[0].w, Object.fromEntries(names.map((n, i) => [n, i])));
  });

  it('two wide queries of different columns on one connection, alternating, each get their own columns',
    async function () {
      const a = numbered(22);
      const b = numbered(22, 100);
      for (let round = 0; round < 3; round++) {
        assertSameRow((await rowsOf(a))[0], assigned(a));
        assertSameRow((await rowsOf(b))[0], assigned(b));
      }
    });
});
