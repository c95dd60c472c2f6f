'use strict';

// ping(), statistics(), changeUser() and end() against a server that hangs
// up, resets, stops talking, truncates or misnumbers its answer (for
// changeUser also the auth switch it may ask for). Each callback runs once;
// a failure is a fatal coded Error that also reaches the command queued
// behind, and nothing is left open.

const assert = require('assert');
const { useWorkers, assertInvariants, assertFails } = require('../fuzz/harness');
const faultActions = require('./fault-actions');

const TIMEOUT_MS = 150;
const ACTIONS = faultActions('PROTOCOL_SEQUENCE_TIMEOUT');

const COMMANDS = [
  ['ping', {}, 'ping-ok'],
  ['statistics', {}, 'statistics'],
  ['changeUser', {}, 'change-user-ok'],
  ['changeUser', { changeUser: 'switch' }, 'change-user-switch'],
  ['changeUser', { changeUser: 'switch' }, 'change-user-ok'],
];

function label(fault) {
  return fault.action + (fault.then ? '+' + fault.then : '') + (fault.delta ? ' ' + fault.delta : '');
}

describe('fault: ping, statistics and changeUser against a misbehaving server', function () {
  this.timeout(10000);
  const h = useWorkers();

  for (const [op, plan, stage] of COMMANDS) {
    for (const [fault, codes] of ACTIONS) {
      const run = h.case(Object.assign({ faults: [Object.assign({ stage }, fault)] }, plan), {
        op,
        opOptions: { timeout: TIMEOUT_MS },
        connectFirst: true,
        queue: ['query'],
      });
      it(op + ': ' + label(fault) + ' at ' + stage, async function () {
        const report = await run();
        assertInvariants(report);
        const main = report.ops.main;
        assert.strictEqual(main.calls, 1);
        if (!codes) return;
        const err = assertFails(main, codes, { fatal: true });
        assertFails(report.ops.queue[0], err.code, { fatal: true });
      });
    }
  }
});

describe('fault: end() against a server that does not simply close after COM_QUIT', function () {
  this.timeout(10000);
  const h = useWorkers();
  const endCase = (fault) => h.case({ faults: [Object.assign({ stage: 'quit' }, fault)] }, {
    op: 'end', opOptions: { timeout: TIMEOUT_MS },
  });
  const cases = {
    reset: endCase({ action: 'reset' }),
    silent: endCase({ action: 'silent' }),
    ok: endCase({ action: 'replace', hex: '00000002000000' }),
    garbage: endCase({ action: 'replace', hex: '0badc0de' }),
    error: endCase({ action: 'replace', hex: 'ff5104' + '23' + Buffer.from('08S01Bye').toString('hex') }),
  };

  it('treats a reset after COM_QUIT as the server hanging up: end() succeeds', async function () {
    const report = await cases.reset();
    assertInvariants(report);
    assert.strictEqual(report.ops.main.calls, 1);
    assert.deepStrictEqual(report.ops.main.errors, []);
  });

  it('ends with PROTOCOL_SEQUENCE_TIMEOUT when the server neither answers nor closes', async function () {
    const report = await cases.silent();
    assertInvariants(report);
    assertFails(report.ops.main, 'PROTOCOL_SEQUENCE_TIMEOUT', { fatal: true });
  });

  it('calls back once when the server answers COM_QUIT with an OK, garbage or an ERR', async function () {
    for (const name of ['ok', 'garbage', 'error']) {
      const report = await cases[name]();
      assertInvariants(report);
      assert.strictEqual(report.ops.main.calls, 1, name);
    }
  });
});
