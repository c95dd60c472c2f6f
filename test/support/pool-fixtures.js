'use strict';

// Pools and clusters for the pool tests, closed after each test.
//
//   const fake = common.useFakeServer();
//   const pools = usePools(fake);
//   pools.create(extra)          a pool on fake.server (options as createPool takes them)
//   pools.cluster(options)       a PoolCluster; pools.nodeConfig(extra) is a node config for fake.server
//   pools.track(poolOrCluster)   close something the test made itself
//
// Cleanup ends the pool (queued callbacks get POOL_CLOSED), then destroys every connection it had, so no
// socket or pending QUIT outlives the test.

const common = require('./common');

function connectionsOf(poolOrCluster) {
  if (poolOrCluster._allConnections) return poolOrCluster._allConnections.slice();
  const nodes = poolOrCluster._nodes || {};
  return Object.keys(nodes).reduce(function (all, id) {
    return all.concat(nodes[id].pool._allConnections);
  }, []);
}

function close(poolOrCluster) {
  const connections = connectionsOf(poolOrCluster);
  poolOrCluster.end(function () {});
  connections.forEach(function (connection) { connection.destroy(); });
}

function usePools(fake) {
  const tracked = [];

  afterEach(function () {
    tracked.splice(0).forEach(close);
  });

  const pools = {
    track: function (poolOrCluster) {
      tracked.push(poolOrCluster);
      return poolOrCluster;
    },
    nodeConfig: function (extra) {
      return common.fakeServerConfig(fake.server, extra);
    },
    create: function (extra) {
      return pools.track(common.mysql.createPool(pools.nodeConfig(extra)));
    },
    cluster: function (options) {
      return pools.track(common.mysql.createPoolCluster(options));
    },
  };
  return pools;
}

// Resolves after `ms` milliseconds; tests use it to let callbacks that must not come have their chance.
function delay(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

// getConnection() as a promise, for tests that chain several acquisitions.
function acquire(pool) {
  return new Promise(function (resolve, reject) {
    pool.getConnection(function (err, connection) {
      if (err) reject(err);
      else resolve(connection);
    });
  });
}

module.exports = { usePools: usePools, delay: delay, acquire: acquire };
