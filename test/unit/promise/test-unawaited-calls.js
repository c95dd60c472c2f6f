'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { usePools, delay } = require('../../support/pool-fixtures');
const { describeOwn, promiseApi, connect } = require('./promise-fixtures');

describeOwn('promise: calls that are never awaited', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);
  let unhandled;

  function onUnhandled(reason) { unhandled.push(reason); }

  beforeEach(function () {
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
  });

  afterEach(function () {
    process.removeListener('unhandledRejection', onUnhandled);
  });

  // Records every command in arrival order; FAIL... queries get a server error.
  function recordingServer(seen) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        seen.push(packet.sql);
        if (/^FAIL/.test(packet.sql)) conn.error("Table 'test.nope' doesn't exist", 1146, '42S02');
        else conn.sendResultSet(['n'], [['1']]);
      });
      ['ping', 'statistics', 'changeUser'].forEach(function (event) {
        conn.on(event, function () {
          seen.push(event);
          if (event === 'statistics') conn.statistics();
          else conn.ok();
        });
      });
    });
  }

  it('still run, in call order, and leave no unhandled rejection behind', async function () {
    const seen = [];
    recordingServer(seen);
    const connection = await connect(fake);
    connection.query('SELECT 1');
    connection.ping();
    connection.beginTransaction();
    connection.query('INSERT 2');
    connection.commit();
    connection.rollback();
    connection.statistics();
    connection.changeUser({ user: 'other' });
    connection.queryStream('SELECT 3');
    await connection.end();
    await delay(20);
    assert.deepStrictEqual(seen, ['SELECT 1', 'ping', 'START TRANSACTION', 'INSERT 2', 'COMMIT', 'ROLLBACK',
      'statistics', 'changeUser', 'SELECT 3']);
    assert.deepStrictEqual(unhandled, []);
  });

  it('pool queries and streams that are not awaited run, and a caught failure is the only rejection', async function () {
    const seen = [];
    recordingServer(seen);
    const pool = promiseApi().createPool(pools.nodeConfig({ connectionLimit: 1 }));
    pools.track(pool.pool);
    pool.query('SELECT 1');
    for await (const row of pool.queryStream('SELECT 2')) assert.strictEqual(row.n, '1');
    await assert.rejects(pool.query('FAIL 3'), { code: 'ER_NO_SUCH_TABLE' });
    await assert.rejects(pool.queryStream('FAIL 4').next(), { code: 'ER_NO_SUCH_TABLE' });
    const iterator = pool.queryStream('SELECT 5');
    await pool.end();
    await assert.rejects(iterator.next(), { code: 'POOL_CLOSED' });
    await delay(20);
    // The pool pings a free connection before handing it out again.
    assert.deepStrictEqual(seen.filter(function (command) { return command !== 'ping'; }),
      ['SELECT 1', 'SELECT 2', 'FAIL 3', 'FAIL 4']);
    assert.deepStrictEqual(unhandled, []);
  });
});
