'use strict';

// The application lets go while commands are still waiting on a server that
// has gone quiet: destroy() or end() on a connection, pool.end() on a pool.
// Every pending callback (and end()'s own) runs exactly once with a coded
// Error, and no socket or timer outlives it. end() and pool.end() let the
// commands before them finish, so those cases give the commands a timeout.

const assert = require('assert');
const { useWorkers, assertInvariants, assertFails } = require('../fuzz/harness');

const WITH_TIMEOUTS = { options: { connectTimeout: 150, acquireTimeout: 150 }, opOptions: { timeout: 150 } };

const SILENT_AT = [
  ['during the handshake', 'greeting'],
  ['mid-rows', 'row'],
];

describe('fault: destroy(), end() and pool.end() while commands are pending', function () {
  this.timeout(10000);
  const h = useWorkers();

  for (const [where, stage] of SILENT_AT) {
    const faults = [{ stage, nth: 1, action: 'silent' }];
    if (stage === 'greeting') faults[0].nth = 0;
    for (const how of ['destroy', 'end']) {
      for (const mode of ['callback', 'events', 'stream']) {
        const run = h.case({ faults }, Object.assign({
          op: 'query', mode, queue: ['ping', 'statistics', 'query'], abort: { afterMs: 40, how },
        }, how === 'end' ? WITH_TIMEOUTS : {}));
        it(how + '() ' + where + ': the ' + mode + ' query and the three queued commands each fail once', async function () {
          const report = await run();
          assertInvariants(report);
          const ops = report.ops;
          for (const op of [ops.main].concat(ops.queue)) assertFails(op, undefined);
          assert.strictEqual(ops.abort.calls, 1);
        });
      }
    }

    const pooled = h.case({ faults }, Object.assign({
      op: 'pool.query', queue: ['query', 'query'], abort: { afterMs: 40, how: 'end' },
    }, WITH_TIMEOUTS));
    it('pool.end() ' + where + ': the running and the waiting pool.query() calls each fail once', async function () {
      const report = await pooled();
      assertInvariants(report);
      const ops = report.ops;
      for (const op of [ops.main].concat(ops.queue)) assertFails(op, undefined);
      assert.strictEqual(ops.abort.calls, 1);
    });
  }

  const getConnection = h.case({ faults: [{ stage: 'auth-ok', action: 'silent' }] }, Object.assign({
    op: 'pool.getConnection', abort: { afterMs: 40, how: 'end' },
  }, WITH_TIMEOUTS));
  it('pool.end() while pool.getConnection() waits on a silent handshake: one coded error, pool.end() calls back', async function () {
    const report = await getConnection();
    assertInvariants(report);
    assertFails(report.ops.main, undefined);
    assert.strictEqual(report.ops.abort.calls, 1);
  });
});
