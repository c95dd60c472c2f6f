'use strict';

// query.stream() backpressure as mysql-ts does it (rowBackpressure.ts): between rows only the parser stops; the
// socket is paused once a quarter megabyte waits unparsed. upstream mysqljs pauses and resumes the socket for
// every row the consumer takes.

const assert = require('assert');
const { Writable } = require('stream');
const common = require('../../support/common');
const { useFixtures, rowsSql } = require('../helpers');

// Held bytes: the quarter megabyte, plus what the socket had read when it was paused (Node's socket reads on
// until its own buffer is full, several 64 KB reads in one go). A tenth of the 20 MB result below.
const MAX_HELD = 2 * 1024 * 1024;


describe('integration: query.stream() backpressure', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  // Counts the socket's pause() calls, and the most bytes the parser held, while `source` is consumed by `write`.
  function consume(source, write, done) {
    const socket = conn._socket;
    const pause = socket.pause;
    const seen = { pauses: 0, maxQueued: 0, rows: [] };
    socket.pause = function () {
      seen.pauses++;
      return pause.apply(this, arguments);
    };
    const sink = new Writable({
      objectMode: true,
      highWaterMark: 1,
      write: function (row, encoding, callback) {
        seen.rows.push(row.n);
        seen.maxQueued = Math.max(seen.maxQueued, conn._protocol._parser.queuedBytes());
        write(seen.rows.length, callback);
      },
    });
    source.on('error', done);
    sink.on('finish', function () {
      socket.pause = pause;
      done(null, seen);
    });
    source.pipe(sink);
  }

  common.itOwn('pauses the socket far less often than once per row, and delivers every row in order', function (done) {
    const ROWS = 3000;
    const source = conn.query(rowsSql(ROWS, 100)).stream({ highWaterMark: 5 });
    consume(source, function (count, callback) {
      if (count % 500 === 0) setTimeout(callback, 5);
      else setImmediate(callback);
    }, function (err, seen) {
      assert.ifError(err);
      assert.deepStrictEqual(seen.rows, Array.from({ length: ROWS }, function (_, i) { return i + 1; }));
      assert.ok(seen.pauses < ROWS / 10, seen.pauses + ' socket pauses for ' + ROWS + ' rows');
      done();
    });
  });

  common.itOwn('pauses the socket of a consumer that stalls, so held bytes stay bounded', function (done) {
    this.timeout(30000);
    const ROWS = 20000;
    const source = conn.query(rowsSql(ROWS, 1000)).stream({ highWaterMark: 5 });
    consume(source, function (count, callback) {
      if (count === 10) {
        // Long enough for the server to send the whole 20 MB result if nothing stopped it.
        setTimeout(function () {
          assert.ok(conn._socket.isPaused(), 'the socket was not paused');
          callback();
        }, 300);
      } else {
        setImmediate(callback);
      }
    }, function (err, seen) {
      assert.ifError(err);
      assert.strictEqual(seen.rows.length, ROWS);
      assert.ok(seen.pauses > 0);
      assert.ok(seen.maxQueued <= MAX_HELD, 'held ' + seen.maxQueued + ' bytes');
      done();
    });
  });
});
