'use strict';

// OpenTelemetry's mysql instrumentation, exporting to memory. Each scenario
// tags its SQL with a comment so the test can find its span.

const { context, trace } = require('@opentelemetry/api');
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { MySQLInstrumentation } = require('@opentelemetry/instrumentation-mysql');

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
registerInstrumentations({ instrumentations: [new MySQLInstrumentation()] });

const mysql = require('mysql');
const { call, config, main } = require('./run.cjs');
const { tracedScenarios } = require('./traced-scenarios.cjs');

const tracer = trace.getTracer('mysql-compat');

function activeSpanId() {
  const span = trace.getSpan(context.active());
  return span ? span.spanContext().spanId : null;
}

// Runs start(done) inside an active caller span and reports which span was
// active when the query callback ran.
function inCallerSpan(name, start) {
  return new Promise(function (resolve, reject) {
    tracer.startActiveSpan(name, function (caller) {
      start(function (err, extra) {
        const observed = Object.assign({
          callerSpanId: caller.spanContext().spanId,
          activeInCallback: activeSpanId(),
        }, extra);
        caller.end();
        if (err && !err.expected) reject(err);
        else resolve(Object.assign(observed, err ? { code: err.code } : {}));
      });
    });
  });
}

main([
  ...tracedScenarios({ mysql, config, call, inCallerSpan, activeSpanId, tag: 'otel', spanNames: {
    connection: 'caller connection.query', error: 'caller failing', pool: 'caller pool.query', getConnection: 'caller pool.getConnection' } }),
  ['query().stream()', async function () {
    const connection = mysql.createConnection(config());
    const rows = [];
    await new Promise(function (resolve, reject) {
      connection.query('SELECT 1 AS n UNION ALL SELECT 2 /* otel:stream */').stream()
        .on('data', function (row) { rows.push(row.n); })
        .on('error', reject)
        .on('end', resolve);
    });
    await call(connection, 'end');
    return { rows: rows };
  }],
  ['cluster.getConnection + query', async function () {
    const cluster = mysql.createPoolCluster();
    cluster.add('node1', config({ connectionLimit: 2 }));
    const observed = await inCallerSpan('caller cluster.getConnection', function (done) {
      cluster.getConnection('node1', function (err, connection) {
        if (err) return done(err);
        connection.query('SELECT 1 AS one /* otel:cluster.getConnection */', function (err, rows) {
          connection.release();
          done(err, { rows: rows });
        });
      });
    });
    await call(cluster, 'end');
    return observed;
  }],
  ['cluster.of().query', async function () {
    const cluster = mysql.createPoolCluster();
    cluster.add('node1', config({ connectionLimit: 2 }));
    const observed = await inCallerSpan('caller namespace.query', function (done) {
      cluster.of('node*').query('SELECT 1 AS one /* otel:namespace.query */', function (err, rows) {
        done(err, { rows: rows });
      });
    });
    await call(cluster, 'end');
    return observed;
  }],
], function (result) {
  result.spans = exporter.getFinishedSpans().map(function (span) {
    return {
      name: span.name,
      kind: span.kind,
      spanId: span.spanContext().spanId,
      parentSpanId: span.parentSpanContext ? span.parentSpanContext.spanId : null,
      attributes: span.attributes,
      status: span.status,
    };
  });
});
