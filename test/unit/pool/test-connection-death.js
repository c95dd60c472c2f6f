'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

describe('pool: connections that die, are destroyed or released wrongly', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  // Keeps the server side of every connection, by thread id, so a test can kill one.
  function trackServerConnections() {
    const byThread = new Map();
    fake.server.on('connection', function (conn) {
      byThread.set(conn.threadId, conn);
      conn.handshake();
    });
    return byThread;
  }

  function waitForEnd(connection) {
    return new Promise(function (resolve) { connection.once('end', resolve); });
  }

  it('purges a free connection that the server closed and never hands it out again', async function () {
    const server = trackServerConnections();
    const pool = pools.create();
    const connection = await acquire(pool);
    connection.release();

    const ended = waitForEnd(connection);
    server.get(1).destroy();
    await ended;
    assert.strictEqual(pool._allConnections.length, 0);
    assert.strictEqual(pool._freeConnections.length, 0);

    const next = await acquire(pool);
    assert.strictEqual(next.threadId, 2);
  });

  it('purges a connection that dies while checked out; release() afterwards does nothing', async function () {
    const server = trackServerConnections();
    const pool = pools.create();
    const connection = await acquire(pool);
    const failed = new Promise(function (resolve) { connection.once('error', resolve); });

    server.get(1).destroy();
    const err = await failed;
    assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
    assert.strictEqual(connection._pool, null);
    assert.strictEqual(pool._allConnections.length, 0);

    connection.release();
    assert.strictEqual(pool._freeConnections.length, 0);
  });

  it('gives a queued callback a new connection when the busy one dies', async function () {
    const server = trackServerConnections();
    const pool = pools.create({ connectionLimit: 1 });
    const held = await acquire(pool);
    held.on('error', function () {});
    const waiting = acquire(pool);

    server.get(1).destroy();
    const next = await waiting;
    assert.strictEqual(next.threadId, 2);
    assert.deepStrictEqual(pool._allConnections, [next]);
  });

  it('removes a connection on destroy() and lets a queued callback open a new one', async function () {
    const pool = pools.create({ connectionLimit: 1 });
    const held = await acquire(pool);
    const waiting = acquire(pool);

    held.destroy();
    assert.strictEqual(held._pool, null);
    const next = await waiting;
    assert.notStrictEqual(next, held);
    assert.strictEqual(next.threadId, 2);
    assert.strictEqual(pool._allConnections.length, 1);
  });

  // mysqljs never calls back a query whose connection is destroyed under it.
  common.itOwn('fails a query running on a connection destroyed by another caller, once', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { /* never answers */ });
    });
    const pool = pools.create({ connectionLimit: 1 });
    let calls = 0;
    const failed = new Promise(function (resolve) {
      pool.query('SELECT SLEEP(10)', function (err) {
        calls++;
        resolve(err);
      });
    });
    await delay(30);
    pool._allConnections[0].destroy();

    const err = await failed;
    assert.ok(err, 'an error');
    assert.strictEqual(err.fatal, true);
    await delay(20);
    assert.strictEqual(calls, 1);
    assert.strictEqual(pool._allConnections.length, 0);
  });

  it('purges a connection hit by a stray packet without an error on the pool', async function () {
    const server = trackServerConnections();
    const pool = pools.create();
    pool.on('error', function (err) { assert.fail('pool emitted ' + err.code); });
    const connection = await acquire(pool);
    connection.release();
    const ended = waitForEnd(connection);

    server.get(1).ok(); // an OK packet nobody asked for
    await ended;
    assert.strictEqual(pool._allConnections.length, 0);
    assert.strictEqual((await acquire(pool)).threadId, 2);
  });

  it('throws "Connection already released" on a second release()', async function () {
    const pool = pools.create();
    const connection = await acquire(pool);
    connection.release();
    assert.throws(function () { connection.release(); }, /^Error: Connection already released$/);
    assert.strictEqual(pool._freeConnections.length, 1);
  });

  it('throws when a connection is released to another pool', async function () {
    const pool = pools.create();
    const other = pools.create();
    const connection = await acquire(pool);
    assert.throws(function () { other.releaseConnection(connection); }, /^Error: Connection released to wrong pool$/);
  });

  it('warns that end() on a pooled connection is deprecated, and releases it', async function () {
    const pool = pools.create();
    const connection = await acquire(pool);
    const warnings = [];
    const warn = console.warn;
    console.warn = function (message) { warnings.push(message); };
    try {
      connection.end();
    } finally {
      console.warn = warn;
    }
    assert.deepStrictEqual(warnings, [
      'Calling conn.end() to release a pooled connection is deprecated. In next version calling conn.end() ' +
      'will be restored to default conn.end() behavior. Use conn.release() instead.',
    ]);
    assert.deepStrictEqual(pool._freeConnections, [connection]);
    assert.strictEqual(connection.state, 'authenticated');
  });
});
