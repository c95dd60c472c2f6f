'use strict';

// dd-trace without an agent: the log exporter prints every finished trace to
// stdout as one `{"traces":[[…]]}` line, which the test parses. The agent URL
// points at a local port that nothing answers, so nothing leaves the machine.
// Each scenario runs its query inside a caller span and reports which span was
// active in the query callback (dd-trace re-binds query._callback for that).

const tracer = require('dd-trace').init({
  hostname: '127.0.0.1',
  experimental: { exporter: 'log' },
  startupLogs: false,
  telemetry: { enabled: false },
  remoteConfig: { enabled: false },
  runtimeMetrics: false,
  plugins: false,
});
tracer.use('mysql');

const mysql = require('mysql');
const { call, config, main } = require('./run.cjs');
const { tracedScenarios } = require('./traced-scenarios.cjs');

function activeSpanId() {
  const span = tracer.scope().active();
  return span ? span.context().toSpanId() : null;
}

function inCallerSpan(name, start) {
  return new Promise(function (resolve, reject) {
    tracer.trace(name, function (caller, finish) {
      start(function (err, extra) {
        const observed = Object.assign({
          callerSpanId: caller.context().toSpanId(),
          activeInCallback: activeSpanId(),
        }, extra);
        finish();
        if (err && !err.expected) reject(err);
        else resolve(Object.assign(observed, err ? { code: err.code } : {}));
      });
    });
  });
}

main([
  ...tracedScenarios({ mysql, config, call, inCallerSpan, activeSpanId, tag: 'dd', spanNames: {
    connection: 'caller.connection', error: 'caller.error', pool: 'caller.pool', getConnection: 'caller.getConnection' } }),
  // Without a callback dd-trace finishes the span on the query's 'end' event.
  ['query without a callback', async function () {
    const connection = mysql.createConnection(config());
    const rows = [];
    await new Promise(function (resolve, reject) {
      connection.query('SELECT 1 AS n UNION ALL SELECT 2 /* dd:events */')
        .on('result', function (row) { rows.push(row.n); })
        .on('error', reject)
        .on('end', resolve);
    });
    await call(connection, 'end');
    return { rows: rows };
  }],
  ['cluster.of().query', async function () {
    const cluster = mysql.createPoolCluster();
    cluster.add('node1', config({ connectionLimit: 2 }));
    const observed = await inCallerSpan('caller.namespace', function (done) {
      cluster.of('node*').query('SELECT 1 AS one /* dd:namespace.query */', function (err, rows) {
        done(err, { rows: rows });
      });
    });
    await call(cluster, 'end');
    return observed;
  }],
]);
