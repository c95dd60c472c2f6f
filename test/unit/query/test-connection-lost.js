'use strict';

const assert = require('assert');
const common = require('../../support/common');

const LOST = 'Connection lost: The server closed the connection.';

// Answers a query with the header, fields and one row, then closes.
function closeMidResult(fake) {
  fake.server.on('connection', function (conn) {
    conn.handshake();
    conn.on('query', function () {
      conn.writePacket(new conn.Packets.ResultSetHeaderPacket({ fieldCount: 1 }));
      conn.writePacket(conn.fieldPacket({ name: 'n' }));
      conn.eof();
      conn.writeRow(['1']);
      conn.end();
    });
  });
}

describe('query: server closes the connection in the middle of a result', function () {
  const fake = common.useFakeServer();

  it('fails the current query with a fatal PROTOCOL_CONNECTION_LOST', function (done) {
    closeMidResult(fake);
    const connection = fake.createConnection();
    connection.query('SELECT n FROM t', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message, LOST);
      done();
    });
  });

  it('fails every queued query with the same error, each callback once', function (done) {
    closeMidResult(fake);
    const connection = fake.createConnection();
    const errors = [];
    ['SELECT 1', 'SELECT 2', 'SELECT 3'].forEach(function (sql) {
      connection.query(sql, function (err) { errors.push(err); });
    });
    connection.on('end', function () {
      setTimeout(function () {
        assert.strictEqual(errors.length, 3);
        errors.forEach(function (err) {
          assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
          assert.strictEqual(err, errors[0]);
        });
        done();
      }, 20);
    });
  });

  it("emits the error on a query without callback, then 'end'", function (done) {
    closeMidResult(fake);
    const connection = fake.createConnection();
    const events = [];
    connection.query('SELECT n FROM t')
      .on('result', function () { events.push('result'); })
      .on('error', function (err) {
        assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
        events.push('error');
      })
      .on('end', function () {
        assert.deepStrictEqual(events, ['result', 'error']);
        done();
      });
  });

  it('fails a later query with PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', function (done) {
    closeMidResult(fake);
    const connection = fake.createConnection();
    connection.query('SELECT n FROM t', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
      connection.query('SELECT 1', function (err) {
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
        done();
      });
    });
  });
});
