'use strict';

const assert = require('assert');
const net = require('net');
const common = require('../../support/common');
const { usePools, delay } = require('../../support/pool-fixtures');

describe('pool cluster: failing nodes, retries, offline and restore', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);
  let deadPort = 0;

  // A port nobody listens on: connecting fails at once with ECONNREFUSED.
  beforeEach(function (done) {
    const probe = net.createServer().listen(0, '127.0.0.1', function () {
      deadPort = probe.address().port;
      probe.close(done);
    });
  });

  function deadConfig() {
    return pools.nodeConfig({ port: deadPort });
  }

  function getConnection(target, pattern) {
    return new Promise(function (resolve) {
      const cb = function (err, connection) {
        if (connection) connection.release();
        resolve(err || connection);
      };
      if (pattern === undefined) target.getConnection(cb);
      else target.getConnection(pattern, cb);
    });
  }

  it('fails with POOL_NOEXIST when no node matches the pattern', async function () {
    const cluster = pools.cluster();
    cluster.add('MASTER', pools.nodeConfig());
    const err = await getConnection(cluster, 'SLAVE*');
    assert.strictEqual(err.code, 'POOL_NOEXIST');
    assert.strictEqual(err.message, 'Pool does not exist.');
  });

  it('retries on the next matching node when a node fails (canRetry)', async function () {
    const cluster = pools.cluster();
    cluster.add('BROKEN', deadConfig());
    cluster.add('GOOD', pools.nodeConfig());

    const connection = await getConnection(cluster);
    assert.strictEqual(connection._clusterId, 'GOOD');
    assert.strictEqual(cluster._nodes.BROKEN.errorCount, 1);
    assert.strictEqual(cluster._nodes.GOOD.errorCount, 0);
  });

  it('with ORDER, retries the first node until it is removed (removeNodeErrorCount, default 5)', async function () {
    const cluster = pools.cluster({ defaultSelector: 'ORDER' });
    cluster.add('BROKEN', deadConfig());
    cluster.add('GOOD', pools.nodeConfig());
    const removed = [];
    cluster.on('remove', function (id) { removed.push(id); });

    const connection = await getConnection(cluster);
    assert.strictEqual(connection._clusterId, 'GOOD');
    assert.deepStrictEqual(removed, ['BROKEN']);
  });

  it('passes the node error on without retrying when canRetry is false', async function () {
    const cluster = pools.cluster({ canRetry: false, defaultSelector: 'ORDER' });
    cluster.add('BROKEN', deadConfig());
    cluster.add('GOOD', pools.nodeConfig());

    const err = await getConnection(cluster);
    assert.strictEqual(err.code, 'ECONNREFUSED');
    assert.strictEqual(err.fatal, true);
    assert.strictEqual(cluster._nodes.BROKEN.errorCount, 1);
  });

  it('removes a node after removeNodeErrorCount failures, with a remove event', async function () {
    const cluster = pools.cluster({ canRetry: false, removeNodeErrorCount: 2 });
    cluster.add('BROKEN', deadConfig());
    const removed = [];
    cluster.on('remove', function (id) { removed.push(id); });

    assert.strictEqual((await getConnection(cluster)).code, 'ECONNREFUSED');
    assert.deepStrictEqual(removed, []);
    assert.strictEqual((await getConnection(cluster)).code, 'ECONNREFUSED');
    assert.deepStrictEqual(removed, ['BROKEN']);
    assert.strictEqual(cluster._nodes.BROKEN, undefined);
    assert.strictEqual((await getConnection(cluster)).code, 'POOL_NOEXIST');
  });

  it('retries until every failing node is removed, then gives the last error', async function () {
    const cluster = pools.cluster({ removeNodeErrorCount: 1 });
    cluster.add('A', deadConfig());
    cluster.add('B', deadConfig());
    const removed = [];
    cluster.on('remove', function (id) { removed.push(id); });

    const err = await getConnection(cluster);
    assert.strictEqual(err.code, 'ECONNREFUSED');
    assert.deepStrictEqual(removed.sort(), ['A', 'B']);
  });

  it('takes a node offline for restoreNodeTimeout, fails with POOL_NONEONLINE meanwhile, then restores it',
    async function () {
      let refuse = true;
      let handshakes = 0;
      fake.server.on('connection', function (conn) {
        if (refuse) {
          conn.destroy();
          return;
        }
        handshakes++;
        conn.handshake();
      });
      const cluster = pools.cluster({ removeNodeErrorCount: 2, restoreNodeTimeout: 100 });
      cluster.add('MASTER', pools.nodeConfig());
      const events = [];
      cluster.on('offline', function (id) { events.push('offline:' + id); });
      cluster.on('online', function (id) { events.push('online:' + id); });
      cluster.on('remove', function (id) { events.push('remove:' + id); });

      const lost = await getConnection(cluster, 'MASTER');
      assert.strictEqual(lost.code, 'PROTOCOL_CONNECTION_LOST');
      assert.deepStrictEqual(events, ['offline:MASTER']);
      assert.strictEqual(cluster._nodes.MASTER.errorCount, 2);

      const none = await getConnection(cluster, 'MASTER');
      assert.strictEqual(none.code, 'POOL_NONEONLINE');
      assert.strictEqual(none.message, 'Pool does not have online node.');
      const noneByQuery = await new Promise(function (resolve) { cluster.of('MASTER').query('SELECT 1', resolve); });
      assert.strictEqual(noneByQuery.code, 'POOL_NONEONLINE');

      refuse = false;
      await delay(120);
      const connection = await getConnection(cluster, 'MASTER');
      assert.strictEqual(connection._clusterId, 'MASTER');
      assert.strictEqual(handshakes, 1);
      assert.deepStrictEqual(events, ['offline:MASTER', 'online:MASTER']);
      assert.strictEqual(cluster._nodes.MASTER.errorCount, 1);
      assert.strictEqual(cluster._nodes.MASTER._offlineUntil, 0);
    });

  it('sends a node that fails again right after its restore back offline', async function () {
    const cluster = pools.cluster({ canRetry: false, removeNodeErrorCount: 1, restoreNodeTimeout: 40 });
    cluster.add('BROKEN', deadConfig());
    const offline = [];
    cluster.on('offline', function (id) { offline.push(id); });

    assert.strictEqual((await getConnection(cluster)).code, 'ECONNREFUSED');
    assert.strictEqual((await getConnection(cluster)).code, 'POOL_NONEONLINE');
    await delay(60);
    assert.strictEqual((await getConnection(cluster)).code, 'ECONNREFUSED');
    assert.deepStrictEqual(offline, ['BROKEN', 'BROKEN']);
  });

  it('lowers the error count of a node on each success', async function () {
    const cluster = pools.cluster();
    cluster.add('MASTER', pools.nodeConfig());
    cluster._nodes.MASTER.errorCount = 3;
    await getConnection(cluster);
    assert.strictEqual(cluster._nodes.MASTER.errorCount, 2);
  });

  it('fails getConnection after end() with POOL_CLOSED', async function () {
    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig());
    cluster.add('B', pools.nodeConfig());
    cluster.end(function () {});

    const err = await getConnection(cluster);
    assert.strictEqual(err.code, 'POOL_CLOSED');
    assert.strictEqual(err.message, 'Pool is closed.');
  });

  // mysqljs counts these POOL_CLOSED failures against the nodes and retries them until all are removed.
  common.itOwn('after end(), neither retries nor removes nodes', async function () {
    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig());
    cluster.add('B', pools.nodeConfig());
    const removed = [];
    cluster.on('remove', function (id) { removed.push(id); });
    cluster.end(function () {});

    await getConnection(cluster);
    assert.deepStrictEqual(removed, []);
    assert.deepStrictEqual(Object.keys(cluster._nodes), ['A', 'B']);
    assert.strictEqual(cluster._nodes.A.errorCount + cluster._nodes.B.errorCount, 0);
  });

  // mysqljs counts the POOL_CLOSED from a node removed meanwhile against it and emits 'remove' for it again.
  common.itOwn('retries on another node when the chosen node is removed during the attempt', async function () {
    let first = true;
    fake.server.on('connection', function (conn) {
      if (first) {
        first = false;
        setTimeout(function () { conn.handshake(); }, 50);
        return;
      }
      conn.handshake();
    });
    const cluster = pools.cluster({ defaultSelector: 'ORDER', removeNodeErrorCount: 1 });
    cluster.add('A', pools.nodeConfig({ acquireTimeout: 1000 }));
    cluster.add('B', pools.nodeConfig());
    const removed = [];
    cluster.on('remove', function (id) { removed.push(id); });

    const pending = getConnection(cluster);
    cluster.remove('A');
    const connection = await pending;
    assert.strictEqual(connection._clusterId, 'B');
    assert.deepStrictEqual(removed, []);
  });
});
