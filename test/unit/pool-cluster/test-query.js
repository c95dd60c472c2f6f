'use strict';

const assert = require('assert');
const net = require('net');
const path = require('path');
const common = require('../../support/common');
const { usePools } = require('../../support/pool-fixtures');

describe('pool cluster: namespace query()', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  beforeEach(function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        conn.sendResultSet(['sql'], [[packet.sql]]);
      });
    });
  });

  function closedPort() {
    return new Promise(function (resolve) {
      const probe = net.createServer().listen(0, '127.0.0.1', function () {
        const port = probe.address().port;
        probe.close(function () { resolve(port); });
      });
    });
  }

  it('runs the query on a node connection, releases it, and returns the Query', function (done) {
    const Query = require(path.join(common.lib, 'protocol', 'sequences', 'Query'));
    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig());
    const rows = [];
    const query = cluster.of('*').query('SELECT ?', ['x']);
    assert.ok(query instanceof Query);
    query.on('result', function (row) { rows.push(row.sql); });
    query.on('end', function () {
      assert.deepStrictEqual(rows, ["SELECT 'x'"]);
      setImmediate(function () {
        assert.strictEqual(cluster._nodes.A.pool._freeConnections.length, 1);
        done();
      });
    });
  });

  it('fails with POOL_NOEXIST through the callback, after query() returned', function (done) {
    const cluster = pools.cluster();
    let returned = false;
    cluster.of('NOPE').query('SELECT 1', function (err) {
      assert.ok(returned);
      assert.strictEqual(err.code, 'POOL_NOEXIST');
      done();
    });
    returned = true;
  });

  it('retries the same Query object on the next node when a node fails', async function () {
    const port = await closedPort();
    const cluster = pools.cluster();
    cluster.add('BROKEN', pools.nodeConfig({ port: port }));
    cluster.add('GOOD', pools.nodeConfig());
    const namespace = cluster.of('*');
    const seen = [];
    const original = namespace.query;
    namespace.query = function (sql) {
      seen.push(sql);
      return original.apply(this, arguments);
    };

    const result = await new Promise(function (resolve, reject) {
      const query = namespace.query('SELECT 2', function (err, rows) {
        if (err) reject(err);
        else resolve(rows[0].sql);
      });
      seen.push(query);
    });
    assert.strictEqual(result, 'SELECT 2');
    // The caller's call, then the retry with the Query it got back.
    assert.strictEqual(seen.length, 3);
    assert.strictEqual(seen[0], 'SELECT 2');
    assert.strictEqual(seen[1], seen[2]);
  });

  it('passes the node error to the callback when no node is left to retry', async function () {
    const port = await closedPort();
    const cluster = pools.cluster({ removeNodeErrorCount: 1 });
    cluster.add('BROKEN', pools.nodeConfig({ port: port }));
    let calls = 0;
    const err = await new Promise(function (resolve) {
      cluster.of('*').query('SELECT 1', function (e) {
        calls++;
        resolve(e);
      });
    });
    assert.strictEqual(err.code, 'ECONNREFUSED');
    assert.strictEqual(calls, 1);
  });

  it("uses the node pool's typeCast option", function (done) {
    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig({ typeCast: function () { return 'cast'; } }));
    cluster.of('A').query('SELECT 1', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].sql, 'cast');
      done();
    });
  });

  it('fails with POOL_CLOSED after the cluster ended', function (done) {
    const cluster = pools.cluster();
    cluster.add('A', pools.nodeConfig());
    cluster.end(function () {});
    cluster.of('*').query('SELECT 1', function (err) {
      assert.strictEqual(err.code, 'POOL_CLOSED');
      done();
    });
  });
});
