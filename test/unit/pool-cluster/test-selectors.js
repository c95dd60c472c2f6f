'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { usePools } = require('../../support/pool-fixtures');

describe('pool cluster: selectors', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  function clusterWith(ids, options) {
    const cluster = pools.cluster(options);
    ids.forEach(function (id) { cluster.add(id, pools.nodeConfig()); });
    return cluster;
  }

  // The node each of `count` sequential getConnection() calls lands on.
  async function picks(target, count) {
    const ids = [];
    for (let i = 0; i < count; i++) {
      ids.push(await new Promise(function (resolve, reject) {
        target.getConnection(function (err, connection) {
          if (err) return reject(err);
          connection.release();
          resolve(connection._clusterId);
        });
      }));
    }
    return ids;
  }

  it('uses round-robin (RR) by default', async function () {
    const cluster = clusterWith(['A', 'B', 'C']);
    assert.deepStrictEqual(await picks(cluster, 6), ['A', 'B', 'C', 'A', 'B', 'C']);
  });

  it('always picks the first node with ORDER', async function () {
    const cluster = clusterWith(['A', 'B', 'C']);
    assert.deepStrictEqual(await picks(cluster.of('*', 'ORDER'), 3), ['A', 'A', 'A']);
  });

  it('picks among the matching nodes with RANDOM', async function () {
    const cluster = clusterWith(['A', 'B', 'OTHER']);
    const ids = await picks(cluster.of(/^[AB]$/, 'RANDOM'), 40);
    assert.ok(ids.every(function (id) { return id === 'A' || id === 'B'; }), ids.join());
    assert.strictEqual(new Set(ids).size, 2, 'both nodes picked in 40 tries');
  });

  it('takes the selector from defaultSelector, and per call from getConnection(pattern, selector, cb)', async function () {
    const cluster = clusterWith(['A', 'B'], { defaultSelector: 'ORDER' });
    assert.deepStrictEqual(await picks(cluster, 2), ['A', 'A']);

    const ids = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await new Promise(function (resolve) {
        cluster.getConnection('*', 'RR', function (err, connection) {
          assert.ifError(err);
          connection.release();
          resolve(connection._clusterId);
        });
      }));
    }
    assert.deepStrictEqual(ids, ['A', 'B', 'A', 'B']);
  });

  it('keeps round-robin state per namespace', async function () {
    const cluster = clusterWith(['A', 'B']);
    const all = cluster.of('*');
    const again = cluster.of(/./);
    assert.deepStrictEqual(await picks(all, 1), ['A']);
    assert.deepStrictEqual(await picks(again, 1), ['A']);
    assert.deepStrictEqual(await picks(all, 1), ['B']);
  });

  it('exports the selector factories, callable with or without new', function () {
    const PoolSelector = require(path.join(common.lib, 'PoolSelector'));
    assert.deepStrictEqual(Object.keys(PoolSelector).sort(), ['ORDER', 'RANDOM', 'RR']);

    const rr = new PoolSelector.RR();
    assert.deepStrictEqual([rr(['x', 'y']), rr(['x', 'y']), rr(['x', 'y'])], ['x', 'y', 'x']);
    // A shorter list after a node went away: start over rather than run off the end.
    assert.strictEqual(rr(['x']), 'x');
    assert.strictEqual(PoolSelector.ORDER()(['x', 'y']), 'x');
    assert.ok(['x', 'y'].indexOf(PoolSelector.RANDOM()(['x', 'y'])) !== -1);
  });
});
