'use strict';

// The handshake meets a server that hangs up, resets, stops talking, cuts a
// packet short or numbers it wrong at each step: greeting, auth switch, the
// final OK. connect(), an implicit connect through query() and
// pool.getConnection() must each call back once with a fatal Error carrying a
// code, and leave nothing behind (test/fuzz/invariants.js).

const assert = require('assert');
const { useWorkers, assertInvariants, assertFails } = require('../fuzz/harness');
const faultActions = require('./fault-actions');

const TIMEOUT_MS = 150;
const ACTIONS = faultActions('ETIMEDOUT');

const STAGES = [
  ['the greeting', {}, 'greeting'],
  ['the OK after the credentials', {}, 'auth-ok'],
  ['an auth switch request', { auth: 'switch' }, 'auth-switch'],
  ['the OK after an auth switch', { auth: 'switch' }, 'auth-ok'],
];

const OPS = ['connect', 'query', 'pool.getConnection'];

function label(fault) {
  return fault.action + (fault.then ? '+' + fault.then : '') + (fault.delta ? ' ' + fault.delta : '');
}

describe('fault: connect against a server that misbehaves at each handshake step', function () {
  this.timeout(10000);
  const h = useWorkers();

  for (const [where, plan, stage] of STAGES) {
    for (const [fault, codes] of ACTIONS) {
      for (const op of OPS) {
        const run = h.case(Object.assign({ faults: [Object.assign({ stage }, fault)] }, plan), {
          op,
          options: { connectTimeout: TIMEOUT_MS },
          then: op === 'connect' ? 'ping' : undefined,
        });
        it(op + ': ' + label(fault) + ' at ' + where, async function () {
          const report = await run();
          assertInvariants(report);
          assertFails(report.ops.main, codes, { fatal: true });
          if (op === 'connect') {
            assert.notStrictEqual(report.state, 'authenticated');
            assertFails(report.ops.then, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', { fatal: false });
          }
        });
      }
    }
  }
});
