'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures, uniqueName } = require('../helpers');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

function query(target, sql, values) {
  return new Promise(function (resolve, reject) {
    target.query(sql, values, function (err, results) {
      if (err) reject(err);
      else resolve(results);
    });
  });
}

// Server threads among `ids` that are still open, as the server sees it.
async function openThreads(admin, ids) {
  if (ids.length === 0) return [];
  const rows = await query(admin, 'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE ID IN (?)', [ids]);
  return rows.map(function (row) { return row.id; });
}

describe('integration: pool', function () {
  const fx = useFixtures();
  const pools = usePools();

  function createPool(extra) {
    return pools.track(common.createPool(extra));
  }

  it('runs queries on at most connectionLimit server connections, reusing them', async function () {
    const pool = createPool({ connectionLimit: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, function (_, i) {
      return query(pool, 'SELECT ? AS n, CONNECTION_ID() AS thread', [i]);
    }));
    results.forEach(function (rows, i) { assert.strictEqual(rows[0].n, i); });
    const threads = new Set(results.map(function (rows) { return rows[0].thread; }));
    assert.strictEqual(threads.size, 2);
  });

  it('replaces a free connection that the server killed, without the caller noticing', async function () {
    const pool = createPool({ connectionLimit: 1 });
    const first = (await query(pool, 'SELECT CONNECTION_ID() AS thread'))[0].thread;
    await delay(10);
    await fx.run(fx.connect(), 'KILL ?', [first]);

    const second = (await query(pool, 'SELECT CONNECTION_ID() AS thread'))[0].thread;
    assert.notStrictEqual(second, first);
    assert.strictEqual(pool._allConnections.length, 1);
  });

  it('resets the database of a connection that switched it before the next caller gets it', async function () {
    const other = uniqueName('db');
    const admin = fx.connect();
    await fx.run(admin, 'CREATE DATABASE ??', [other]);
    fx.onCleanup('DROP DATABASE IF EXISTS ' + common.mysql.escapeId(other));
    const pool = createPool({ connectionLimit: 1 });

    const connection = await acquire(pool);
    await new Promise(function (resolve, reject) {
      connection.changeUser({ database: other }, function (err) { if (err) reject(err); else resolve(); });
    });
    assert.strictEqual((await query(connection, 'SELECT DATABASE() AS db'))[0].db, other);
    connection.release();

    const again = await acquire(pool);
    assert.strictEqual(again, connection);
    assert.strictEqual((await query(again, 'SELECT DATABASE() AS db'))[0].db, common.config().database);
    again.release();
  });

  it('keeps session state across release and reuse, as mysqljs does (no reset unless user or database changed)',
    async function () {
      const pool = createPool({ connectionLimit: 1 });
      const connection = await acquire(pool);
      await query(connection, 'SET @pool_marker = 7');
      connection.release();
      const again = await acquire(pool);
      assert.strictEqual((await query(again, 'SELECT @pool_marker AS m'))[0].m, 7);
      again.release();
    });

  it('runs a transaction on one connection from getConnection()', async function () {
    const table = fx.table('pool_tx');
    const admin = fx.connect();
    await fx.run(admin, 'CREATE TABLE ?? (id INT PRIMARY KEY) ENGINE=InnoDB', [table]);
    const pool = createPool();

    const connection = await acquire(pool);
    await query(connection, 'START TRANSACTION');
    await query(connection, 'INSERT INTO ?? VALUES (1), (2)', [table]);
    assert.strictEqual((await query(pool, 'SELECT COUNT(*) AS n FROM ??', [table]))[0].n, 0);
    await query(connection, 'COMMIT');
    connection.release();
    assert.strictEqual((await query(pool, 'SELECT COUNT(*) AS n FROM ??', [table]))[0].n, 2);
  });

  it('streams a result set through pool.query().stream() and releases the connection after it', function (done) {
    const pool = createPool({ connectionLimit: 1 });
    let count = 0;
    pool.query('SELECT seq FROM seq_1_to_5000').stream({ highWaterMark: 10 })
      .on('data', function (row) {
        count++;
        assert.strictEqual(row.seq, count);
      })
      .on('error', done)
      .on('end', function () {
        assert.strictEqual(count, 5000);
        setImmediate(function () {
          assert.strictEqual(pool._freeConnections.length, 1);
          done();
        });
      });
  });

  it('closes every server thread on end(), and fails what was still waiting with POOL_CLOSED', async function () {
    const pool = createPool({ connectionLimit: 3 });
    const threads = [];
    pool.on('connection', function (connection) { threads.push(connection.threadId); });
    const outcomes = Array.from({ length: 30 }, function () {
      return query(pool, 'SELECT SLEEP(0.01) AS s').then(function () { return 'ok'; }, function (err) { return err.code; });
    });
    await outcomes[0];
    await new Promise(function (resolve, reject) {
      pool.end(function (err) { if (err) reject(err); else resolve(); });
    });

    const codes = await Promise.all(outcomes);
    assert.strictEqual(codes[0], 'ok');
    codes.forEach(function (code) { assert.ok(code === 'ok' || code === 'POOL_CLOSED', code); });
    assert.strictEqual(threads.length, 3);
    const admin = fx.connect();
    let open = await openThreads(admin, threads);
    for (let i = 0; i < 20 && open.length > 0; i++) {
      await delay(50);
      open = await openThreads(admin, threads);
    }
    assert.deepStrictEqual(open, []);
  });
});
