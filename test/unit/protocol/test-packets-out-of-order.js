'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('protocol: packets out of order', function () {
  const fake = common.useFakeServer();

  it('fails the query with a fatal PROTOCOL_PACKETS_OUT_OF_ORDER for a wrong sequence id', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        conn.ok({ sequenceId: 5 });
      });
    });

    fake.createConnection().query('SELECT 1', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_PACKETS_OUT_OF_ORDER');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message, 'Packets out of order. Got: 5 Expected: 1');
      done();
    });
  });

  it('fails connect() when the handshake does not start at sequence id 0', function (done) {
    fake.server.on('connection', function (conn) { conn.handshake({ sequenceId: 3 }); });

    fake.createConnection().connect(function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_PACKETS_OUT_OF_ORDER');
      assert.strictEqual(err.fatal, true);
      done();
    });
  });

  it('fails the queries queued behind it with the same error', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        conn.ok({ sequenceId: 9 });
      });
    });

    const connection = fake.createConnection();
    let first = null;
    connection.query('SELECT 1', function (err) { first = err; });
    connection.query('SELECT 2', function (err) {
      assert.strictEqual(first.code, 'PROTOCOL_PACKETS_OUT_OF_ORDER');
      assert.strictEqual(err, first);
      done();
    });
  });
});
