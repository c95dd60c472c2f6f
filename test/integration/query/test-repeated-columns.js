'use strict';

// A query that runs again sends the same column definitions; mysql-ts recognises them (ColumnDefinitionCache:
// per column, and for a whole result set at once when its definitions arrive together) instead of parsing them
// again. Any change between two runs, even one column in the middle of many, must still be seen.

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

// `SELECT <expr> AS c0, ...` of `count` columns; `change(i)` may give column i another expression or name.
function selectSql(count, change) {
  const columns = [];
  for (let i = 0; i < count; i++) {
    const [expr, name] = (change && change(i)) || [String(i), 'c' + i];
    columns.push(expr + ' AS ' + common.mysql.escapeId(name));
  }
  return 'SELECT ' + columns.join(', ');
}

function plain(fields) {
  return fields.map((field) => Object.assign({}, field));
}

describe('integration: column definitions of a query that runs again', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  it('gives each run the same fields and rows as the first', async function () {
    const sql = selectSql(40);
    const first = await fx.run(conn, sql);
    for (let run = 0; run < 3; run++) {
      const again = await fx.run(conn, sql);
      assert.deepStrictEqual(plain(again.fields), plain(first.fields));
      assert.deepStrictEqual(Object.assign({}, again.results[0]), Object.assign({}, first.results[0]));
    }
  });

  it('sees one column renamed in the middle of a wide list, and the original list again after it', async function () {
    const original = selectSql(60);
    const renamed = selectSql(60, (i) => (i === 37 ? ['37', 'x37'] : null));
    for (const [sql, name] of [[original, 'c37'], [original, 'c37'], [renamed, 'x37'], [original, 'c37']]) {
      const { results, fields } = await fx.run(conn, sql);
      assert.strictEqual(fields[37].name, name);
      assert.deepStrictEqual(Object.keys(results[0])[37], name);
      assert.strictEqual(results[0][name], 37);
    }
  });

  it('sees one column change type (number to string) with the same name', async function () {
    const numbers = selectSql(30);
    const text = selectSql(30, (i) => (i === 5 ? ["'5'", 'c5'] : null));
    for (const [sql, value] of [[numbers, 5], [numbers, 5], [text, '5'], [numbers, 5]]) {
      const { results } = await fx.run(conn, sql);
      assert.strictEqual(results[0].c5, value);
    }
  });

  it('sees a column more or less at the end', async function () {
    for (const count of [20, 20, 21, 19, 20]) {
      const { results, fields } = await fx.run(conn, selectSql(count));
      assert.strictEqual(fields.length, count);
      assert.deepStrictEqual(Object.keys(results[0]), Array.from({ length: count }, (_, i) => 'c' + i));
    }
  });

  it('keeps fields that a caller changed out of the next run', async function () {
    const sql = selectSql(25);
    const first = await fx.run(conn, sql);
    first.fields[0].name = 'changed';
    first.fields[3].type = 0;
    const again = await fx.run(conn, sql);
    assert.strictEqual(again.fields[0].name, 'c0');
    assert.notStrictEqual(again.fields[3].type, 0);
    assert.strictEqual(again.results[0].c0, 0);
  });

  it('tells apart queued queries whose replies arrive together, two column lists interleaved', async function () {
    const a = selectSql(30);
    const b = selectSql(30, (i) => (i === 0 ? ["'b'", 'first'] : null));
    const queued = [];
    for (let i = 0; i < 200; i++) queued.push(fx.run(conn, i % 3 === 2 ? b : a));
    const replies = await Promise.all(queued);
    replies.forEach(({ results, fields }, i) => {
      const expected = i % 3 === 2 ? 'first' : 'c0';
      assert.strictEqual(fields[0].name, expected, 'query ' + i);
      assert.strictEqual(Object.keys(results[0])[0], expected, 'query ' + i);
      assert.strictEqual(results[0].c29, 29, 'query ' + i);
    });
  });

  it('gives queries that take turns on one connection each its own fields and rows', async function () {
    // Same width with another first column, same first columns with another later one, other widths, and more
    // lists than the connection remembers (ColumnDefinitionCache.ts keeps 16).
    const lists = [
      selectSql(12),
      selectSql(12, (i) => (i === 0 ? ['100', 'other0'] : null)),
      selectSql(12, (i) => (i === 9 ? ["'nine'", 'c9'] : null)),
      selectSql(3),
      selectSql(40),
    ];
    for (let n = 0; n < 20; n++) lists.push(selectSql(5, (i) => (i === 2 ? [String(n), 'n' + n] : null)));
    const firstRuns = [];
    for (const sql of lists) firstRuns.push(await fx.run(conn, sql));
    for (let round = 0; round < 3; round++) {
      for (let l = 0; l < lists.length; l++) {
        const { results, fields } = await fx.run(conn, lists[(l * 7 + round) % lists.length]);
        const first = firstRuns[(l * 7 + round) % lists.length];
        assert.deepStrictEqual(plain(fields), plain(first.fields), 'list ' + ((l * 7 + round) % lists.length));
        assert.deepStrictEqual(Object.assign({}, results[0]), Object.assign({}, first.results[0]));
      }
    }
    assert.strictEqual(firstRuns[2].results[0].c9, 'nine');
    assert.strictEqual(firstRuns[1].results[0].other0, 100);
  });

  it('tells apart result sets of one multi-statement query that alternate between two column lists',
    async function () {
      const multi = fx.connect({ multipleStatements: true });
      const a = selectSql(30);
      const b = selectSql(30, (i) => (i === 29 ? ["'b'", 'last'] : null));
      for (let run = 0; run < 2; run++) {
        const { results } = await fx.run(multi, [a, b, a, b].join('; '));
        assert.deepStrictEqual(results.map((set) => set[0].c29 === undefined ? set[0].last : set[0].c29),
          [29, 'b', 29, 'b']);
      }
    });
});
