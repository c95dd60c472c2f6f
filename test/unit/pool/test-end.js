'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

describe('pool: end()', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  it('calls back asynchronously, without error, when no connection is open', function (done) {
    const pool = pools.create();
    let returned = false;
    pool.end(function (err) {
      assert.ok(returned);
      assert.strictEqual(err, undefined);
      assert.strictEqual(pool._closed, true);
      done();
    });
    returned = true;
  });

  it('sends QUIT on every connection and calls back once all of them have closed', async function () {
    let quits = 0;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('quit', function () {
        quits++;
        conn.end();
      });
    });
    const pool = pools.create();
    const connections = await Promise.all([acquire(pool), acquire(pool), acquire(pool)]);
    connections[0].release();

    await new Promise(function (resolve, reject) {
      pool.end(function (err) { if (err) reject(err); else resolve(); });
    });
    assert.strictEqual(quits, 3);
    assert.strictEqual(pool._allConnections.length, 0);
    assert.strictEqual(pool._freeConnections.length, 0);
    connections.forEach(function (connection) { assert.strictEqual(connection.state, 'disconnected'); });
  });

  it('fails getConnection and query afterwards with POOL_CLOSED "Pool is closed."', async function () {
    const pool = pools.create();
    pool.end();
    const err = await new Promise(function (resolve) { pool.getConnection(resolve); });
    assert.strictEqual(err.code, 'POOL_CLOSED');
    assert.strictEqual(err.message, 'Pool is closed.');

    const queryErr = await new Promise(function (resolve) { pool.query('SELECT 1', resolve); });
    assert.strictEqual(queryErr.code, 'POOL_CLOSED');
  });

  it('fails every queued callback with POOL_CLOSED, once each, in queue order', async function () {
    const pool = pools.create({ connectionLimit: 1 });
    const held = await acquire(pool);
    const results = [];
    [1, 2, 3].forEach(function (n) {
      pool.getConnection(function (err) { results.push([n, err && err.code]); });
    });

    const ended = new Promise(function (resolve) { pool.end(resolve); });
    held.release();
    assert.strictEqual(await ended, undefined);
    await delay(20);
    assert.deepStrictEqual(results, [[1, 'POOL_CLOSED'], [2, 'POOL_CLOSED'], [3, 'POOL_CLOSED']]);
    assert.strictEqual(pool._connectionQueue.length, 0);
  });

  it('fails an acquisition whose ping is still running with POOL_CLOSED', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () { setTimeout(function () { conn.ok(); }, 50); });
    });
    const pool = pools.create({ connectionLimit: 1 });
    (await acquire(pool)).release();

    const acquired = new Promise(function (resolve) { pool.getConnection(resolve); });
    const ended = new Promise(function (resolve) { pool.end(resolve); });
    const err = await acquired;
    assert.strictEqual(err.code, 'POOL_CLOSED');
    assert.strictEqual(await ended, undefined);
  });

  it('fails an acquisition whose connection is still being opened with POOL_CLOSED', async function () {
    fake.server.on('connection', function (conn) {
      setTimeout(function () { conn.handshake(); }, 50);
    });
    // Bounds the wait on mysqljs, which only notices the destroyed socket when the handshake times out.
    const pool = pools.create({ acquireTimeout: 500 });
    let calls = 0;
    const acquired = new Promise(function (resolve) {
      pool.getConnection(function (err) {
        calls++;
        resolve(err);
      });
    });
    pool.end();
    const err = await acquired;
    assert.strictEqual(err.code, 'POOL_CLOSED');
    await delay(100);
    assert.strictEqual(calls, 1);
  });

  // mysqljs leaves such a callback waiting until the handshake times out (acquireTimeout).
  common.itOwn('fails it at once, without waiting for acquireTimeout', async function () {
    fake.server.on('connection', function (conn) {
      setTimeout(function () { conn.handshake(); }, 50);
    });
    const pool = pools.create({ acquireTimeout: 2000 });
    const started = Date.now();
    const acquired = new Promise(function (resolve) { pool.getConnection(resolve); });
    const ended = new Promise(function (resolve) { pool.end(resolve); });
    assert.strictEqual((await acquired).code, 'POOL_CLOSED');
    assert.strictEqual(await ended, undefined);
    assert.ok(Date.now() - started < 1000, 'took ' + (Date.now() - started) + ' ms');
  });

  it('lets a query that is already running finish', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        setTimeout(function () { conn.sendResultSet(['n'], [['1']]); }, 30);
      });
    });
    const pool = pools.create();
    const connection = await acquire(pool);
    const result = new Promise(function (resolve, reject) {
      connection.query('SELECT 1', function (err, rows) { if (err) reject(err); else resolve(rows); });
    });
    const ended = new Promise(function (resolve) { pool.end(resolve); });

    assert.strictEqual((await result)[0].n, '1');
    assert.strictEqual(await ended, undefined);
  });

  it('fails a later query on a held connection with PROTOCOL_ENQUEUE_AFTER_QUIT', async function () {
    const pool = pools.create();
    const connection = await acquire(pool);
    pool.end();
    const err = await new Promise(function (resolve) { connection.query('SELECT 1', resolve); });
    assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
    // Releasing it afterwards is harmless.
    connection.release();
  });

  it('passes the first QUIT failure to the callback', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('quit', function () { conn.error('Unknown command', 1047, '08S01'); });
    });
    const pool = pools.create();
    await acquire(pool);
    const err = await new Promise(function (resolve) { pool.end(resolve); });
    assert.strictEqual(err.code, 'ER_UNKNOWN_COM_ERROR');
  });
});
