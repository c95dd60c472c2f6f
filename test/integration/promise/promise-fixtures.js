'use strict';

// Shared by the promise API's integration tests (this file holds no tests).
//
//   const fx = usePromiseFixtures();   inside describe()
//   await fx.connect(extra)            a promise connection to the test server, ended after the test
//   fx.pool(extra) / fx.cluster(opts)  a promise pool / cluster, ended after the test
//   fx.table(prefix)                   a unique table name, dropped after the test (see ../helpers.js)
//   fx.api()                           <lib>/promise

const path = require('path');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

const describeOwn = common.isUpstream && !process.env.MYSQL_TEST_OWN ? describe.skip : describe;

function api() {
  return require(path.join(common.lib, 'promise'));
}

// end() lets queued work finish; destroy() covers whatever hangs or died.
function closeConnection(connection) {
  return Promise.race([connection.end().catch(function () {}), new Promise(function (resolve) { setTimeout(resolve, 2000); })])
    .then(function () { connection.destroy(); });
}

function usePromiseFixtures() {
  const fixtures = useFixtures();
  const opened = [];

  afterEach(async function () {
    await Promise.all(opened.splice(0).map(function (close) { return close(); }));
  });

  return {
    api: api,
    table: fixtures.table,
    connect: async function (extra) {
      const connection = await api().createConnection(Object.assign(common.config(), extra));
      opened.push(function () { return closeConnection(connection); });
      return connection;
    },
    pool: function (extra) {
      const pool = api().createPool(Object.assign(common.config(), extra));
      opened.push(function () { return pool.end().catch(function () {}); });
      return pool;
    },
    cluster: function (options) {
      const cluster = api().createPoolCluster(options);
      opened.push(function () { return cluster.end().catch(function () {}); });
      return cluster;
    },
  };
}

module.exports = { describeOwn: describeOwn, usePromiseFixtures: usePromiseFixtures };
