'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { usePools } = require('../../support/pool-fixtures');
const { describeOwn, promiseApi, rows } = require('./promise-fixtures');

describeOwn('promise: pool cluster', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  // Nodes on the one fake server, told apart by the user they log in as; each query gets [user, sql].
  function createCluster(options) {
    fake.server.on('connection', function (conn) {
      let user = null;
      conn.on('clientAuthentication', function (packet) { user = packet.user; });
      conn.handshake();
      conn.on('query', function (packet) {
        if (/^STREAM/.test(packet.sql)) conn.sendResultSet(['id', 'name'], rows(200));
        else conn.sendResultSet(['user', 'sql'], [[user, packet.sql]]);
      });
    });
    const cluster = promiseApi().createPoolCluster(options);
    pools.track(cluster.poolCluster);
    cluster.add('MASTER', pools.nodeConfig({ user: 'master' }));
    cluster.add('REPLICA1', pools.nodeConfig({ user: 'replica1' }));
    cluster.add('REPLICA2', pools.nodeConfig({ user: 'replica2' }));
    return cluster;
  }

  it('wraps a callback PoolCluster, reachable as .poolCluster', function () {
    const cluster = createCluster();
    const PoolCluster = require(path.join(common.lib, 'PoolCluster'));
    assert.ok(cluster.poolCluster instanceof PoolCluster);
    assert.deepStrictEqual(Object.keys(cluster.poolCluster._nodes), ['MASTER', 'REPLICA1', 'REPLICA2']);
  });

  it('add() without an id names the node as the callback API does', function () {
    const cluster = createCluster();
    cluster.add(pools.nodeConfig());
    assert.ok(cluster.poolCluster._nodes['CLUSTER::1']);
  });

  it('getConnection(pattern, selector) takes a connection from a matching node', async function () {
    const cluster = createCluster();
    const users = [];
    for (let i = 0; i < 3; i++) {
      const connection = await cluster.getConnection('REPLICA*', 'ORDER');
      users.push(connection.config.user);
      connection.release();
    }
    assert.deepStrictEqual(users, ['replica1', 'replica1', 'replica1']);

    const any = await cluster.getConnection();
    assert.strictEqual(any.config.user, 'master');
    const [results] = await any.query('SELECT 1');
    assert.deepStrictEqual([results[0].user, results[0].sql], ['master', 'SELECT 1']);
    any.release();
  });

  it('getConnection() rejects with POOL_NOEXIST when no node matches', async function () {
    const cluster = createCluster();
    await assert.rejects(cluster.getConnection('NOPE'), { code: 'POOL_NOEXIST' });
  });

  it('of(pattern, selector) gives a namespace with query(), getConnection() and queryStream()', async function () {
    const cluster = createCluster();
    const replicas = cluster.of('REPLICA*', 'RR');
    const PoolNamespace = require(path.join(common.lib, 'PoolNamespace'));
    assert.ok(replicas.namespace instanceof PoolNamespace);

    const seen = [];
    for (let i = 0; i < 2; i++) {
      const [results, fields] = await replicas.query('SELECT ?', [i]);
      seen.push(results[0].user + ':' + results[0].sql);
      assert.strictEqual(fields[1].name, 'sql');
    }
    assert.deepStrictEqual(seen, ['replica1:SELECT 0', 'replica2:SELECT 1']);

    const connection = await replicas.getConnection();
    assert.match(connection.config.user, /^replica/);
    connection.release();

    let count = 0;
    for await (const row of replicas.queryStream('STREAM')) count += row.id === String(count + 1) ? 1 : 0;
    assert.strictEqual(count, 200);
  });

  it('remove() drops the matching nodes', async function () {
    const cluster = createCluster();
    cluster.remove('REPLICA*');
    assert.deepStrictEqual(Object.keys(cluster.poolCluster._nodes), ['MASTER']);
    await assert.rejects(cluster.of('REPLICA*').query('SELECT 1'), { code: 'POOL_NOEXIST' });
  });

  it("on() reaches the cluster's events: a failing node is removed with 'remove'", async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error("Access denied for user 'bad'", 1045, '28000'); } });
    });
    const cluster = promiseApi().createPoolCluster({ removeNodeErrorCount: 1, canRetry: false });
    pools.track(cluster.poolCluster);
    cluster.add('BAD', pools.nodeConfig({ user: 'bad' }));
    const removed = [];
    assert.strictEqual(cluster.on('remove', function (nodeId) { removed.push(nodeId); }), cluster);
    await assert.rejects(cluster.getConnection('BAD'), { code: 'ER_ACCESS_DENIED_ERROR' });
    assert.deepStrictEqual(removed, ['BAD']);
  });

  it('end() resolves once every node has closed', async function () {
    const cluster = createCluster();
    const connection = await cluster.getConnection('MASTER');
    connection.release();
    await cluster.end();
    await assert.rejects(cluster.getConnection('MASTER'), { code: 'POOL_CLOSED' });
  });
});
