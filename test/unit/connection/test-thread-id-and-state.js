'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: threadId and state', function () {
  const fake = common.useFakeServer();

  it('has threadId null before connecting', function () {
    assert.strictEqual(fake.createConnection().threadId, null);
  });

  it('takes threadId from the server handshake', function (done) {
    fake.server.on('connection', function (conn) { conn.handshake({ threadId: 4242 }); });
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(connection.threadId, 4242);
      done();
    });
  });

  it("is 'disconnected' before connect()", function () {
    assert.strictEqual(fake.createConnection().state, 'disconnected');
  });

  it("is 'authenticated' once the handshake has completed", function (done) {
    const connection = fake.createConnection();
    connection.connect(assert.ifError);
    connection.query('SELECT 1', function (err) {
      assert.ifError(err);
      assert.strictEqual(connection.state, 'authenticated');
      done();
    });
  });

  it("is 'disconnected' again when end() has closed the connection", function (done) {
    const connection = fake.createConnection();
    connection.on('end', function () {
      assert.strictEqual(connection.state, 'disconnected');
      done();
    });
    connection.connect();
    connection.end(assert.ifError);
  });

  it("is 'protocol_error' after a fatal error reported through the 'error' event", function (done) {
    let serverSide = null;
    fake.server.on('connection', function (conn) {
      serverSide = conn;
      conn.handshake();
    });
    const connection = fake.createConnection();
    connection.on('error', function () {
      assert.strictEqual(connection.state, 'protocol_error');
      done();
    });
    connection.connect(function (err) {
      assert.ifError(err);
      serverSide.destroy();
    });
  });
});
