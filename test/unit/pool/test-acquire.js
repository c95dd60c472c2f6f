'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { usePools, acquire, delay } = require('../../support/pool-fixtures');

describe('pool: checks and resets before a connection is reused', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  function countCommands(counts) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('packet', function (packet) {
        const name = packet.constructor.name;
        counts[name] = (counts[name] || 0) + 1;
      });
    });
  }

  it('pings a released connection before handing it out again, but not a new one', async function () {
    const counts = {};
    countCommands(counts);
    const pool = pools.create();

    const connection = await acquire(pool);
    assert.strictEqual(counts.ComPingPacket, undefined);
    connection.release();

    assert.strictEqual(await acquire(pool), connection);
    assert.strictEqual(counts.ComPingPacket, 1);
  });

  // upstream mysqljs has no minDelayValidation: it pings on every reuse.
  common.itOwn('with minDelayValidation, skips the ping for a connection released within that window', async function () {
    const counts = {};
    countCommands(counts);
    const pool = pools.create({ minDelayValidation: 200 });

    const connection = await acquire(pool);
    connection.release();
    let sync = true;
    const again = acquire(pool);
    sync = false;
    assert.strictEqual(await again, connection);
    assert.strictEqual(counts.ComPingPacket, undefined);
    assert.strictEqual(sync, false, 'the callback still comes asynchronously');

    connection.release();
    await delay(250);
    assert.strictEqual(await acquire(pool), connection);
    assert.strictEqual(counts.ComPingPacket, 1, 'pinged once the connection had been idle for longer');
  });

  common.itOwn('with minDelayValidation, still resets a connection whose user changed, by changeUser', async function () {
    const counts = {};
    countCommands(counts);
    const pool = pools.create({ minDelayValidation: 1000 });
    const connection = await acquire(pool);
    await new Promise(function (resolve, reject) {
      connection.changeUser({ user: 'someone' }, function (err) { if (err) reject(err); else resolve(); });
    });
    connection.release();
    assert.strictEqual(await acquire(pool), connection);
    assert.strictEqual(counts.ComChangeUserPacket, 2);
    assert.strictEqual(counts.ComPingPacket, undefined);
  });

  it('fails a connection whose handshake does not come within acquireTimeout', function (done) {
    fake.server.on('connection', function () { /* no greeting */ });
    const pool = pools.create({ acquireTimeout: 50 });

    pool.getConnection(function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message, 'Handshake inactivity timeout');
      assert.strictEqual(pool._allConnections.length, 0);
      done();
    });
  });

  it('replaces a connection whose ping does not answer within acquireTimeout', async function () {
    let silent = false;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () {
        if (!silent) conn.ok();
      });
    });
    const pool = pools.create({ acquireTimeout: 50, connectionLimit: 1 });
    (await acquire(pool)).release();

    silent = true;
    const connection = await acquire(pool);
    assert.strictEqual(connection.threadId, 2);
    assert.strictEqual(pool._allConnections.length, 1);
  });

  it('replaces a connection whose ping fails, calling back once with the new one', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () { conn.error('Ping refused', 1105, 'HY000'); });
    });
    const pool = pools.create({ connectionLimit: 1 });
    const first = await acquire(pool);
    first.release();

    let calls = 0;
    const connection = await new Promise(function (resolve, reject) {
      pool.getConnection(function (err, c) {
        calls++;
        if (err) reject(err);
        else resolve(c);
      });
    });
    await delay(30);
    assert.strictEqual(calls, 1);
    assert.strictEqual(connection.threadId, 2);
    assert.deepStrictEqual(pool._allConnections, [connection]);
    assert.strictEqual(first._pool, null);
  });

  it('serves a replaced connection to the same caller before the callbacks queued after it', async function () {
    let refuse = false;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () {
        if (refuse) conn.error('Ping refused', 1105, 'HY000');
        else conn.ok();
      });
    });
    const pool = pools.create({ connectionLimit: 1 });
    (await acquire(pool)).release();

    refuse = true;
    const order = [];
    const both = new Promise(function (resolve) {
      pool.getConnection(function (err, connection) {
        order.push(['first', err ? err.code : connection.threadId]);
        if (connection) connection.release();
      });
      pool.getConnection(function (err, connection) {
        order.push(['second', err ? err.code : connection.threadId]);
        resolve();
      });
    });
    await both;
    assert.deepStrictEqual(order[0], ['first', 2]);
    assert.strictEqual(order[1][0], 'second');
  });

  it('resets a connection whose user was changed, with changeUser to the pool user', async function () {
    const changes = [];
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('changeUser', function (packet) {
        changes.push({ user: packet.user, database: packet.database });
        conn.ok();
      });
    });
    const pool = pools.create({ user: 'app', database: 'shop' });
    const connection = await acquire(pool);
    await new Promise(function (resolve, reject) {
      connection.changeUser({ user: 'admin' }, function (err) { if (err) reject(err); else resolve(); });
    });
    assert.strictEqual(connection.config.user, 'admin');
    connection.release();

    const events = [];
    pool.on('connection', function () { events.push('connection'); });
    pool.on('acquire', function () { events.push('acquire'); });
    assert.strictEqual(await acquire(pool), connection);
    assert.deepStrictEqual(changes, [{ user: 'admin', database: 'shop' }, { user: 'app', database: 'shop' }]);
    assert.strictEqual(connection.config.user, 'app');
    // Reset like a new connection: 'connection' listeners may set up the session again.
    assert.deepStrictEqual(events, ['connection', 'acquire']);
  });

  it('resets a connection whose database was changed', async function () {
    const changes = [];
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('changeUser', function (packet) {
        changes.push(packet.database);
        conn.ok();
      });
    });
    const pool = pools.create({ database: 'shop' });
    const connection = await acquire(pool);
    await new Promise(function (resolve) { connection.changeUser({ database: 'audit' }, resolve); });
    connection.release();

    assert.strictEqual(await acquire(pool), connection);
    assert.deepStrictEqual(changes, ['audit', 'shop']);
    assert.strictEqual(connection.config.database, 'shop');
  });

  it('replaces a connection whose reset fails', async function () {
    let changeUsers = 0;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('changeUser', function () {
        if (++changeUsers === 1) conn.ok();
        else conn.error("Access denied for user 'app'", 1045, '28000');
      });
    });
    const pool = pools.create({ user: 'app', connectionLimit: 1 });
    const connection = await acquire(pool);
    await new Promise(function (resolve) { connection.changeUser({ user: 'admin' }, resolve); });
    connection.release();

    const next = await acquire(pool);
    assert.notStrictEqual(next, connection);
    assert.strictEqual(next.threadId, 2);
    assert.strictEqual(next.config.user, 'app');
  });
});
