'use strict';

// @opentelemetry/instrumentation-mysql re-wraps createConnection, createPool and
// createPoolCluster on the root module, then query/getConnection on what they
// return. The pinned release reports the stable database semantic conventions:
// db.system.name, db.query.text, db.namespace, server.address, server.port
// (the older names were db.system, db.statement, db.name, net.peer.name/port).

const assert = require('assert');
const common = require('../support/common');
const harness = require('./harness');

const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

describe('compat: OpenTelemetry instrumentation-mysql', function () {
  let run;

  before(async function () {
    run = await harness.runScript(this, 'opentelemetry.cjs');
  });

  function spansFor(marker, count) {
    const spans = run.result.spans.filter(function (span) {
      return String(span.attributes['db.query.text']).includes('/* otel:' + marker + ' */');
    });
    assert.strictEqual(spans.length, count, 'spans for ' + marker + ': ' + JSON.stringify(run.result.spans, null, 2));
    return spans;
  }

  function spanFor(marker) {
    return spansFor(marker, 1)[0];
  }

  function assertDatabaseAttributes(span) {
    const config = common.config();
    assert.strictEqual(span.kind, SPAN_KIND_CLIENT);
    assert.strictEqual(span.name, 'SELECT');
    assert.strictEqual(span.attributes['db.system.name'], 'mysql');
    assert.strictEqual(span.attributes['db.namespace'], config.database);
    assert.strictEqual(span.attributes['server.address'], config.host);
    assert.strictEqual(span.attributes['server.port'], config.port);
  }

  // One span, a child of the caller's span; the callback ran in the caller's context.
  function assertClientSpan(scenario, marker) {
    const observed = harness.scenario(run.result, scenario);
    const span = spanFor(marker);
    assertDatabaseAttributes(span);
    assert.strictEqual(span.parentSpanId, observed.callerSpanId, 'the query span is a child of the caller span');
    assert.strictEqual(observed.activeInCallback, observed.callerSpanId, 'the callback runs in the caller context');
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    return observed;
  }

  it('traces connection.query as a CLIENT span with the database attributes', function () {
    assertClientSpan('connection.query', 'connection');
  });

  // The pool's own span, and inside it the span of the pooled connection's query.
  it('traces pool.query, with the pooled connection query nested in it', function () {
    const observed = harness.scenario(run.result, 'pool.query');
    const spans = spansFor('pool.query', 2);
    const outer = spans.find(function (span) { return span.parentSpanId === observed.callerSpanId; });
    assert.ok(outer, 'a pool.query span under the caller span');
    const inner = spans.find(function (span) { return span !== outer; });
    assert.strictEqual(inner.parentSpanId, outer.spanId);
    spans.forEach(assertDatabaseAttributes);
    assert.strictEqual(observed.activeInCallback, observed.callerSpanId);
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
  });

  it('traces a query on a connection from pool.getConnection, in the caller context', function () {
    const observed = assertClientSpan('pool.getConnection + query', 'pool.getConnection');
    assert.strictEqual(observed.activeInGetConnection, observed.callerSpanId);
  });

  it('traces a query on a connection from cluster.getConnection', function () {
    assertClientSpan('cluster.getConnection + query', 'cluster.getConnection');
  });

  // The pinned instrumentation wraps cluster.getConnection but not PoolNamespace (mysql 2.18.1 gets no span
  // here either); the namespace query must still work and call back in the caller context.
  it('leaves cluster.of().query working under the instrumentation', function () {
    const observed = harness.scenario(run.result, 'cluster.of().query');
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    assert.strictEqual(observed.activeInCallback, observed.callerSpanId);
  });

  it('sets an error status on a failing query', function () {
    const observed = harness.scenario(run.result, 'failing query');
    assert.strictEqual(observed.code, 'ER_NO_SUCH_TABLE');
    assert.strictEqual(observed.activeInCallback, observed.callerSpanId);
    const span = spanFor('error');
    assert.strictEqual(span.status.code, STATUS_ERROR);
    assert.match(span.status.message, /^ER_NO_SUCH_TABLE: /);
  });

  it('keeps query().stream() working and ends its span', function () {
    assert.deepStrictEqual(harness.scenario(run.result, 'query().stream()').rows, [1, 2]);
    assert.strictEqual(spanFor('stream').kind, SPAN_KIND_CLIENT);
  });
});
