'use strict';

const assert = require('assert');
const common = require('../../support/common');

const MAX_PAYLOAD = 0xffffff; // a payload this long continues in the next packet

// A string of `length` ASCII bytes whose both ends are recognisable.
function bigText(length) {
  return 'BEGIN' + 'x'.repeat(length - 8) + 'END';
}

describe('query: packets of 16 MB and more', function () {
  this.timeout(60000);
  const fake = common.useFakeServer();

  function sendQuery(sql, done) {
    let received = null;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        received = packet.sql;
        conn.ok();
      });
    });
    fake.createConnection().query(sql, function (err) {
      assert.ifError(err);
      assert.strictEqual(received.length, sql.length);
      assert.ok(received === sql, 'the server received the same text');
      done();
    });
  }

  function receiveRow(value, done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.sendResultSet(['big', 'after'], [[value, 'tail']]); });
    });
    fake.createConnection().query('SELECT big', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows.length, 1);
      assert.strictEqual(rows[0].big.length, value.length);
      assert.ok(rows[0].big === value, 'the client received the same text');
      assert.strictEqual(rows[0].after, 'tail');
      done();
    });
  }

  it('sends a query longer than 16 MB split over packets', function (done) {
    sendQuery('SELECT "' + bigText(MAX_PAYLOAD + 1000) + '"', done);
  });

  it('sends a query whose payload is exactly 0xffffff bytes (followed by an empty packet)', function (done) {
    // The payload is the command byte plus the SQL text.
    sendQuery('SELECT "' + bigText(MAX_PAYLOAD - 1 - 'SELECT ""'.length) + '"', done);
  });

  it('receives a row longer than 16 MB', function (done) {
    receiveRow(bigText(MAX_PAYLOAD + 1000), done);
  });

  it('receives a row whose payload is exactly 0xffffff bytes', function (done) {
    // Row payload: 4-byte length prefix (0xfd + 3 bytes) + value, then 1 + 4 for 'tail'.
    receiveRow(bigText(MAX_PAYLOAD - 4 - 5), done);
  });
});
