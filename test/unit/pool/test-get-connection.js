'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

describe('pool: getConnection and release', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  it('connects lazily and hands out a PoolConnection owned by the pool', function (done) {
    const Connection = require(path.join(common.lib, 'Connection'));
    const PoolConnection = require(path.join(common.lib, 'PoolConnection'));
    const pool = pools.create();
    assert.strictEqual(pool._allConnections.length, 0);

    pool.getConnection(function (err, connection) {
      assert.ifError(err);
      assert.ok(connection instanceof PoolConnection);
      assert.ok(connection instanceof Connection);
      assert.strictEqual(connection.threadId, 1);
      assert.strictEqual(connection._pool, pool);
      assert.strictEqual(pool._allConnections.length, 1);
      assert.strictEqual(pool._freeConnections.length, 0);
      done();
    });
  });

  it('gives every connection its own copy of the pool connection options', async function () {
    const pool = pools.create({ user: 'alice', database: 'shop' });
    const connection = await acquire(pool);
    assert.notStrictEqual(connection.config, pool.config.connectionConfig);
    assert.strictEqual(connection.config.user, 'alice');
    assert.strictEqual(connection.config.database, 'shop');
    assert.strictEqual(connection.config.clientFlags, pool.config.connectionConfig.clientFlags);
    assert.strictEqual(pool.config.connectionConfig.pool, pool);
  });

  it('emits connection, then acquire, then calls back, for a new connection', function (done) {
    const pool = pools.create();
    const events = [];
    pool.on('connection', function (connection) { events.push(['connection', connection.threadId]); });
    pool.on('acquire', function (connection) { events.push(['acquire', connection.threadId]); });

    pool.getConnection(function (err, connection) {
      assert.ifError(err);
      events.push(['callback', connection.threadId]);
      assert.deepStrictEqual(events, [['connection', 1], ['acquire', 1], ['callback', 1]]);
      done();
    });
  });

  it('emits acquire but not connection when it hands out a released connection again', async function () {
    const pool = pools.create();
    const events = [];
    (await acquire(pool)).release();
    pool.on('connection', function () { events.push('connection'); });
    pool.on('acquire', function () { events.push('acquire'); });

    const connection = await acquire(pool);
    assert.strictEqual(connection.threadId, 1);
    assert.deepStrictEqual(events, ['acquire']);
  });

  it('emits release once the connection is listed as free', async function () {
    const pool = pools.create();
    const connection = await acquire(pool);
    let seen = null;
    pool.on('release', function (released) {
      seen = { released: released, free: pool._freeConnections.indexOf(released) !== -1 };
    });

    connection.release();
    assert.deepStrictEqual(seen, { released: connection, free: true });
  });

  it('takes free connections from the front and returns them to the back (round-robin)', async function () {
    const pool = pools.create({ connectionLimit: 3 });
    const first = await Promise.all([acquire(pool), acquire(pool), acquire(pool)]);
    first.sort(function (a, b) { return a.threadId - b.threadId; }).forEach(function (c) { c.release(); });

    const order = [];
    for (let i = 0; i < 6; i++) {
      const connection = await acquire(pool);
      order.push(connection.threadId);
      connection.release();
    }
    assert.deepStrictEqual(order, [1, 2, 3, 1, 2, 3]);
  });

  it('opens no more than connectionLimit connections and queues the rest', async function () {
    let opened = 0;
    fake.server.on('connection', function (conn) {
      opened++;
      conn.handshake();
    });
    const pool = pools.create({ connectionLimit: 2 });
    const served = [];
    for (let i = 0; i < 5; i++) {
      pool.getConnection(function (err, connection) { served.push(err || connection); });
    }

    await delay(50);
    assert.strictEqual(opened, 2);
    assert.strictEqual(served.length, 2);
    assert.strictEqual(pool._allConnections.length, 2);
    assert.strictEqual(pool._connectionQueue.length, 3);
  });

  it('treats connectionLimit 0 as no limit', async function () {
    const pool = pools.create({ connectionLimit: 0 });
    const connections = await Promise.all(Array.from({ length: 15 }, function () { return acquire(pool); }));
    assert.strictEqual(new Set(connections.map(function (c) { return c.threadId; })).size, 15);
    assert.strictEqual(pool._connectionQueue.length, 0);
  });

  it('passes a failed connect to the callback once and frees its place', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error("Access denied for user 'root'", 1045, '28000'); } });
    });
    const pool = pools.create({ connectionLimit: 1 });
    let calls = 0;

    pool.getConnection(function (err, connection) {
      calls++;
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(connection, undefined);
      assert.strictEqual(pool._allConnections.length, 0);
      setTimeout(function () {
        assert.strictEqual(calls, 1);
        done();
      }, 50);
    });
  });

  it('hands a place freed by a failed connect to the next queued callback', function (done) {
    let attempts = 0;
    fake.server.on('connection', function (conn) {
      attempts++;
      if (attempts === 1) conn.handshake({ auth: function (packet, c) { c.error('no', 1045, '28000'); } });
      else conn.handshake();
    });
    const pool = pools.create({ connectionLimit: 1 });
    const results = [];

    pool.getConnection(function (err) { results.push(err && err.code); });
    pool.getConnection(function (err, connection) {
      assert.ifError(err);
      results.push(connection.threadId);
      assert.deepStrictEqual(results, ['ER_ACCESS_DENIED_ERROR', 2]);
      done();
    });
  });

  it('lets releaseConnection() return a connection, as release() does', async function () {
    const pool = pools.create();
    const connection = await acquire(pool);
    pool.releaseConnection(connection);
    assert.deepStrictEqual(pool._freeConnections, [connection]);
  });

  // mysqljs threw from getConnection() here and counted the connection against connectionLimit for good, so
  // after connectionLimit such calls every getConnection() waited forever. Ours calls back with the error.
  common.itOwn('gives an invalid port to the callback and keeps no place for it', async function () {
    const pool = pools.create({ port: 99999, connectionLimit: 2 });
    const codes = await Promise.all([0, 1, 2].map(function () {
      return new Promise(function (resolve) {
        pool.getConnection(function (err) { resolve(err && err.code); });
      });
    }));
    assert.deepStrictEqual(codes, ['ERR_SOCKET_BAD_PORT', 'ERR_SOCKET_BAD_PORT', 'ERR_SOCKET_BAD_PORT']);
    assert.strictEqual(pool._allConnections.length, 0);
    assert.strictEqual(pool._connectionQueue.length, 0);
  });
});
