'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

// Whether the server still lists a connection id, asked from another session.
async function serverHasThread(fx, threadId) {
  const observer = fx.connect();
  const { results } = await fx.run(observer,
    'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ?', [threadId]);
  return results[0].n === 1;
}

// The server drops a closed session from its process list asynchronously.
async function waitUntilGone(fx, threadId) {
  for (let i = 0; i < 50; i++) {
    if (!(await serverHasThread(fx, threadId))) return true;
    await new Promise(function (resolve) { setTimeout(resolve, 20); });
  }
  return false;
}

describe('integration: terminating connections', function () {
  const fx = useFixtures();

  it('end() runs every queued query before quitting, then calls back', function (done) {
    const conn = fx.connect();
    const order = [];
    conn.query('SELECT SLEEP(0.05) AS s', function (err) { assert.ifError(err); order.push('q1'); });
    conn.query('SELECT 2 AS n', function (err) { assert.ifError(err); order.push('q2'); });
    conn.end(function (err) {
      assert.ifError(err);
      assert.deepStrictEqual(order, ['q1', 'q2']);
      done();
    });
  });

  it('end() closes the session on the server', async function () {
    const conn = fx.connect();
    await fx.run(conn, 'SELECT 1');
    const threadId = conn.threadId;
    assert.strictEqual(await serverHasThread(fx, threadId), true);
    await new Promise(function (resolve, reject) { conn.end(function (err) { if (err) reject(err); else resolve(); }); });
    assert.strictEqual(await waitUntilGone(fx, threadId), true);
  });

  it('emits "end" on the connection after end()', function (done) {
    const conn = fx.connect();
    conn.on('end', function (err) {
      assert.ok(!err, 'a clean end carries no error');
      assert.strictEqual(conn.state, 'disconnected');
      done();
    });
    conn.connect(function (err) {
      assert.ifError(err);
      conn.end();
    });
  });

  it('gives queries enqueued after end() PROTOCOL_ENQUEUE_AFTER_QUIT', function (done) {
    const conn = fx.connect();
    conn.end(function (err) { assert.ifError(err); });
    conn.query('SELECT 1', function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
      assert.strictEqual(err.fatal, false);
      done();
    });
  });

  it('destroy() closes the socket at once and drops the session on the server', async function () {
    const conn = fx.connect();
    await fx.run(conn, 'SELECT 1');
    const threadId = conn.threadId;
    conn.destroy();
    assert.strictEqual(conn.state, 'disconnected');
    assert.strictEqual(await waitUntilGone(fx, threadId), true);
  });

  it('destroy() fires no further callbacks or events for queued queries', function (done) {
    const conn = fx.connect();
    let called = 0;
    conn.on('error', function () { called++; });
    conn.on('end', function () { called++; });
    conn.connect(function (err) {
      assert.ifError(err);
      conn.query('SELECT SLEEP(0.2)', function () { called++; });
      conn.query('SELECT 1', function () { called++; });
      conn.destroy();
      setTimeout(function () {
        assert.strictEqual(called, 0);
        done();
      }, 400);
    });
  });

  it('gives queries enqueued after destroy() PROTOCOL_ENQUEUE_AFTER_DESTROY', function (done) {
    const conn = fx.connect();
    conn.connect(function (err) {
      assert.ifError(err);
      conn.destroy();
      conn.query('SELECT 1', function (err) {
        assert.ok(err, 'expected an error');
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
        assert.strictEqual(err.fatal, false);
        done();
      });
    });
  });
});
