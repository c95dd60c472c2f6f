'use strict';

// A Sequence subclass written for mysqljs: util.inherits + Sequence.call, its
// own packet classes, handlers named after them, connection._protocol._enqueue.

const assert = require('assert');
const harness = require('./harness');

describe('compat: an old-style Sequence subclass', function () {
  let run;

  before(async function () {
    run = await harness.runScript(this, 'sequence.cjs');
  });

  it('is built with Sequence.call(this, callback) and runs COM_PING through its own packet class', function () {
    const observed = harness.scenario(run.result, 'COM_PING');
    assert.strictEqual(observed.instanceOfSequence, true);
    assert.strictEqual(observed.instanceOfEventEmitter, true);
    assert.strictEqual(observed.callbackStored, true);
    assert.deepStrictEqual(observed.received, ['OkPacket']);
    assert.deepStrictEqual(observed.callback, { packetClass: 'OkPacket' });
  });

  it('types COM_STATISTICS replies with its determinePacket and handles them by its packet class name', function () {
    const observed = harness.scenario(run.result, 'COM_STATISTICS');
    assert.deepStrictEqual(observed.received, ['StatusTextPacket']);
    assert.match(observed.text, /^Uptime: \d+/);
    assert.deepStrictEqual(observed.rowsAfter, [{ one: 1 }]);
  });
});
