'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: multiple statement queries', function () {
  const fx = useFixtures();

  it('is refused (ER_PARSE_ERROR) unless multipleStatements is enabled', async function () {
    const conn = fx.connect();
    await assert.rejects(fx.run(conn, 'SELECT 1; SELECT 2'), { code: 'ER_PARSE_ERROR' });
  });

  it('returns one results entry and one fields entry per statement', function (done) {
    const conn = fx.connect({ multipleStatements: true });
    conn.query('SELECT 1; SELECT 2 AS two, 3 AS three', function (err, results, fields) {
      assert.ifError(err);
      assert.strictEqual(results.length, 2);
      assert.deepStrictEqual(Object.assign({}, results[0][0]), { 1: 1 });
      assert.deepStrictEqual(Object.assign({}, results[1][0]), { two: 2, three: 3 });
      assert.strictEqual(fields.length, 2);
      assert.deepStrictEqual(fields[1].map(function (f) { return f.name; }), ['two', 'three']);
      done();
    });
  });

  it('mixes OkPackets and row arrays in statement order', async function () {
    const conn = fx.connect({ multipleStatements: true });
    const table = fx.table('ms');
    const { results } = await fx.run(conn,
      'CREATE TABLE ?? (id INT); INSERT INTO ?? VALUES (1), (2); SELECT COUNT(*) AS n FROM ??', [table, table, table]);
    assert.strictEqual(results.length, 3);
    assert.strictEqual(results[0].constructor.name, 'OkPacket');
    assert.strictEqual(results[1].affectedRows, 2);
    assert.strictEqual(results[2][0].n, 2);
  });

  it('stops at a failing statement and reports its index', function (done) {
    const conn = fx.connect({ multipleStatements: true });
    conn.query('SELECT 1 AS a; SELECT * FROM no_such_table_here; SELECT 3 AS c', function (err, results) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      assert.strictEqual(err.index, 1);
      // The statements before the failure still deliver their results.
      assert.strictEqual(results[0][0].a, 1);
      assert.strictEqual(results.length, 1);
      done();
    });
  });

  it('streams fields and rows with the statement index', function (done) {
    const conn = fx.connect({ multipleStatements: true });
    const seen = [];
    conn.query('SELECT 1 AS a UNION SELECT 2; SELECT 3 AS b')
      .on('error', done)
      .on('fields', function (fields, index) { seen.push(['fields', index, fields[0].name]); })
      .on('result', function (row, index) { seen.push(['row', index, Object.values(row)[0]]); })
      .on('end', function () {
        assert.deepStrictEqual(seen, [
          ['fields', 0, 'a'], ['row', 0, 1], ['row', 0, 2],
          ['fields', 1, 'b'], ['row', 1, 3],
        ]);
        done();
      });
  });
});
