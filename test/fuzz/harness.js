'use strict';

// Mocha helpers for the fault suite (test/fault/): each case runs in a worker
// process (workers.js), so a crash or a hang fails one test instead of the run.
//
//   const h = useWorkers();                       inside describe()
//   const report = await h.run(plan, clientSpec); the worker's report
//   const c = h.case(plan, clientSpec);           at describe time: every such case starts in before(),
//   const report = await c();                       spread over the workers; the test awaits its report
//   assertInvariants(report)                      invariants.js, as an assertion
//   assertFails(op, codes, { fatal })            one callback, one Error with one of codes
//   assertSucceeds(op)                            one callback, no error

const assert = require('assert');
const { WorkerPool } = require('./workers');
const { violations } = require('./invariants');

function useWorkers(options) {
  const cases = [];
  const h = {
    pool: null,
    run: (plan, client, extra) => h.pool.run(Object.assign({ server: { hostile: plan || {} }, client }, extra)),
    case: (plan, client, extra) => {
      const entry = { args: [plan, client, extra], report: null };
      cases.push(entry);
      return () => entry.report;
    },
  };
  before(function () {
    h.pool = new WorkerPool(Object.assign({ size: 4 }, options));
    for (const entry of cases) entry.report = h.run(...entry.args);
  });
  after(function () {
    return h.pool.close();
  });
  return h;
}

function assertInvariants(report) {
  const found = violations(report);
  assert.deepStrictEqual(found, [], 'invariants broken: ' + JSON.stringify(found, null, 2) +
    '\nreport: ' + JSON.stringify(report).slice(0, 2000));
}

function assertFails(op, codes, options) {
  const opts = options || {};
  assert.ok(op, 'the operation ran');
  assert.strictEqual(op.calls, 1, op.name + ' completed once: ' + JSON.stringify(op));
  assert.strictEqual(op.errors.length, 1, op.name + ' got one error: ' + JSON.stringify(op.errors));
  const err = op.errors[0];
  assert.ok(err.isError, 'an Error');
  if (codes) assert.ok([].concat(codes).indexOf(err.code) !== -1, op.name + ': ' + err.code + ' is one of ' + codes);
  else assert.strictEqual(typeof err.code, 'string');
  if (opts.fatal !== undefined) assert.strictEqual(err.fatal, opts.fatal, op.name + ': fatal is ' + opts.fatal);
  return err;
}

function assertSucceeds(op) {
  assert.ok(op, 'the operation ran');
  assert.deepStrictEqual(op.errors, [], op.name + ' without error');
  assert.strictEqual(op.calls, 1, op.name + ' completed once');
  return op;
}

module.exports = { useWorkers, assertInvariants, assertFails, assertSucceeds };
