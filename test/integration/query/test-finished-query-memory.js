'use strict';

// An application may keep a Query object after it finished (in a request log, say). The query must not keep the
// rows it delivered alive then: only the application decides how long they live.

const assert = require('assert');
const v8 = require('v8');
const vm = require('vm');
const { useFixtures, rowsSql } = require('../helpers');

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

// Runs sql on conn, keeps the Query, and resolves to whether the results were still alive after a full garbage
// collection. WeakRef targets stay alive until the job that made the WeakRef ends, hence the setImmediate.
function resultsOutliveQuery(conn, sql) {
  return new Promise(function (resolve) {
    let weak = null;
    const query = conn.query(sql, function (err, results) {
      assert.ifError(err);
      weak = new WeakRef(results);
    });
    query.on('end', function () {
      setImmediate(function () {
        collectGarbage();
        resolve({ query: query, alive: weak.deref() !== undefined });
      });
    });
  });
}

describe('integration: a finished query lets go of its results', function () {
  const fx = useFixtures();

  it('rows of a SELECT can be collected while the Query object is still held', async function () {
    const conn = fx.connect();
    const { query, alive } = await resultsOutliveQuery(conn, rowsSql(1000, 32));
    assert.strictEqual(alive, false);
    assert.strictEqual(query.sql, rowsSql(1000, 32));
  });

  it('every result set of a multi-statement query can be collected', async function () {
    const conn = fx.connect({ multipleStatements: true });
    const { alive } = await resultsOutliveQuery(conn, rowsSql(100, 8) + '; ' + rowsSql(200, 8));
    assert.strictEqual(alive, false);
  });

  it('results passed along with an error can be collected', async function () {
    const conn = fx.connect({ multipleStatements: true });
    let partial = null;
    const sql = rowsSql(100, 8) + '; SELECT no_such_column FROM seq_1_to_2';
    const query = conn.query(sql, function (err, results) {
      assert.strictEqual(err.code, 'ER_BAD_FIELD_ERROR');
      assert.strictEqual(results[0].length, 100);
      partial = new WeakRef(results);
    });
    await new Promise(function (resolve) {
      query.on('end', function () {
        setImmediate(resolve);
      });
    });
    collectGarbage();
    assert.strictEqual(partial.deref(), undefined);
  });
});
