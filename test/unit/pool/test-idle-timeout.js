'use strict';

// idleTimeout is a mysql-ts extension: mysqljs keeps free connections open until the server drops them.

const assert = require('assert');
const common = require('../../support/common');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

(common.isUpstream ? describe.skip : describe)('pool: idleTimeout (mysql-ts extension)', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  function countQuits() {
    const quits = { count: 0 };
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('quit', function () {
        quits.count++;
        conn.end();
      });
    });
    return quits;
  }

  it('closes a free connection with QUIT once it has been idle that long', async function () {
    const quits = countQuits();
    const pool = pools.create({ idleTimeout: 100 });
    const connection = await acquire(pool);
    connection.release();

    await delay(40);
    assert.strictEqual(quits.count, 0);
    assert.strictEqual(pool._freeConnections.length, 1);
    await delay(150);
    assert.strictEqual(quits.count, 1);
    assert.strictEqual(pool._allConnections.length, 0);
    assert.strictEqual(connection._pool, null);
    assert.strictEqual((await acquire(pool)).threadId, 2);
  });

  it('counts idle time from the last release, and leaves connections in use alone', async function () {
    const quits = countQuits();
    const pool = pools.create({ idleTimeout: 120 });
    const busy = await acquire(pool);
    const reused = await acquire(pool);
    reused.release();

    await delay(70);
    assert.strictEqual(await acquire(pool), reused);
    reused.release();
    await delay(70);
    assert.strictEqual(quits.count, 0, 'reused 70 ms ago');
    await delay(110);
    assert.strictEqual(quits.count, 1);
    assert.deepStrictEqual(pool._allConnections, [busy]);
  });

  it('closes each connection on its own schedule, oldest first', async function () {
    const quits = countQuits();
    const pool = pools.create({ idleTimeout: 100 });
    const first = await acquire(pool);
    const second = await acquire(pool);
    first.release();
    await delay(80);
    second.release();

    await delay(70);
    assert.deepStrictEqual(pool._freeConnections, [second]);
    await delay(80);
    assert.strictEqual(quits.count, 2);
    assert.strictEqual(pool._allConnections.length, 0);
  });

  it('keeps free connections open without it', async function () {
    const quits = countQuits();
    const pool = pools.create();
    (await acquire(pool)).release();
    await delay(100);
    assert.strictEqual(quits.count, 0);
    assert.strictEqual(pool._freeConnections.length, 1);
  });

  it('stops when the pool ends', async function () {
    const pool = pools.create({ idleTimeout: 30 });
    (await acquire(pool)).release();
    await new Promise(function (resolve) { pool.end(resolve); });
    assert.strictEqual(pool._idleTimer._timer, null);
  });
});
