'use strict';

// dd-trace hooks lib/Connection.js, lib/Pool.js and lib/PoolNamespace.js by
// path, wraps their prototype query/getConnection, and re-assigns the returned
// Query's _callback to finish its span and restore the caller's scope. Spans
// come back through the log exporter (stdout), so no agent is involved.

const assert = require('assert');
const common = require('../support/common');
const harness = require('./harness');

// The log exporter prints ids as hex; the tracer's toSpanId() is decimal.
function decimal(hexId) {
  return BigInt('0x' + hexId).toString();
}

function exportedSpans(stdout) {
  return stdout.split('\n')
    .filter(function (line) { return line.startsWith('{"traces":'); })
    .flatMap(function (line) { return JSON.parse(line).traces.flat(); });
}

describe('compat: dd-trace', function () {
  let run;
  let spans;

  before(async function () {
    run = await harness.runScript(this, 'dd-trace.cjs');
    spans = exportedSpans(run.stdout);
  });

  function querySpan(marker) {
    const found = spans.filter(function (span) {
      return span.name === 'mysql.query' && span.resource.includes('/* dd:' + marker + ' */');
    });
    assert.strictEqual(found.length, 1, 'mysql.query spans for ' + marker + ':\n' + run.stdout + run.stderr);
    return found[0];
  }

  function assertPeerTags(span) {
    const config = common.config();
    assert.strictEqual(span.type, 'sql');
    assert.strictEqual(span.meta.component, 'mysql');
    assert.strictEqual(span.meta['span.kind'], 'client');
    assert.strictEqual(span.meta['db.type'], 'mysql');
    assert.strictEqual(span.meta['db.name'], config.database);
    assert.strictEqual(span.meta['db.user'], config.user);
    assert.strictEqual(span.meta['out.host'], config.host);
    assert.strictEqual(span.metrics['network.destination.port'], config.port);
  }

  // The statement is the span's resource; the span is the caller's child; the
  // callback ran with the caller's span active again.
  function assertTraced(scenario, marker) {
    const observed = harness.scenario(run.result, scenario);
    const span = querySpan(marker);
    assertPeerTags(span);
    assert.strictEqual(span.error, 0);
    assert.strictEqual(decimal(span.parent_id), observed.callerSpanId);
    assert.strictEqual(observed.activeInCallback, observed.callerSpanId, 'the callback runs in the caller scope');
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    return observed;
  }

  it('traces connection.query with the statement and peer tags', function () {
    assertTraced('connection.query', 'connection');
  });

  it('traces pool.query', function () {
    assertTraced('pool.query', 'pool.query');
  });

  it('traces pool.getConnection (an acquire span) and the query on the pooled connection', function () {
    const observed = assertTraced('pool.getConnection + query', 'pool.getConnection');
    assert.strictEqual(observed.activeInGetConnection, observed.callerSpanId);
    const acquire = spans.filter(function (span) {
      return span.name === 'mysql.pool.acquire' && decimal(span.parent_id) === observed.callerSpanId;
    });
    assert.strictEqual(acquire.length, 1);
    assertPeerTags(acquire[0]);
  });

  it('traces a PoolCluster namespace query', function () {
    assertTraced('cluster.of().query', 'namespace.query');
  });

  it('marks the span of a failing query as an error', function () {
    const observed = harness.scenario(run.result, 'failing query');
    assert.strictEqual(observed.code, 'ER_NO_SUCH_TABLE');
    assert.strictEqual(observed.activeInCallback, observed.callerSpanId);
    const span = querySpan('error');
    assert.strictEqual(span.error, 1);
    assert.strictEqual(span.meta['error.type'], 'Error');
    assert.match(span.meta['error.message'], /^ER_NO_SUCH_TABLE: /);
  });

  it('finishes the span of a query without a callback on its end event', function () {
    assert.deepStrictEqual(harness.scenario(run.result, 'query without a callback').rows, [1, 2]);
    assertPeerTags(querySpan('events'));
  });
});
