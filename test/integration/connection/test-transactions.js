'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

function call(conn, method) {
  return new Promise(function (resolve, reject) {
    conn[method](function (err) { if (err) reject(err); else resolve(); });
  });
}

describe('integration: transactions', function () {
  const fx = useFixtures();
  let table;
  let conn;
  let observer;

  beforeEach(async function () {
    table = fx.table('tx');
    conn = fx.connect();
    observer = fx.connect();
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY, title VARCHAR(50)) ENGINE=InnoDB', [table]);
  });

  async function titles(connection) {
    const { results } = await fx.run(connection, 'SELECT title FROM ?? ORDER BY id', [table]);
    return results.map(function (row) { return row.title; });
  }

  it('rollback() discards the work done since beginTransaction()', async function () {
    await call(conn, 'beginTransaction');
    await fx.run(conn, 'INSERT INTO ?? SET ?', [table, { id: 1, title: 'draft' }]);
    assert.deepStrictEqual(await titles(conn), ['draft']);
    await call(conn, 'rollback');
    assert.deepStrictEqual(await titles(conn), []);
  });

  it('commit() makes the work visible to other connections', async function () {
    await call(conn, 'beginTransaction');
    await fx.run(conn, 'INSERT INTO ?? SET ?', [table, { id: 1, title: 'post' }]);
    assert.deepStrictEqual(await titles(observer), [], 'uncommitted rows are invisible elsewhere');
    await call(conn, 'commit');
    assert.deepStrictEqual(await titles(observer), ['post']);
  });

  it('beginTransaction() sets SERVER_STATUS_IN_TRANS until commit()', async function () {
    const IN_TRANS = 1;
    await call(conn, 'beginTransaction');
    const inside = await fx.run(conn, 'INSERT INTO ?? SET ?', [table, { id: 1, title: 'a' }]);
    assert.strictEqual(inside.results.serverStatus & IN_TRANS, IN_TRANS);
    await call(conn, 'commit');
    const after = await fx.run(conn, 'INSERT INTO ?? SET ?', [table, { id: 2, title: 'b' }]);
    assert.strictEqual(after.results.serverStatus & IN_TRANS, 0);
  });

  it('accepts options and a callback, as the README transaction example does', function (done) {
    conn.beginTransaction({ timeout: 5000 }, function (err) {
      assert.ifError(err);
      conn.query('INSERT INTO ?? SET title = ?, id = 1', [table, 'Post'], function (err, result) {
        assert.ifError(err);
        assert.strictEqual(result.affectedRows, 1);
        conn.rollback({}, function (err) {
          assert.ifError(err);
          conn.query('SELECT COUNT(*) AS n FROM ??', [table], function (err, rows) {
            assert.ifError(err);
            assert.strictEqual(rows[0].n, 0);
            done();
          });
        });
      });
    });
  });
});
