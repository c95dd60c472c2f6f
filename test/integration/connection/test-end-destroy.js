'use strict';

const assert = require('assert');
const common = require('../../support/common');
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

  it('gives queries enqueued after end() PROTOCOL_ENQUEUE_AFTER_QUIT', async function () {
    const conn = fx.connect();
    const ended = new Promise(function (resolve) { conn.end(resolve); });
    const rejected = new Promise(function (resolve) { conn.query('SELECT 1', resolve); });
    const err = await rejected;
    assert.ok(err, 'expected an error');
    assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
    assert.strictEqual(err.fatal, false);
    assert.ifError(await ended);
  });

  it('destroy() closes the socket at once and drops the session on the server', async function () {
    const conn = fx.connect();
    await fx.run(conn, 'SELECT 1');
    const threadId = conn.threadId;
    conn.destroy();
    assert.strictEqual(conn.state, 'disconnected');
    assert.strictEqual(await waitUntilGone(fx, threadId), true);
  });

  it('destroy() emits no further "error" or "end" events on the connection', function (done) {
    const conn = fx.connect();
    let events = 0;
    conn.on('error', function () { events++; });
    conn.on('end', function () { events++; });
    conn.connect(function (err) {
      assert.ifError(err);
      conn.query('SELECT SLEEP(0.2)', function () {});
      conn.destroy();
      setTimeout(function () {
        assert.strictEqual(events, 0);
        done();
      }, 400);
    });
  });

  // Differs from upstream on purpose (DESIGN: every callback is called exactly
  // once, destroy() while queued included). mysqljs never calls them.
  common.itOwn('destroy() fails each queued callback once with PROTOCOL_CONNECTION_DESTROYED', function (done) {
    const conn = fx.connect();
    const errors = [];
    conn.connect(function (err) {
      assert.ifError(err);
      conn.query('SELECT SLEEP(0.2)', function (err) { errors.push(err); });
      conn.query('SELECT 1', function (err) { errors.push(err); });
      conn.destroy();
      setTimeout(function () {
        assert.strictEqual(errors.length, 2);
        for (const err of errors) {
          assert.strictEqual(err && err.code, 'PROTOCOL_CONNECTION_DESTROYED');
          assert.strictEqual(err.fatal, true);
        }
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
