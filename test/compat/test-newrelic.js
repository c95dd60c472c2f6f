'use strict';

// New Relic (offline) rewrites lib/Connection.js, lib/Pool.js and
// lib/PoolNamespace.js as they load and only finds `X.prototype.query =
// function` / `X.prototype.getConnection = function` there; when it finds no
// injection point it says so on stderr and records nothing for that method.

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const harness = require('./harness');

describe('compat: New Relic', function () {
  let run;

  before(async function () {
    run = await harness.runScript(this, 'newrelic.cjs');
  });

  function assertDatastoreMetrics(observed, statement) {
    assert.ok(observed.segments.includes(statement), 'segments: ' + observed.segments.join(', '));
    ['Datastore/all', 'Datastore/MySQL/all', 'Datastore/operation/MySQL/select', statement].forEach(function (name) {
      assert.ok(observed.metrics.includes(name), name + ' in metrics: ' + observed.metrics.join(', '));
    });
    assert.ok(observed.metrics.some(function (name) { return /^Datastore\/instance\/MySQL\/[^/]+\/3306$/.test(name); }),
      'an instance metric: ' + observed.metrics.join(', '));
  }

  it('finds its injection points in lib/Connection.js, lib/Pool.js and lib/PoolNamespace.js', function () {
    const lib = path.join(run.app.dir, 'node_modules', 'mysql', 'lib');
    ['Connection.js', 'Pool.js', 'PoolNamespace.js'].forEach(function (file) {
      const rewritten = run.stderr.includes('transforming file ' + path.join(lib, file));
      assert.ok(rewritten, file + ' was not rewritten:\n' + run.stderr);
    });
    const failures = run.stderr.split('\n').filter(function (line) {
      return line.includes('Error transforming module');
    });
    assert.deepStrictEqual(failures, []);
    assert.deepStrictEqual(run.result.rewritten, {
      'Connection#query': true,
      'Pool#query': true,
      'Pool#getConnection': true,
      'PoolNamespace#query': true,
    });
  });

  it('records a Datastore segment and metrics for Connection#query', function () {
    assertDatastoreMetrics(harness.scenario(run.result, 'Connection#query'),
      'Datastore/statement/MySQL/compat_nr_connection/select');
  });

  it('records a Pool#query segment and the Datastore call inside it', function () {
    const observed = harness.scenario(run.result, 'Pool#query');
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    assert.ok(observed.segments.includes('MySQL Pool#query'), 'segments: ' + observed.segments.join(', '));
    assertDatastoreMetrics(observed, 'Datastore/statement/MySQL/unknown/select');
  });

  // Pool#getConnection only carries the transaction into its callback.
  it('keeps the transaction through Pool#getConnection for the pooled connection query', function () {
    const observed = harness.scenario(run.result, 'Pool#getConnection');
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    assertDatastoreMetrics(observed, 'Datastore/statement/MySQL/unknown/select');
  });

  it('records a segment and the Datastore call for PoolNamespace#query', function () {
    const observed = harness.scenario(run.result, 'PoolNamespace#query');
    assert.deepStrictEqual(observed.rows, [{ one: 1 }]);
    assert.ok(observed.segments.includes('MySQL Pool#query'), 'segments: ' + observed.segments.join(', '));
    assertDatastoreMetrics(observed, 'Datastore/statement/MySQL/unknown/select');
  });

  it('logs no warning or error about mysql', function () {
    const log = fs.readFileSync(path.join(run.app.dir, 'newrelic.cjs.result.json.newrelic.log'), 'utf8');
    const complaints = log.trim().split('\n').map(function (line) { return JSON.parse(line); })
      .filter(function (entry) { return entry.level >= 40 && /mysql/i.test(JSON.stringify(entry)); });
    assert.deepStrictEqual(complaints, []);
  });
});
