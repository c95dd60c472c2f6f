'use strict';

const assert = require('assert');
const fs = require('fs');
const net = require('net');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

// A TCP port that nothing listens on: bind an ephemeral port, then free it.
function closedPort() {
  return new Promise(function (resolve) {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', function () {
      const port = server.address().port;
      server.close(function () { resolve(port); });
    });
  });
}

describe('integration: establishing connections', function () {
  const fx = useFixtures();

  it('connect() calls back without error and sets threadId to the server connection id', function (done) {
    const conn = fx.connect();
    conn.connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(typeof conn.threadId, 'number');
      conn.query('SELECT CONNECTION_ID() AS id', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows[0].id, conn.threadId);
        done();
      });
    });
  });

  it('reports state "authenticated" once connected and "disconnected" before', function (done) {
    const conn = fx.connect();
    assert.strictEqual(conn.state, 'disconnected');
    conn.connect(function (err) {
      assert.ifError(err);
      conn.ping(function (err) {
        assert.ifError(err);
        assert.strictEqual(conn.state, 'authenticated');
        done();
      });
    });
  });

  it('connects implicitly when the first query is enqueued', function (done) {
    const conn = fx.connect();
    conn.query('SELECT 1 + 1 AS solution', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].solution, 2);
      assert.strictEqual(typeof conn.threadId, 'number');
      done();
    });
  });

  it('runs queued queries in order', function (done) {
    const conn = fx.connect();
    const seen = [];
    conn.connect();
    conn.query('SELECT 1 AS n', function (err, rows) { assert.ifError(err); seen.push(rows[0].n); });
    conn.query('SELECT SLEEP(0.05), 2 AS n', function (err, rows) { assert.ifError(err); seen.push(rows[0].n); });
    conn.query('SELECT 3 AS n', function (err, rows) {
      assert.ifError(err);
      seen.push(rows[0].n);
      assert.deepStrictEqual(seen, [1, 2, 3]);
      done();
    });
  });

  it('connects with the database option selected', function (done) {
    const conn = fx.connect();
    conn.query('SELECT DATABASE() AS db', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].db, common.config().database);
      done();
    });
  });

  it('gives a second connect() call PROTOCOL_ENQUEUE_HANDSHAKE_TWICE', function (done) {
    const conn = fx.connect();
    conn.connect(function (err) { assert.ifError(err); });
    conn.connect(function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE');
      assert.strictEqual(err.fatal, false);
      done();
    });
  });

  it('fails with ER_ACCESS_DENIED_ERROR (fatal) on a wrong password', function (done) {
    const conn = fx.connect({ user: 'root', password: 'definitely-not-the-password' });
    conn.connect(function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.errno, 1045);
      assert.strictEqual(err.sqlState, '28000');
      assert.strictEqual(err.fatal, true);
      assert.match(err.message, /^ER_ACCESS_DENIED_ERROR: Access denied for user 'root'/);
      done();
    });
  });

  it('fails with ER_BAD_DB_ERROR (fatal) on an unknown database', function (done) {
    const conn = fx.connect({ database: 'no_such_database_' + Date.now() });
    conn.connect(function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'ER_BAD_DB_ERROR');
      assert.strictEqual(err.errno, 1049);
      assert.strictEqual(err.fatal, true);
      done();
    });
  });

  it('delivers ECONNREFUSED (fatal) to connect() and to every queued query', async function () {
    const port = await closedPort();
    const conn = fx.connect({ host: '127.0.0.1', port: port, socketPath: undefined });
    const errors = await Promise.all([
      new Promise(function (resolve) { conn.connect(resolve); }),
      new Promise(function (resolve) { conn.query('SELECT 1', resolve); }),
    ]);
    for (const err of errors) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.fatal, true);
    }
  });

  it('connects through a unix socket (socketPath)', async function () {
    const probe = fx.connect();
    const { results } = await fx.run(probe, 'SELECT @@socket AS socket');
    const socketPath = process.env.MYSQL_SOCKET || results[0].socket;
    if (!socketPath || !fs.existsSync(socketPath)) this.skip();

    const conn = fx.connect({ socketPath: socketPath });
    const { results: rows } = await fx.run(conn, 'SELECT 1 AS one');
    assert.strictEqual(rows[0].one, 1);
  });
});
