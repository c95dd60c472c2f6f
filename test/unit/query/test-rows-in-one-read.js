'use strict';

// Rows that arrive together in one socket read: mysql-ts parses the rows after the first straight from the buffer
// (Protocol#_parseRows), so these check that what a caller can do between two rows still takes effect at once:
// pause(), destroy(), an exception from a listener, a packet out of order, and the end of the rows.

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');

const ResultSetHeaderPacket = require(path.join(common.lib, 'protocol/packets/ResultSetHeaderPacket'));

const ROWS = 300;

describe('query: rows that arrive in one read', function () {
  const fake = common.useFakeServer();

  function rows(count) {
    return Array.from({ length: count }, function (_, i) { return [String(i), 'name-' + i]; });
  }

  // Answers every query with `count` rows written in one socket write, so they reach the client in one read.
  function serveRows(count, write) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        conn.socket.cork();
        (write || function () { conn.sendResultSet(['id', 'name'], rows(count)); })(conn);
        process.nextTick(function () { conn.socket.uncork(); });
      });
    });
  }

  it('delivers every row in order with its values, ends them at the EOF in the same read, runs the next query',
    function (done) {
      serveRows(ROWS);
      const connection = fake.createConnection();
      const expected = rows(ROWS).map(function (row) { return { id: row[0], name: row[1] }; });
      connection.query('SELECT rows', function (err, results) {
        assert.ifError(err);
        assert.deepStrictEqual(results.map(function (row) { return Object.assign({}, row); }), expected);
      });
      connection.query('SELECT rows', function (err, results) {
        assert.ifError(err);
        assert.strictEqual(results.length, ROWS);
        done();
      });
    });

  it('holds the rows after a pause() in a result listener until resume()', function (done) {
    serveRows(ROWS);
    const connection = fake.createConnection();
    const seen = [];
    const query = connection.query('SELECT rows');
    query.on('result', function (row) {
      seen.push(Number(row.id));
      if (seen.length !== 1) return;
      connection.pause();
      setTimeout(function () {
        assert.deepStrictEqual(seen, [0]);
        connection.resume();
      }, 50);
    });
    query.on('end', function () {
      assert.deepStrictEqual(seen, Array.from({ length: ROWS }, function (_, i) { return i; }));
      done();
    });
  });

  it('emits no row after destroy() in a result listener', function (done) {
    serveRows(ROWS);
    const connection = fake.createConnection();
    let seen = 0;
    connection.query('SELECT rows').on('result', function () {
      if (++seen === 3) connection.destroy();
    });
    setTimeout(function () {
      assert.strictEqual(seen, 3);
      done();
    }, 50);
  });

  it('surfaces an exception from a result listener and still delivers the rows after it', function (done) {
    serveRows(ROWS);
    const connection = fake.createConnection();
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    let thrown = null;
    process.once('uncaughtException', function (err) {
      listeners.forEach(function (l) { process.on('uncaughtException', l); });
      thrown = err;
    });
    const seen = [];
    connection.query('SELECT rows').on('result', function (row) {
      seen.push(Number(row.id));
      if (seen.length === 10) throw new Error('thrown from a result listener');
    }).on('end', function () {
      assert.strictEqual(thrown && thrown.message, 'thrown from a result listener');
      assert.deepStrictEqual(seen, Array.from({ length: ROWS }, function (_, i) { return i; }));
      done();
    });
  });

  it('fails on a row packet out of order inside the read, after the rows before it', function (done) {
    serveRows(ROWS, function (conn) {
      conn.writePacket(new ResultSetHeaderPacket({ fieldCount: 1 }));
      conn.writePacket(conn.fieldPacket({ name: 'id' }));
      conn.eof();
      conn.writeRow(['0']);
      conn.writeRow(['1']);
      conn._nextSequenceId++; // the next row skips a sequence id
      conn.writeRow(['2']);
      conn.eof();
    });
    const connection = fake.createConnection();
    const seen = [];
    connection.query('SELECT rows').on('result', function (row) {
      seen.push(row.id);
    }).on('error', function (err) {
      assert.strictEqual(err.code, 'PROTOCOL_PACKETS_OUT_OF_ORDER');
      assert.strictEqual(err.fatal, true);
      assert.deepStrictEqual(seen, ['0', '1']);
      done();
    });
  });
});
