'use strict';

// A valid row larger than 16 MB (so split over two packets) dripped a few
// bytes at a time around every packet header must arrive whole, through each
// way of reading a query; the same row cut off inside its second packet must
// fail once.

const assert = require('assert');
const { BIG_VALUE_LENGTH } = require('../support/hostile-server');
const { useWorkers, assertInvariants, assertFails, assertSucceeds } = require('../fuzz/harness');

const MAX_PACKET_LENGTH = 0xffffff;

describe('fault: a 16 MB+ result dripped in small pieces', function () {
  this.timeout(30000);
  const h = useWorkers({ size: 2 });
  const big = (client, plan) => h.case(Object.assign({ query: 'big', drip: true }, plan),
    Object.assign({ op: 'query', sql: 'SELECT blob FROM t', watchdogMs: 20000 }, client));
  const cases = {
    callback: big({}),
    events: big({ mode: 'events' }),
    stream: big({ mode: 'stream' }),
    pool: big({ op: 'pool.query' }),
    cut: big({}, { faults: [{ stage: 'row', action: 'truncate', keep: MAX_PACKET_LENGTH + 100 }] }),
  };

  it('delivers the whole value to a callback and to pool.query()', async function () {
    for (const name of ['callback', 'pool']) {
      const report = await cases[name]();
      assertInvariants(report);
      assert.deepStrictEqual(assertSucceeds(report.ops.main).result, [{ blob: { buffer: BIG_VALUE_LENGTH } }]);
    }
  });

  it('emits the row once through events and stream()', async function () {
    for (const name of ['events', 'stream']) {
      const report = await cases[name]();
      assertInvariants(report);
      const main = assertSucceeds(report.ops.main);
      assert.strictEqual(main.events.result, 1, name);
    }
  });

  it('fails with PROTOCOL_CONNECTION_LOST when the server hangs up inside the second packet', async function () {
    const report = await cases.cut();
    assertInvariants(report);
    assertFails(report.ops.main, 'PROTOCOL_CONNECTION_LOST', { fatal: true });
  });
});
