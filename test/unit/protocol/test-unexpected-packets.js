'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('protocol: packets the client did not ask for', function () {
  const fake = common.useFakeServer();

  it("emits a fatal PROTOCOL_STRAY_PACKET 'error' for a packet while no command runs", function (done) {
    let serverSide = null;
    fake.server.on('connection', function (conn) {
      serverSide = conn;
      conn.handshake();
    });

    const connection = fake.createConnection();
    connection.on('error', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_STRAY_PACKET');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message, 'Received packet with no active sequence.');
      done();
    });
    connection.connect(function (err) {
      assert.ifError(err);
      setImmediate(function () { serverSide.ok(); });
    });
  });

  it('fails a command with a fatal PROTOCOL_INCORRECT_PACKET_SEQUENCE for a packet it has no handler for', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () { conn.eof(); });
    });

    fake.createConnection().ping(function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_INCORRECT_PACKET_SEQUENCE');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message, 'Received packet in the wrong sequence.');
      done();
    });
  });
});
