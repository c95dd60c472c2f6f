'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: ping and statistics', function () {
  const fx = useFixtures();

  it('ping() calls back without error when the server answers', function (done) {
    const conn = fx.connect();
    conn.ping(function (err) {
      assert.ifError(err);
      done();
    });
  });

  it('ping() connects implicitly and leaves the connection usable', function (done) {
    const conn = fx.connect();
    conn.ping(function (err) {
      assert.ifError(err);
      conn.query('SELECT 1 AS one', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows[0].one, 1);
        done();
      });
    });
  });

  it('ping() after end() fails with PROTOCOL_ENQUEUE_AFTER_QUIT', function (done) {
    const conn = fx.connect();
    conn.end();
    conn.ping(function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
      done();
    });
  });

  it('statistics() returns the server status line and its parsed numbers', function (done) {
    const conn = fx.connect();
    conn.statistics(function (err, stats) {
      assert.ifError(err);
      assert.match(stats.message, /^Uptime: \d+ {2}Threads: \d+ {2}Questions: \d+/);
      assert.strictEqual(typeof stats.uptime, 'number');
      assert.ok(stats.uptime >= 0);
      assert.ok(stats.threads >= 1, 'at least this connection is a thread');
      assert.strictEqual(typeof stats.questions, 'number');
      assert.strictEqual(typeof stats.slow_queries, 'number');
      assert.strictEqual(typeof stats.opens, 'number');
      assert.strictEqual(typeof stats.open_tables, 'number');
      assert.strictEqual(typeof stats.queries_per_second_avg, 'number');
      done();
    });
  });
});
