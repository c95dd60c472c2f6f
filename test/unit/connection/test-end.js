'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: end()', function () {
  const fake = common.useFakeServer();

  it('sends COM_QUIT and calls back without error when the server closes', function (done) {
    let quit = null;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('quit', function (packet) {
        quit = packet;
        conn.end();
      });
    });

    const connection = fake.createConnection();
    connection.connect();
    connection.end(function (err) {
      assert.ifError(err);
      assert.strictEqual(quit.constructor.name, 'ComQuitPacket');
      assert.strictEqual(quit.command, 0x01);
      done();
    });
  });

  it('lets queued queries finish first', function (done) {
    const order = [];
    const connection = fake.createConnection();
    connection.query('SELECT 1', function (err) {
      assert.ifError(err);
      order.push('query');
    });
    connection.end(function (err) {
      assert.ifError(err);
      order.push('end');
      assert.deepStrictEqual(order, ['query', 'end']);
      done();
    });
  });

  it('fails with a fatal PROTOCOL_SEQUENCE_TIMEOUT when the server does not close within the timeout', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('quit', function () {});
    });

    const connection = fake.createConnection();
    connection.connect();
    connection.end({ timeout: 100 }, function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.timeout, 100);
      assert.strictEqual(err.message, 'Quit inactivity timeout');
      done();
    });
  });
});
