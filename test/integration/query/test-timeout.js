'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: query timeout', function () {
  const fx = useFixtures();

  it('fails a query that outlives its timeout with a fatal PROTOCOL_SEQUENCE_TIMEOUT', function (done) {
    const conn = fx.connect();
    conn.connect(function (err) {
      assert.ifError(err);
      const started = Date.now();
      conn.query({ sql: 'SELECT SLEEP(2)', timeout: 100 }, function (err) {
        const elapsed = Date.now() - started;
        assert.ok(err, 'expected an error');
        assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
        assert.strictEqual(err.fatal, true);
        assert.strictEqual(err.timeout, 100);
        assert.strictEqual(err.message, 'Query inactivity timeout');
        assert.ok(elapsed >= 90 && elapsed < 1500, 'timed out after ' + elapsed + ' ms');
        done();
      });
    });
  });

  it('leaves the connection unusable after the timeout', function (done) {
    const conn = fx.connect();
    conn.query({ sql: 'SELECT SLEEP(2)', timeout: 100 }, function (err) {
      assert.strictEqual(err && err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      conn.query('SELECT 1', function (err) {
        assert.ok(err, 'expected an error');
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
        done();
      });
    });
  });

  it('fails the queries queued behind a timed-out one with the same fatal error', function (done) {
    const conn = fx.connect();
    let first;
    conn.query({ sql: 'SELECT SLEEP(2)', timeout: 100 }, function (err) { first = err; });
    conn.query('SELECT 1', function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err, first);
      assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      done();
    });
  });

  it('does not fire when the query finishes in time', function (done) {
    const conn = fx.connect();
    conn.query({ sql: 'SELECT SLEEP(0.05) AS s', timeout: 2000 }, function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].s, 0);
      setTimeout(function () {
        conn.query('SELECT 1 AS one', function (err, rows) {
          assert.ifError(err);
          assert.strictEqual(rows[0].one, 1);
          done();
        });
      }, 50);
    });
  });
});
