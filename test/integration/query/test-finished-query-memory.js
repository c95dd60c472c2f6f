'use strict';

// An application may keep a Query object after it finished (in a request log, say). The query must not keep the
// rows it delivered alive then: only the application decides how long they live.

const assert = require('assert');
const v8 = require('v8');
const vm = require('vm');
const { useFixtures, rowsSql } = require('../helpers');

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

// Runs sql on conn, keeps the Query, and resolves, once it has ended and a full garbage collection ran, to whether
// what `track` picked was still alive. track(query, err, results) runs in the callback; it asserts what the
// callback got and returns the object to follow. WeakRef targets stay alive until the job that made the WeakRef
// ends, hence the setImmediate.
function aliveAfterEnd(conn, options, track) {
  return new Promise(function (resolve) {
    let weak = null;
    const query = conn.query(options, function (err, results) {
      weak = new WeakRef(track(query, err, results));
    });
    query.on('end', function () {
      setImmediate(function () {
        collectGarbage();
        resolve({ query: query, alive: weak.deref() !== undefined });
      });
    });
  });
}

function delivered(query, err, results) {
  assert.ifError(err);
  return results;
}

describe('integration: a finished query lets go of its results', function () {
  const fx = useFixtures();

  it('rows of a SELECT can be collected while the Query object is still held', async function () {
    const conn = fx.connect();
    const { query, alive } = await aliveAfterEnd(conn, rowsSql(1000, 32), delivered);
    assert.strictEqual(alive, false);
    assert.strictEqual(query.sql, rowsSql(1000, 32));
  });

  it('every result set of a multi-statement query can be collected', async function () {
    const conn = fx.connect({ multipleStatements: true });
    const { alive } = await aliveAfterEnd(conn, rowsSql(100, 8) + '; ' + rowsSql(200, 8), delivered);
    assert.strictEqual(alive, false);
  });

  it('results passed along with an error can be collected', async function () {
    const conn = fx.connect({ multipleStatements: true });
    const sql = rowsSql(100, 8) + '; SELECT no_such_column FROM seq_1_to_2';
    const { alive } = await aliveAfterEnd(conn, sql, function (query, err, results) {
      assert.strictEqual(err.code, 'ER_BAD_FIELD_ERROR');
      assert.strictEqual(results[0].length, 100);
      return results;
    });
    assert.strictEqual(alive, false);
  });

  it('a result set gathered before a timeout, never delivered, is let go too', async function () {
    const conn = fx.connect({ multipleStatements: true });
    const sql = rowsSql(100, 8) + '; SELECT SLEEP(2)';
    const { alive } = await aliveAfterEnd(conn, { sql: sql, timeout: 300 }, function (query, err, results) {
      assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
      assert.strictEqual(results, undefined);
      // While the callback runs, the query still holds the first result set: follow that.
      assert.strictEqual(query._results[0].length, 100);
      return query._results[0];
    });
    assert.strictEqual(alive, false);
  });
});
