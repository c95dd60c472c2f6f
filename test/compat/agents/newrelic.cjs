'use strict';

// The New Relic agent, enabled but offline: its collector host is a local
// socket that closes every connection, and cloud detection is off, so nothing
// leaves the machine. New Relic rewrites the source of lib/Connection.js,
// lib/Pool.js and lib/PoolNamespace.js as they load (its rewriter reports on
// stderr through DEBUG, including "Error transforming module" when it finds no
// injection point); each scenario runs in a background transaction and reports
// the transaction's segment and metric names.

const net = require('net');

const collector = net.createServer(function (socket) { socket.destroy(); });

collector.listen(0, '127.0.0.1', function () {
  Object.assign(process.env, {
    DEBUG: '@apm-js-collab/tracing-hooks:module-patch',
    NEW_RELIC_NO_CONFIG_FILE: 'true',
    NEW_RELIC_ENABLED: 'true',
    NEW_RELIC_APP_NAME: 'mysql-compat',
    NEW_RELIC_LICENSE_KEY: '0123456789abcdef0123456789abcdef01234567',
    NEW_RELIC_HOST: '127.0.0.1',
    NEW_RELIC_PORT: String(collector.address().port),
    NEW_RELIC_LOG: process.env.COMPAT_RESULT + '.newrelic.log',
    NEW_RELIC_LOG_LEVEL: 'debug',
    NEW_RELIC_UTILIZATION_DETECT_AWS: 'false',
    NEW_RELIC_UTILIZATION_DETECT_AZURE: 'false',
    NEW_RELIC_UTILIZATION_DETECT_AZUREFUNCTION: 'false',
    NEW_RELIC_UTILIZATION_DETECT_GCP: 'false',
    NEW_RELIC_UTILIZATION_DETECT_PCF: 'false',
    NEW_RELIC_UTILIZATION_DETECT_DOCKER: 'false',
    NEW_RELIC_UTILIZATION_DETECT_KUBERNETES: 'false',
  });
  start(require('newrelic'));
});

function segmentNames(transaction) {
  const trace = transaction.trace;
  const names = [];
  (function walk(segment) {
    names.push(segment.name);
    const children = typeof trace.getChildren === 'function' ? trace.getChildren(segment.id) : segment.children;
    (children || []).forEach(walk);
  })(trace.root);
  return names;
}

function metricNames(transaction) {
  const metrics = transaction.metrics.toJSON();
  return metrics.map(function (entry) { return entry[0].name + (entry[0].scope ? ' @' + entry[0].scope : ''); });
}

function start(newrelic) {
  const mysql = require('mysql');
  const { call, config, main } = require('./run.cjs');
  const agent = newrelic.agent;

  // Runs the query in a background transaction; resolves when it has finished.
  function inTransaction(name, run) {
    return new Promise(function (resolve, reject) {
      function onFinished(transaction) {
        if (transaction.name !== 'OtherTransaction/Nodejs/' + name) return;
        agent.removeListener('transactionFinished', onFinished);
        resolve({ segments: segmentNames(transaction), metrics: metricNames(transaction), rows: rows });
      }
      let rows;
      agent.on('transactionFinished', onFinished);
      newrelic.startBackgroundTransaction(name, function () {
        const transaction = newrelic.getTransaction();
        run(function (err, result) {
          rows = result;
          transaction.end();
          if (err) reject(err);
        });
      });
    });
  }

  main([
    ['Connection#query', async function () {
      const connection = mysql.createConnection(config());
      const observed = await inTransaction('connection', function (done) {
        connection.query('SELECT * FROM compat_nr_connection', function (err) {
          // The table does not exist: a query that fails is still a Datastore call.
          done(err && err.code === 'ER_NO_SUCH_TABLE' ? null : err || new Error('the query did not fail'));
        });
      });
      await call(connection, 'end');
      return observed;
    }],
    ['Pool#query', async function () {
      const pool = mysql.createPool(config({ connectionLimit: 2 }));
      const observed = await inTransaction('pool', function (done) {
        pool.query('SELECT 1 AS one', done);
      });
      await call(pool, 'end');
      return observed;
    }],
    ['Pool#getConnection', async function () {
      const pool = mysql.createPool(config({ connectionLimit: 2 }));
      const observed = await inTransaction('getConnection', function (done) {
        pool.getConnection(function (err, connection) {
          if (err) return done(err);
          connection.query('SELECT 1 AS one', function (err, rows) {
            connection.release();
            done(err, rows);
          });
        });
      });
      await call(pool, 'end');
      return observed;
    }],
    ['PoolNamespace#query', async function () {
      const cluster = mysql.createPoolCluster();
      cluster.add('node1', config({ connectionLimit: 2 }));
      const observed = await inTransaction('namespace', function (done) {
        cluster.of('node*').query('SELECT 1 AS one', done);
      });
      await call(cluster, 'end');
      return observed;
    }],
  ], function (result) {
    // A rewritten method builds the tracing-channel context before running the original body.
    result.rewritten = {};
    [['Connection', 'query'], ['Pool', 'query'], ['Pool', 'getConnection'], ['PoolNamespace', 'query']]
      .forEach(function (pair) {
        const source = require('mysql/lib/' + pair[0]).prototype[pair[1]].toString();
        result.rewritten[pair[0] + '#' + pair[1]] = source.includes('__apm$ctx');
      });
    collector.close();
  });
}
