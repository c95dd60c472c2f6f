'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

describe('pool: waiting for a connection', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  it('queues callbacks while every connection is busy and serves them first come, first served', async function () {
    const pool = pools.create({ connectionLimit: 1 });
    const held = await acquire(pool);
    const order = [];
    let enqueued = 0;
    pool.on('enqueue', function () { enqueued++; });

    [1, 2, 3].forEach(function (n) {
      pool.getConnection(function (err, connection) {
        assert.ifError(err);
        order.push(n);
        assert.strictEqual(connection, held);
        setImmediate(function () { connection.release(); });
      });
    });
    assert.strictEqual(enqueued, 3);
    assert.strictEqual(pool._connectionQueue.length, 3);

    held.release();
    await delay(50);
    assert.deepStrictEqual(order, [1, 2, 3]);
    assert.strictEqual(pool._connectionQueue.length, 0);
    assert.strictEqual(pool._allConnections.length, 1);
  });

  it('fails with POOL_CONNLIMIT instead when waitForConnections is false', async function () {
    const pool = pools.create({ connectionLimit: 1, waitForConnections: false });
    await acquire(pool);
    let enqueued = 0;
    pool.on('enqueue', function () { enqueued++; });
    let returned = false;

    const err = await new Promise(function (resolve) {
      pool.getConnection(function (e) {
        assert.ok(returned, 'called back asynchronously');
        resolve(e);
      });
      returned = true;
    });
    assert.strictEqual(err.code, 'POOL_CONNLIMIT');
    assert.strictEqual(err.message, 'No connections available.');
    assert.strictEqual(enqueued, 0);
  });

  it('queues up to queueLimit callbacks and fails the next one, once, with POOL_ENQUEUELIMIT', async function () {
    const pool = pools.create({ connectionLimit: 1, queueLimit: 2 });
    const held = await acquire(pool);
    let enqueued = 0;
    pool.on('enqueue', function () { enqueued++; });
    const results = [];

    ['a', 'b', 'c'].forEach(function (name) {
      pool.getConnection(function (err, connection) {
        results.push([name, err ? err.code : connection.threadId]);
        if (connection) setImmediate(function () { connection.release(); });
      });
    });
    assert.strictEqual(enqueued, 2);
    assert.strictEqual(pool._connectionQueue.length, 2);

    await delay(20);
    assert.deepStrictEqual(results, [['c', 'POOL_ENQUEUELIMIT']]);

    held.release();
    await delay(50);
    assert.deepStrictEqual(results, [['c', 'POOL_ENQUEUELIMIT'], ['a', 1], ['b', 1]]);
  });

  it('says "Queue limit reached." and counts only callbacks still waiting', async function () {
    const pool = pools.create({ connectionLimit: 1, queueLimit: 1 });
    const held = await acquire(pool);
    const first = new Promise(function (resolve) {
      pool.getConnection(function (err, connection) { resolve(err || connection); });
    });
    const rejected = await new Promise(function (resolve) { pool.getConnection(resolve); });
    assert.strictEqual(rejected.code, 'POOL_ENQUEUELIMIT');
    assert.strictEqual(rejected.message, 'Queue limit reached.');

    held.release();
    const served = await first;
    assert.strictEqual(served, held);
    // The queue is empty again: one more caller may wait.
    const second = new Promise(function (resolve) {
      pool.getConnection(function (err, connection) { resolve(err || connection); });
    });
    assert.strictEqual(pool._connectionQueue.length, 1);
    served.release();
    assert.strictEqual(await second, held);
  });

  it('queues without limit when queueLimit is 0', async function () {
    const pool = pools.create({ connectionLimit: 1, queueLimit: 0 });
    const held = await acquire(pool);
    let served = 0;
    const allServed = new Promise(function (resolve) {
      for (let i = 0; i < 500; i++) {
        pool.getConnection(function (err, connection) {
          assert.ifError(err);
          connection.release();
          if (++served === 500) resolve();
        });
      }
    });
    assert.strictEqual(pool._connectionQueue.length, 500);
    held.release();
    await allServed;
    assert.strictEqual(pool._connectionQueue.length, 0);
  });

  it('does not time a queued request out: acquireTimeout covers connecting and pinging only', async function () {
    const pool = pools.create({ connectionLimit: 1, acquireTimeout: 30 });
    const held = await acquire(pool);
    const waiting = new Promise(function (resolve) {
      pool.getConnection(function (err, connection) { resolve(err || connection); });
    });
    await delay(120);
    held.release();
    assert.strictEqual(await waiting, held);
  });

  it('exposes the waiting callbacks as pool._connectionQueue, an array tools can read', async function () {
    const pool = pools.create({ connectionLimit: 1 });
    await acquire(pool);
    const callbacks = [function () {}, function () {}];
    callbacks.forEach(function (cb) { pool.getConnection(cb); });

    const queue = pool._connectionQueue;
    assert.ok(Array.isArray(queue));
    assert.strictEqual(queue.length, 2);
    assert.strictEqual(queue[0], callbacks[0]);
    assert.strictEqual(queue[1], callbacks[1]);
    assert.deepStrictEqual(Array.from(queue), callbacks);
    assert.strictEqual(queue.indexOf(callbacks[1]), 1);
  });

  // Upstream's queue is a plain array, so writing to it works there (and can corrupt the pool).
  common.itOwn('keeps pool._connectionQueue read-only', async function () {
    const pool = pools.create({ connectionLimit: 1 });
    await acquire(pool);
    pool.getConnection(function () {});
    assert.throws(function () { pool._connectionQueue.push(function () {}); }, TypeError);
    assert.throws(function () { pool._connectionQueue.length = 0; }, TypeError);
    assert.strictEqual(pool._connectionQueue.length, 1);
  });
});
