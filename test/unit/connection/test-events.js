'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: enqueue, drain, connect, end and error events', function () {
  const fake = common.useFakeServer();

  it("emits 'enqueue' with each sequence as it is queued", function () {
    const connection = fake.createConnection();
    const enqueued = [];
    connection.on('enqueue', function (sequence) { enqueued.push(sequence); });
    const query = connection.query('SELECT 1');
    assert.strictEqual(enqueued.length, 2);
    assert.strictEqual(enqueued[0].constructor.name, 'Handshake');
    assert.strictEqual(enqueued[1], query);
  });

  it("emits 'drain' once the queue is empty", function (done) {
    const connection = fake.createConnection();
    const finished = [];
    connection.query('SELECT 1', function () { finished.push(1); });
    connection.query('SELECT 2', function () { finished.push(2); });
    connection.on('drain', function () {
      assert.deepStrictEqual(finished, [1, 2]);
      done();
    });
  });

  it("emits 'connect' when the socket connects", function (done) {
    const connection = fake.createConnection();
    connection.on('connect', function () {
      assert.strictEqual(connection.state, 'connected');
      done();
    });
    connection.connect();
  });

  it("emits 'end' without an error after end()", function (done) {
    const connection = fake.createConnection();
    connection.on('end', function (err) {
      assert.strictEqual(err, undefined);
      done();
    });
    connection.connect();
    connection.end();
  });

  it("emits 'end' with the fatal error when the server closes the connection", function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.destroy(); });
    });
    const connection = fake.createConnection();
    connection.on('end', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
      assert.strictEqual(err.fatal, true);
      done();
    });
    connection.query('SELECT 1', function () {});
  });

  it("emits a fatal 'error' when an idle connection is closed by the server", function (done) {
    let serverSide = null;
    fake.server.on('connection', function (conn) {
      serverSide = conn;
      conn.handshake();
    });
    const connection = fake.createConnection();
    connection.on('error', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message, 'Connection lost: The server closed the connection.');
      done();
    });
    connection.connect(function (err) {
      assert.ifError(err);
      serverSide.destroy();
    });
  });
});
