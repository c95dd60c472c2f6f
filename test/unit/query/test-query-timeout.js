'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('query: timeout option', function () {
  const fake = common.useFakeServer();

  it('fails with a fatal PROTOCOL_SEQUENCE_TIMEOUT carrying the timeout when the server stays silent', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {});
    });

    const connection = fake.createConnection();
    connection.query({ sql: 'SELECT SLEEP(10)', timeout: 50 }, function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.timeout, 50);
      assert.strictEqual(err.message, 'Query inactivity timeout');
      done();
    });
  });

  it('gives the queries queued behind it the same error', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {});
    });

    const connection = fake.createConnection();
    let first = null;
    connection.query({ sql: 'SELECT SLEEP(10)', timeout: 50 }, function (err) { first = err; });
    connection.query('SELECT 2', function (err) {
      assert.strictEqual(first.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      assert.strictEqual(err, first);
      done();
    });
  });

  it('restarts the timer on every packet of the result set header and fields', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        const steps = [
          function () { conn.writePacket(new conn.Packets.ResultSetHeaderPacket({ fieldCount: 2 })); },
          function () { conn.writePacket(conn.fieldPacket({ name: 'a' })); },
          function () { conn.writePacket(conn.fieldPacket({ name: 'b' })); },
          function () { conn.eof(); conn.writeRow(['1', '2']); conn.eof(); },
        ];
        (function next() {
          steps.shift()();
          if (steps.length) setTimeout(next, 100);
        })();
      });
    });

    const connection = fake.createConnection();
    connection.query({ sql: 'SELECT 1 AS a, 2 AS b', timeout: 200 }, function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(rows)), [{ a: '1', b: '2' }]);
      done();
    });
  });

  it('does not time out a query that finishes in time', function (done) {
    const connection = fake.createConnection();
    connection.query({ sql: 'DO 1', timeout: 100 }, function (err) {
      assert.ifError(err);
      setTimeout(function () {
        connection.ping(function (err) {
          assert.ifError(err);
          done();
        });
      }, 200);
    });
  });
});
