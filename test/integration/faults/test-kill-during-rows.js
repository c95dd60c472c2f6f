'use strict';

// KILL <thread> from a second connection while a 100k-row result is being
// read: through events and through stream() the reader gets one fatal coded
// error, then 'end', and nothing hangs. The reader pauses while the KILL runs,
// so the server is still mid-result when the connection dies.

const assert = require('assert');
const { Writable } = require('stream');
const { useFixtures, run } = require('../helpers');

const ROWS_SQL = "SELECT seq AS n, REPEAT('x', 200) AS pad FROM seq_1_to_100000";
const KILL_AFTER = 1000;
const LOST = ['PROTOCOL_CONNECTION_LOST', 'ER_CONNECTION_KILLED', 'ECONNRESET'];

describe('integration fault: KILL while reading 100k rows', function () {
  this.timeout(20000);
  const fx = useFixtures();
  let admin;
  let conn;

  beforeEach(async function () {
    admin = fx.connect();
    conn = fx.connect();
    conn.on('error', () => {}); // the fatal error also reaches the connection once no query is left
    await run(conn, 'SELECT 1');
  });

  it("events: 'error' (fatal, coded) once, then 'end' once", function (done) {
    const events = [];
    let rows = 0;
    const query = conn.query(ROWS_SQL);
    query.on('result', function () {
      rows++;
      if (rows !== KILL_AFTER) return;
      conn.pause();
      admin.query('KILL ?', [conn.threadId], function (err) {
        assert.ifError(err);
        conn.resume();
      });
    });
    query.on('error', function (err) {
      events.push('error');
      assert.ok(err instanceof Error);
      assert.ok(LOST.indexOf(err.code) !== -1, err.code);
      assert.strictEqual(err.fatal, true);
    });
    query.on('end', function () {
      events.push('end');
      // Any second 'end' or late 'error' would land in the next tick or two.
      setTimeout(function () {
        assert.deepStrictEqual(events, ['error', 'end']);
        assert.ok(rows >= KILL_AFTER && rows < 100000, rows + ' rows before the error');
        assert.notStrictEqual(conn.state, 'authenticated');
        done();
      }, 50);
    });
  });

  it("stream(): 'error' then 'end' through a slow pipe, and the pipe finishes", function (done) {
    const events = [];
    let rows = 0;
    const readable = conn.query(ROWS_SQL).stream({ highWaterMark: 10 });
    const sink = new Writable({
      objectMode: true,
      highWaterMark: 10,
      write: function (row, encoding, callback) {
        rows++;
        if (rows !== KILL_AFTER) return setImmediate(callback);
        admin.query('KILL ?', [conn.threadId], function (err) {
          assert.ifError(err);
          callback();
        });
      },
    });
    readable.on('error', function (err) {
      events.push('error');
      assert.ok(err instanceof Error);
      assert.ok(LOST.indexOf(err.code) !== -1, err.code);
    });
    readable.on('end', function () { events.push('end'); });
    sink.on('finish', function () {
      setTimeout(function () {
        assert.deepStrictEqual(events, ['error', 'end']);
        assert.ok(rows >= KILL_AFTER && rows < 100000, rows + ' rows before the error');
        done();
      }, 50);
    });
    readable.pipe(sink);
  });
});
