'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { usePools } = require('../../support/pool-fixtures');

describe('pool cluster: adding, finding and removing nodes', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  it('names nodes added without an id CLUSTER::1, CLUSTER::2, ... and keeps them in _nodes', function () {
    const cluster = pools.cluster();
    cluster.add(pools.nodeConfig());
    cluster.add('MASTER', pools.nodeConfig());
    cluster.add(pools.nodeConfig());

    assert.deepStrictEqual(Object.keys(cluster._nodes), ['CLUSTER::1', 'MASTER', 'CLUSTER::2']);
    assert.strictEqual(cluster._lastId, 2);
    const node = cluster._nodes.MASTER;
    assert.strictEqual(node.id, 'MASTER');
    assert.strictEqual(node.errorCount, 0);
    assert.strictEqual(node.pool.config.connectionConfig.port, fake.server.port());
    assert.strictEqual(typeof node.pool.getConnection, 'function');
  });

  it('takes a URL as node config', function () {
    const cluster = pools.cluster();
    cluster.add('URL', 'mysql://bob@127.0.0.1:' + fake.server.port() + '/shop?connectionLimit=2');
    const config = cluster._nodes.URL.pool.config;
    assert.strictEqual(config.connectionLimit, 2);
    assert.strictEqual(config.connectionConfig.user, 'bob');
  });

  it('throws when an id is added twice or the cluster has ended', function () {
    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig());
    assert.throws(function () { cluster.add('A', pools.nodeConfig()); },
      /^Error: Node ID "A" is already defined in PoolCluster\.$/);
    cluster.end(function () {});
    assert.throws(function () { cluster.add('B', pools.nodeConfig()); }, /^Error: PoolCluster is closed\.$/);
  });

  it('finds node ids by name, * pattern and regular expression, in the order they were added', function () {
    const cluster = pools.cluster();
    ['MASTER', 'SLAVE1', 'SLAVE2', 'SLAVE10', 'OTHER.1'].forEach(function (id) { cluster.add(id, pools.nodeConfig()); });

    assert.deepStrictEqual(cluster._findNodeIds('MASTER'), ['MASTER']);
    assert.deepStrictEqual(cluster._findNodeIds('SLAVE*'), ['SLAVE1', 'SLAVE2', 'SLAVE10']);
    assert.deepStrictEqual(cluster._findNodeIds('*'), ['MASTER', 'SLAVE1', 'SLAVE2', 'SLAVE10', 'OTHER.1']);
    assert.deepStrictEqual(cluster._findNodeIds(/^SLAVE[12]$/), ['SLAVE1', 'SLAVE2']);
    assert.deepStrictEqual(cluster._findNodeIds(/SLAVE/g), ['SLAVE1', 'SLAVE2', 'SLAVE10']);
    // Only * is special: the dot is literal.
    assert.deepStrictEqual(cluster._findNodeIds('OTHER.*'), ['OTHER.1']);
    assert.deepStrictEqual(cluster._findNodeIds('OTHER?1'), []);
  });

  it('returns one namespace per pattern and selector, falling back to the default selector', function () {
    const cluster = pools.cluster();
    const namespace = cluster.of('*', 'RR');
    assert.strictEqual(cluster.of('*'), namespace);
    assert.strictEqual(cluster.of(), namespace);
    assert.strictEqual(cluster.of('*', 'rr'), namespace);
    assert.strictEqual(cluster.of('*', 'NO_SUCH_SELECTOR'), namespace);
    assert.notStrictEqual(cluster.of('*', 'ORDER'), namespace);
    assert.notStrictEqual(cluster.of('SLAVE*'), namespace);
  });

  it('removes nodes by id and by pattern, ending their pools, without a remove event', async function () {
    const cluster = pools.cluster();
    ['MASTER', 'SLAVE1', 'SLAVE2'].forEach(function (id) { cluster.add(id, pools.nodeConfig()); });
    const removed = [];
    cluster.on('remove', function (id) { removed.push(id); });
    const slavePool = cluster._nodes.SLAVE1.pool;

    cluster.remove('SLAVE*');
    assert.deepStrictEqual(Object.keys(cluster._nodes), ['MASTER']);
    assert.deepStrictEqual(cluster._findNodeIds('SLAVE*'), []);
    assert.strictEqual(slavePool._closed, true);
    cluster.remove('MASTER');
    assert.deepStrictEqual(Object.keys(cluster._nodes), []);
    assert.deepStrictEqual(removed, []);

    const err = await new Promise(function (resolve) { cluster.getConnection('SLAVE*', resolve); });
    assert.strictEqual(err.code, 'POOL_NOEXIST');
  });

  it('ends every node pool and calls back once, also with no nodes, and on a second end()', async function () {
    const empty = pools.cluster();
    assert.strictEqual(await new Promise(function (resolve) { empty.end(resolve); }), undefined);

    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig());
    cluster.add('B', pools.nodeConfig());
    await new Promise(function (resolve, reject) {
      cluster.getConnection('A', function (err, connection) {
        if (err) reject(err);
        else resolve(connection.release());
      });
    });
    let calls = 0;
    await new Promise(function (resolve) {
      cluster.end(function (err) {
        assert.ifError(err);
        calls++;
        resolve();
      });
    });
    assert.strictEqual(calls, 1);
    assert.strictEqual(cluster._closed, true);
    assert.strictEqual(cluster._nodes.A.pool._closed, true);
    assert.strictEqual(cluster._nodes.B.pool._closed, true);
    await new Promise(function (resolve) { cluster.end(resolve); });
  });

  it('throws a TypeError when end() is given something that is not a function', function () {
    const cluster = pools.cluster();
    assert.throws(function () { cluster.end('nope'); }, /^TypeError: callback argument must be a function$/);
  });
});
