'use strict';

// A query's reply meets a server that hangs up, resets, stops talking, cuts a
// packet short or numbers it wrong: after the column count, mid column
// definitions, at the EOF after them, mid-rows, at the final EOF, mid-OK.
// Through a callback, events, stream() and pool.query() the caller hears
// exactly once, with a fatal coded Error; the commands queued behind get that
// error too, and later ones PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR.

const assert = require('assert');
const { useWorkers, assertInvariants, assertFails, assertSucceeds } = require('../fuzz/harness');
const faultActions = require('./fault-actions');

const TIMEOUT_MS = 150;
const ACTIONS = faultActions('PROTOCOL_SEQUENCE_TIMEOUT');

const STAGES = [
  ['after the column count', 'rows', { stage: 'column', nth: 0 }],
  ['mid column definitions', 'rows', { stage: 'column', nth: 1 }],
  ['at the EOF after the columns', 'rows', { stage: 'columns-eof' }],
  ['mid-rows', 'rows', { stage: 'row', nth: 1 }],
  ['at the final EOF', 'rows', { stage: 'rows-eof' }],
  ['at the column count', 'rows', { stage: 'column-count' }],
  ['at an OK', 'ok', { stage: 'query-ok' }],
  ['at the OK after a first result set', 'multi', { stage: 'query-ok' }],
];

const MODES = ['callback', 'events', 'stream', 'pool.query'];

function label(fault) {
  return fault.action + (fault.then ? '+' + fault.then : '') + (fault.delta ? ' ' + fault.delta : '');
}

function clientSpec(mode) {
  const pool = mode === 'pool.query';
  return {
    op: pool ? 'pool.query' : 'query',
    mode: pool ? 'callback' : mode,
    sql: 'SELECT id, name FROM t',
    opOptions: { timeout: TIMEOUT_MS },
    connectFirst: !pool,
    queue: mode === 'callback' ? ['ping', 'query'] : undefined,
    then: mode === 'callback' ? 'ping' : undefined,
  };
}

function assertEventsFailed(op, codes) {
  const err = assertFails(op, codes, { fatal: true });
  assert.deepStrictEqual(op.events.order.slice(-2), ['error', 'end'], "'error' then 'end': " + op.events.order);
  return err;
}

// A declared length longer than the packet swallows the start of the next reply. With the commands behind the
// query already sent (pipelining), those bytes arrive and the packet may still parse: then the first command
// behind it is the one that fails. Either way one fatal error reaches the first failing command and all after it.
function assertOverlongPacketFailsOnce(ops) {
  const chain = [ops.main].concat(ops.queue);
  const first = chain.findIndex(function (op) { return op.errors.length > 0; });
  assert.ok(first !== -1, 'some command failed: ' + JSON.stringify(chain));
  for (const op of chain.slice(0, first)) assertSucceeds(op);
  const err = assertFails(chain[first], undefined, { fatal: true });
  for (const op of chain.slice(first + 1)) assertFails(op, err.code, { fatal: true });
  assertFails(ops.then, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', { fatal: false });
}

describe('fault: query against a server that misbehaves at each step of the reply', function () {
  this.timeout(10000);
  const h = useWorkers();

  for (const [where, query, fault] of STAGES) {
    for (const [action, codes] of ACTIONS) {
      for (const mode of MODES) {
        const run = h.case({ query, faults: [Object.assign({}, fault, action)] }, clientSpec(mode));
        it(mode + ': ' + label(action) + ' ' + where, async function () {
          const report = await run();
          assertInvariants(report);
          const ops = report.ops;
          if (mode === 'events' || mode === 'stream') {
            assertEventsFailed(ops.main, codes);
            return;
          }
          if (mode === 'callback' && action.delta > 0) {
            assertOverlongPacketFailsOnce(ops);
            return;
          }
          const err = assertFails(ops.main, codes, { fatal: true });
          if (mode !== 'callback') return;
          for (const queued of ops.queue) assertFails(queued, err.code, { fatal: true });
          assertFails(ops.then, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', { fatal: false });
          assert.notStrictEqual(report.state, 'authenticated');
        });
      }
    }
  }
});
