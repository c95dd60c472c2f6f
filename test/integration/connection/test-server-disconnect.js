'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: server disconnects', function () {
  const fx = useFixtures();

  // Attach the handlers at once, so an early rejection is never "unhandled".
  function outcome(promise) {
    return promise.then(function () { return null; }, function (err) { return err; });
  }

  function connected(conn) {
    return new Promise(function (resolve, reject) {
      conn.connect(function (err) { if (err) reject(err); else resolve(); });
    });
  }

  it('emits a fatal PROTOCOL_CONNECTION_LOST "error" when the server kills an idle connection', async function () {
    const victim = fx.connect();
    const killer = fx.connect();
    await connected(victim);
    const lost = new Promise(function (resolve) { victim.on('error', resolve); });

    await fx.run(killer, 'KILL ?', [victim.threadId]);
    const err = await lost;
    assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
    assert.strictEqual(err.fatal, true);
    assert.strictEqual(err.message, 'Connection lost: The server closed the connection.');
  });

  it('fails later queries with PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR after the kill', async function () {
    const victim = fx.connect();
    const killer = fx.connect();
    await connected(victim);
    const lost = new Promise(function (resolve) { victim.on('error', resolve); });
    await fx.run(killer, 'KILL ?', [victim.threadId]);
    await lost;

    await assert.rejects(fx.run(victim, 'SELECT 1'),
      { code: 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', fatal: false });
  });

  it('fails a running query with a fatal error when its connection is killed', async function () {
    const victim = fx.connect();
    const killer = fx.connect();
    await connected(victim);
    const running = outcome(fx.run(victim, 'SELECT SLEEP(10)'));
    await new Promise(function (resolve) { setTimeout(resolve, 100); });
    await fx.run(killer, 'KILL ?', [victim.threadId]);

    // MariaDB may or may not send ER_CONNECTION_KILLED before closing the socket.
    const err = await running;
    assert.ok(err, 'expected the query to fail');
    assert.strictEqual(err.fatal, true);
    assert.ok(['PROTOCOL_CONNECTION_LOST', 'ER_CONNECTION_KILLED'].includes(err.code), err.code);
  });

  it('KILL QUERY fails only the statement (ER_QUERY_INTERRUPTED) and keeps the connection usable', async function () {
    const victim = fx.connect();
    const killer = fx.connect();
    await connected(victim);
    const running = outcome(fx.run(victim, 'SELECT SLEEP(10) AS slept'));
    await new Promise(function (resolve) { setTimeout(resolve, 100); });
    await fx.run(killer, 'KILL QUERY ?', [victim.threadId]);

    const err = await running;
    assert.ok(err, 'expected the query to fail');
    assert.strictEqual(err.code, 'ER_QUERY_INTERRUPTED');
    assert.strictEqual(err.errno, 1317);
    assert.strictEqual(err.sqlState, '70100');
    assert.strictEqual(err.fatal, undefined, 'mysqljs leaves fatal unset on query errors');
    const after = await fx.run(victim, 'SELECT 2 AS two');
    assert.strictEqual(after.results[0].two, 2);
  });

  it('emits "end" with the fatal error when the server goes away', async function () {
    const victim = fx.connect();
    const killer = fx.connect();
    await connected(victim);
    victim.on('error', function () {});
    const ended = new Promise(function (resolve) { victim.on('end', resolve); });
    await fx.run(killer, 'KILL ?', [victim.threadId]);
    const err = await ended;
    assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
    assert.strictEqual(victim.state, 'disconnected');
  });
});
