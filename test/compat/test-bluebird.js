'use strict';

// bluebird.promisifyAll on require('mysql/lib/Connection').prototype, …/Pool
// and …/PoolCluster, as promise wrappers written for mysqljs do.

const assert = require('assert');
const harness = require('./harness');

describe('compat: bluebird.promisifyAll', function () {
  let run;

  before(async function () {
    run = await harness.runScript(this, 'bluebird.cjs');
  });

  it('promisifies the prototypes', function () {
    assert.deepStrictEqual(harness.scenario(run.result, 'promisifyAll').twins,
      ['queryAsync', 'connectAsync', 'endAsync', 'pingAsync']);
  });

  it('runs connectAsync, queryAsync and endAsync on a Connection, which stays an instanceof Connection', function () {
    const observed = harness.scenario(run.result, 'Connection');
    assert.strictEqual(observed.instanceOf, true);
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    assert.strictEqual(observed.rejectedWith, 'ER_NO_SUCH_TABLE');
    assert.strictEqual(observed.stateAfterEnd, 'disconnected');
  });

  it('runs getConnectionAsync, queryAsync and endAsync on a Pool', function () {
    const observed = harness.scenario(run.result, 'Pool');
    assert.strictEqual(observed.instanceOf, true);
    assert.strictEqual(observed.connectionInstanceOf, true);
    assert.deepStrictEqual(observed.pooledRows, [{ two: 2 }]);
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
  });

  it('runs getConnectionAsync and endAsync on a PoolCluster', function () {
    const observed = harness.scenario(run.result, 'PoolCluster');
    assert.strictEqual(observed.instanceOf, true);
    assert.strictEqual(observed.connectionInstanceOf, true);
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
  });
});
