'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: commands that cannot be enqueued', function () {
  const fake = common.useFakeServer();

  it('fails a query after end() with PROTOCOL_ENQUEUE_AFTER_QUIT, asynchronously and not fatal', function (done) {
    const connection = fake.createConnection();
    connection.connect();
    connection.end();

    let returned = false;
    connection.query('SELECT 1', function (err) {
      assert.ok(returned, 'the callback must not run inside query()');
      assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
      assert.strictEqual(err.fatal, false);
      assert.strictEqual(err.message, 'Cannot enqueue Query after invoking quit.');
      done();
    });
    returned = true;
  });

  it('fails a query after a fatal error with PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error('Access denied', 1045, '28000'); } });
    });

    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.strictEqual(err.fatal, true);
      connection.query('SELECT 1', function (err) {
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
        assert.strictEqual(err.fatal, false);
        assert.strictEqual(err.message, 'Cannot enqueue Query after fatal error.');
        done();
      });
    });
  });

  it('fails a query after destroy() with PROTOCOL_ENQUEUE_AFTER_DESTROY', function (done) {
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      connection.destroy();
      connection.query('SELECT 1', function (err) {
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
        assert.strictEqual(err.fatal, false);
        assert.strictEqual(err.message, 'Cannot enqueue Query after being destroyed.');
        done();
      });
    });
  });

  it('fails a second connect() with PROTOCOL_ENQUEUE_HANDSHAKE_TWICE', function (done) {
    const connection = fake.createConnection();
    connection.connect();
    connection.connect(function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE');
      assert.strictEqual(err.fatal, false);
      assert.strictEqual(err.message, 'Cannot enqueue Handshake after already enqueuing a Handshake.');
      done();
    });
  });

  it('fails connect() on an authenticated connection with PROTOCOL_ENQUEUE_HANDSHAKE_TWICE', function (done) {
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      connection.connect(function (err) {
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE');
        done();
      });
    });
  });

  it('emits the enqueue error on the connection when the query has no callback', function (done) {
    const connection = fake.createConnection();
    connection.connect();
    connection.end();
    connection.on('error', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
      assert.strictEqual(err.fatal, false);
      done();
    });
    connection.query('SELECT 1');
  });
});
