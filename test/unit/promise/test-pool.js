'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { usePools, delay } = require('../../support/pool-fixtures');
const { describeOwn, promiseApi, rows, startResultSet } = require('./promise-fixtures');

describeOwn('promise: pool', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  function createPool(extra) {
    const pool = promiseApi().createPool(pools.nodeConfig(extra));
    pools.track(pool.pool);
    return pool;
  }

  // Every query gets one row naming its SQL and the server thread; FAIL... gets a server error.
  function echoServer() {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        if (/^FAIL/.test(packet.sql)) conn.error("Table 'test.nope' doesn't exist", 1146, '42S02');
        else conn.sendResultSet(['sql', 'thread'], [[packet.sql, conn.threadId]]);
      });
    });
  }

  it('wraps a callback Pool, reachable as .pool', function () {
    const pool = createPool();
    const Pool = require(path.join(common.lib, 'Pool'));
    assert.ok(pool.pool instanceof Pool);
    assert.strictEqual(pool.config.connectionConfig.port, fake.server.port());
  });

  it('query() resolves to [rows, fields] and gives the connection back when the query ends', async function () {
    echoServer();
    const pool = createPool();
    const [results, fields] = await pool.query('SELECT ?', [42]);
    assert.deepStrictEqual([results[0].sql, results[0].thread], ['SELECT 42', '1']);
    assert.strictEqual(fields[0].name, 'sql');
    await delay(0);
    assert.strictEqual(pool.pool._freeConnections.length, 1);
  });

  it('query() rejects with the server error, and with POOL_CLOSED after end()', async function () {
    echoServer();
    const pool = createPool();
    await assert.rejects(pool.query('FAIL'), { code: 'ER_NO_SUCH_TABLE', sql: 'FAIL' });
    await pool.end();
    await assert.rejects(pool.query('SELECT 1'), { code: 'POOL_CLOSED' });
    await assert.rejects(pool.getConnection(), { code: 'POOL_CLOSED' });
  });

  it('getConnection() resolves to a connection whose release() returns it to the pool', async function () {
    echoServer();
    const pool = createPool({ connectionLimit: 1 });
    const first = await pool.getConnection();
    const PoolConnection = require(path.join(common.lib, 'PoolConnection'));
    assert.ok(first.connection instanceof PoolConnection);
    const [results] = await first.query('SELECT 1');
    assert.strictEqual(results[0].thread, String(first.threadId));

    const waiting = pool.getConnection();
    first.release();
    const second = await waiting;
    assert.strictEqual(second.connection, first.connection);
    second.release();
  });

  it('getConnection() rejects with the connect error', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error("Access denied for user 'root'", 1045, '28000'); } });
    });
    const pool = createPool();
    await assert.rejects(pool.getConnection(), { code: 'ER_ACCESS_DENIED_ERROR', fatal: true });
  });

  it('destroy() on a pooled connection closes it and removes it from the pool', async function () {
    echoServer();
    const pool = createPool();
    const connection = await pool.getConnection();
    connection.destroy();
    assert.strictEqual(pool.pool._allConnections.length, 0);
  });

  it('end() on a pooled connection releases it, as in the callback API', async function () {
    echoServer();
    const pool = createPool();
    const connection = await pool.getConnection();
    const warn = console.warn;
    const warnings = [];
    console.warn = function (message) { warnings.push(message); };
    try {
      await connection.end();
    } finally {
      console.warn = warn;
    }
    assert.strictEqual(warnings.length, 1);
    assert.deepStrictEqual(pool.pool._freeConnections, [connection.connection]);
  });

  it('queryStream() takes a connection only when read, and releases it when the query ends', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.sendResultSet(['id', 'name'], rows(300)); });
    });
    const pool = createPool();
    const iterator = pool.queryStream('SELECT id, name FROM t');
    await delay(20);
    assert.strictEqual(pool.pool._allConnections.length, 0);
    let count = 0;
    for await (const row of iterator) {
      count++;
      assert.strictEqual(row.id, String(count));
    }
    assert.strictEqual(count, 300);
    assert.strictEqual(pool.pool._freeConnections.length, 1);
  });

  it('queryStream() that is stopped before it is read takes no connection', async function () {
    const pool = createPool();
    const iterator = pool.queryStream('SELECT 1');
    assert.deepStrictEqual(await iterator.return(), { done: true, value: undefined });
    assert.deepStrictEqual(await iterator.next(), { done: true, value: undefined });
    assert.strictEqual(pool.pool._allConnections.length, 0);
  });

  it('after an early break the connection goes back once the rest of the result is read', async function () {
    let server = null;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      let count = 0;
      conn.on('query', function (packet) {
        if (count++ > 0) {
          conn.sendResultSet(['sql'], [[packet.sql]]);
          return;
        }
        server = conn;
        startResultSet(conn, ['id']);
        for (let i = 1; i <= 3; i++) conn.writeRow([String(i)]);
      });
    });
    const pool = createPool({ connectionLimit: 1 });
    for await (const row of pool.queryStream('SELECT id FROM t')) {
      assert.strictEqual(row.id, '1');
      break;
    }
    const next = pool.query('SELECT 2');
    await delay(30);
    assert.strictEqual(pool.pool._freeConnections.length, 0, 'released before its query ended');
    for (let i = 4; i <= 2000; i++) server.writeRow([String(i)]);
    server.eof();
    const [results] = await next;
    assert.strictEqual(results[0].sql, 'SELECT 2');
  });

  it('queryStream() throws the getConnection() error on the first next()', async function () {
    const pool = createPool();
    await pool.end();
    await assert.rejects(pool.queryStream('SELECT 1').next(), { code: 'POOL_CLOSED' });
  });

  it("on() reaches the pool's events, whose listeners get callback PoolConnections", async function () {
    echoServer();
    const pool = createPool();
    const events = [];
    pool.on('connection', function (connection) { events.push('connection:' + connection.threadId); });
    pool.once('acquire', function (connection) { events.push('acquire:' + connection.threadId); });
    pool.on('release', function (connection) { events.push('release:' + connection.threadId); });
    await pool.query('SELECT 1');
    await pool.query('SELECT 2');
    await delay(0);
    assert.deepStrictEqual(events, ['connection:1', 'acquire:1', 'release:1', 'release:1']);
  });

  it('end() resolves once every connection has closed', async function () {
    echoServer();
    let quits = 0;
    fake.server.on('connection', function (conn) {
      conn.on('quit', function () {
        quits++;
        conn.end();
      });
    });
    const pool = createPool();
    const a = await pool.getConnection();
    const b = await pool.getConnection();
    a.release();
    b.release();
    await pool.end();
    assert.strictEqual(quits, 2);
  });

  it('escape() and escapeId() follow the pool config', function () {
    const pool = createPool();
    assert.strictEqual(pool.escape("it's"), "'it\\'s'");
    assert.strictEqual(pool.escapeId('a.b'), '`a`.`b`');
  });
});
