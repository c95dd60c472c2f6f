'use strict';

const assert = require('assert');
const { Writable } = require('stream');
const { useFixtures, rowsSql } = require('../helpers');


describe('integration: streaming query rows', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  it('emits "fields" once, then every row as "result", then "end"', function (done) {
    const events = [];
    conn.query(rowsSql(5, 3))
      .on('error', done)
      .on('fields', function (fields) { events.push('fields:' + fields.map(function (f) { return f.name; }).join(',')); })
      .on('result', function (row) { events.push('row:' + row.n); })
      .on('end', function () {
        assert.deepStrictEqual(events, ['fields:n,pad', 'row:1', 'row:2', 'row:3', 'row:4', 'row:5']);
        done();
      });
  });

  it('emits the OkPacket of an INSERT as "result"', function (done) {
    const table = fx.table('st');
    fx.run(conn, 'CREATE TABLE ?? (id INT)', [table]).then(function () {
      const results = [];
      conn.query('INSERT INTO ?? VALUES (1), (2)', [table])
        .on('error', done)
        .on('result', function (r) { results.push(r); })
        .on('end', function () {
          assert.strictEqual(results.length, 1);
          assert.strictEqual(results[0].constructor.name, 'OkPacket');
          assert.strictEqual(results[0].affectedRows, 2);
          done();
        });
    }, done);
  });

  it('delivers no "result" while the connection is paused', function (done) {
    let paused = false;
    let count = 0;
    conn.query(rowsSql(2000, 50))
      .on('error', done)
      .on('result', function () {
        assert.strictEqual(paused, false, 'a row arrived while paused');
        count++;
        if (count % 250 === 0) {
          conn.pause();
          paused = true;
          setTimeout(function () { paused = false; conn.resume(); }, 5);
        }
      })
      .on('end', function () {
        assert.strictEqual(count, 2000);
        done();
      });
  });

  it('streams 100k rows with pause/resume while the heap stays bounded', function (done) {
    this.timeout(120000);
    const ROWS = 100000;
    const WIDTH = 2000;
    const resultBytes = ROWS * WIDTH;
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let sum = 0;

    conn.query(rowsSql(ROWS, WIDTH))
      .on('error', done)
      .on('result', function (row) {
        count++;
        sum += row.n;
        if (count % 1000 === 0) {
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
          conn.pause();
          setImmediate(function () { conn.resume(); });
        }
      })
      .on('end', function () {
        assert.strictEqual(count, ROWS);
        assert.strictEqual(sum, ROWS * (ROWS + 1) / 2);
        assert.ok(peak < resultBytes / 4,
          'heap grew by ' + Math.round(peak / 1e6) + ' MB while streaming a ' + Math.round(resultBytes / 1e6) + ' MB result');
        done();
      });
  });

  it('query.stream() returns an object-mode Readable of the rows', function (done) {
    const stream = conn.query(rowsSql(10, 1)).stream();
    // mysqljs builds it on readable-stream, so check the shape, not the class.
    assert.strictEqual(typeof stream.pipe, 'function');
    assert.strictEqual(stream._readableState.objectMode, true);
    const rows = [];
    let fields;
    stream.on('fields', function (f) { fields = f; });
    stream.on('error', done);
    stream.on('data', function (row) { rows.push(row.n); });
    stream.on('end', function () {
      assert.deepStrictEqual(rows, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      assert.strictEqual(fields[0].name, 'n');
      done();
    });
  });

  it('query.stream({highWaterMark}) piped to a slow Writable throttles the connection', function (done) {
    this.timeout(30000);
    const HIGH_WATER_MARK = 5;
    const ROWS = 300;
    const query = conn.query(rowsSql(ROWS, 500));
    const source = query.stream({ highWaterMark: HIGH_WATER_MARK });
    let parsed = 0;
    let maxBuffered = 0;
    const received = [];
    query.on('result', function () { parsed++; });

    const slow = new Writable({
      objectMode: true,
      highWaterMark: 1,
      write: function (row, encoding, callback) {
        received.push(row.n);
        // Rows parsed from the socket but not yet written downstream.
        maxBuffered = Math.max(maxBuffered, parsed - received.length);
        setTimeout(callback, 1);
      },
    });

    source.on('error', done);
    slow.on('finish', function () {
      assert.strictEqual(received.length, ROWS);
      assert.deepStrictEqual(received.slice(0, 3), [1, 2, 3]);
      assert.strictEqual(received[ROWS - 1], ROWS);
      assert.ok(maxBuffered <= HIGH_WATER_MARK + 2, 'buffered ' + maxBuffered + ' rows');
      done();
    });
    source.pipe(slow);
  });

  it('query.stream() emits "error" for a failing query', function (done) {
    const stream = conn.query('SELECT * FROM no_such_table_here').stream();
    stream.on('error', function (err) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      done();
    });
    stream.resume();
  });
});
