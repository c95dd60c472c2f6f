'use strict';

// Packets that frame correctly but carry what no server sends: length-coded
// integers up to 2^64 wherever the protocol has one, first bytes the protocol
// does not allow at that point, an ERR in the middle of rows, packets nobody
// asked for, garbage after an OK. Each must end in one callback: an error with
// a code where the data cannot be read, the documented value where it can.

const assert = require('assert');
const { payloads } = require('../support/hostile-server');
const { useWorkers, assertInvariants, assertFails, assertSucceeds } = require('../fuzz/harness');

const MAX64 = 'fe' + 'ff'.repeat(8); // 2^64 - 1 as a length-coded integer
const ABOVE53 = 'fe' + '0100000000002000'; // 2^53 + 1
const TIMEOUT_MS = 150;

function hex(value) {
  return Buffer.isBuffer(value) ? value.toString('hex') : Buffer.from(value).toString('hex');
}

const okWith = (affected, insertId) => '00' + affected + insertId + '0200' + '0000';
const replace = (stage, payloadHex, extra) => ({ faults: [Object.assign({ stage, action: 'replace', hex: payloadHex }, extra)] });
const query = (plan, client) => [Object.assign({ query: 'rows' }, plan), Object.assign({
  op: 'query', connectFirst: true, sql: 'SELECT id, name FROM t', opOptions: { timeout: TIMEOUT_MS },
}, client)];
// A column definition whose name length is `nameLength` (hex of a length-coded integer).
const columnWithNameLength = (nameLength) => '03' + hex('def') + '00' + '00' + '00' + nameLength + hex('id');

describe('fault: length-coded integers up to 2^64', function () {
  this.timeout(10000);
  const h = useWorkers();
  const bigNumbers = { options: { supportBigNumbers: true } };
  const cases = {
    columnCount: h.case(...query(replace('column-count', MAX64))),
    columnCountBig: h.case(...query(replace('column-count', MAX64), bigNumbers)),
    catalogLength: h.case(...query(replace('column', MAX64 + hex('def')))),
    nameLength: h.case(...query(replace('column', columnWithNameLength(MAX64)))),
    nameLengthBig: h.case(...query(replace('column', columnWithNameLength(MAX64)), bigNumbers)),
    rowValue: h.case(...query(replace('row', MAX64 + hex('x')))),
    rowValueBig: h.case(...query(replace('row', ABOVE53 + hex('x')), bigNumbers)),
    affectedRows: h.case(...query(Object.assign({ query: 'ok' }, replace('query-ok', okWith(MAX64, '00'))))),
    insertId: h.case(...query(Object.assign({ query: 'ok' }, replace('query-ok', okWith('01', MAX64))))),
    insertIdBig: h.case(...query(Object.assign({ query: 'ok' }, replace('query-ok', okWith('01', MAX64))), bigNumbers)),
    affectedRowsBig: h.case(...query(Object.assign({ query: 'ok' }, replace('query-ok', okWith(ABOVE53, '00'))), bigNumbers)),
    cutShort: h.case(...query(replace('row', 'fd0100'))),
  };

  it('fails a column count of 2^64 - 1, with and without supportBigNumbers', async function () {
    for (const name of ['columnCount', 'columnCountBig']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
    }
  });

  it('fails a column definition whose catalog or name claims 2^64 - 1 bytes', async function () {
    for (const name of ['catalogLength', 'nameLength', 'nameLengthBig']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
      assert.match(report.ops.main.errors[0].code, /^PARSER_/, name);
    }
  });

  it('fails a row value that claims 2^64 - 1 (or 2^53 + 1) bytes', async function () {
    for (const name of ['rowValue', 'rowValueBig']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
      assert.match(report.ops.main.errors[0].code, /^PARSER_/, name);
    }
  });

  it('fails a row value whose 3-byte length is cut off by the end of the packet', async function () {
    const report = await cases.cutShort();
    assertInvariants(report);
    assertFails(report.ops.main, 'PARSER_READ_PAST_END', { fatal: true });
  });

  it('reports affected rows or insert id of 2^64 - 1 as PARSER_JS_PRECISION_RANGE_EXCEEDED', async function () {
    for (const name of ['affectedRows', 'insertId']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, 'PARSER_JS_PRECISION_RANGE_EXCEEDED', { fatal: true });
    }
  });

  it('passes affected rows and insert id beyond 2^53 as exact strings with supportBigNumbers', async function () {
    let report = await cases.insertIdBig();
    assertInvariants(report);
    assert.strictEqual(assertSucceeds(report.ops.main).result.insertId, '18446744073709551615');
    report = await cases.affectedRowsBig();
    assertInvariants(report);
    assert.strictEqual(assertSucceeds(report.ops.main).result.affectedRows, '9007199254740993');
  });
});

describe('fault: a malformed row followed by valid ones', function () {
  this.timeout(10000);
  const h = useWorkers();
  const badFirstRow = (mode) => h.case(...query(replace('row', 'ff'), { mode, queue: ['ping'] }));
  const cases = { callback: badFirstRow('callback'), events: badFirstRow('events'), stream: badFirstRow('stream') };

  it('fails the query once with a PARSER_ error that also reaches the queued ping', async function () {
    const report = await cases.callback();
    assertInvariants(report);
    const err = assertFails(report.ops.main, undefined, { fatal: true });
    assert.match(err.code, /^PARSER_/);
    assertFails(report.ops.queue[0], err.code, { fatal: true });
  });

  it("emits nothing after 'error' and 'end' (events and stream())", async function () {
    for (const mode of ['events', 'stream']) {
      const report = await cases[mode]();
      assertInvariants(report);
      assert.deepStrictEqual(report.ops.main.events.order.slice(-2), ['error', 'end'], mode);
    }
  });
});

describe('fault: first bytes the protocol does not allow there', function () {
  this.timeout(10000);
  const h = useWorkers();
  const ping = (payloadHex) => h.case(replace('ping-ok', payloadHex), {
    op: 'ping', connectFirst: true, opOptions: { timeout: TIMEOUT_MS }, queue: ['query'],
  });
  const cases = {
    pingFb: ping('fb' + hex('/etc/passwd')),
    pingFe: ping('fe00000200'),
    ping01: ping('01' + hex('data')),
    pingEmpty: ping(''),
    authFb: h.case(replace('auth-ok', 'fb' + hex('/etc/passwd')), { op: 'connect', options: { connectTimeout: TIMEOUT_MS } }),
    auth02: h.case(replace('auth-ok', '02'), { op: 'connect', options: { connectTimeout: TIMEOUT_MS } }),
    columnFf: h.case(...query(replace('column', 'ff' + hex('def')))),
    columnFe: h.case(...query(replace('column', 'fe00000200'))),
    columnFb: h.case(...query(replace('column', 'fb' + payloads.column('id').subarray(4).toString('hex')))),
    columnCountFe: h.case(...query(replace('column-count', 'fe00000200'))),
    rowInsteadOfEof: h.case(...query(replace('columns-eof', payloads.row([1, 'a']).toString('hex')))),
    statisticsOk: h.case(replace('statistics', '00000002000000'), { op: 'statistics', connectFirst: true }),
    statisticsEmpty: h.case(replace('statistics', ''), {
      op: 'statistics', connectFirst: true, opOptions: { timeout: TIMEOUT_MS },
    }),
  };

  it('fails a ping answered with 0xFB, 0xFE, 0x01 or an empty packet, and fails the query queued behind', async function () {
    for (const name of ['pingFb', 'pingFe', 'ping01', 'pingEmpty']) {
      const report = await cases[name]();
      assertInvariants(report);
      const err = assertFails(report.ops.main, undefined, { fatal: true });
      assertFails(report.ops.queue[0], err.code, { fatal: true });
      assert.deepStrictEqual(report.files, [], name + ' opened no file');
    }
  });

  it('fails authentication answered with 0xFB or 0x02', async function () {
    for (const name of ['authFb', 'auth02']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
    }
  });

  it('fails a column definition starting with 0xFF or 0xFE, or a column count of 0xFE', async function () {
    for (const name of ['columnFf', 'columnFe', 'columnCountFe']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
    }
  });

  it('calls back once for a NULL catalog (0xFB) or a row where the EOF after the columns belongs', async function () {
    for (const name of ['columnFb', 'rowInsteadOfEof']) {
      const report = await cases[name]();
      assertInvariants(report);
      assert.strictEqual(report.ops.main.calls, 1, name);
    }
  });

  it('calls back once when statistics() is answered with an OK or an empty packet', async function () {
    for (const name of ['statisticsOk', 'statisticsEmpty']) {
      const report = await cases[name]();
      assertInvariants(report);
      assert.strictEqual(report.ops.main.calls, 1, name);
    }
  });
});

describe('fault: an ERR packet in the middle of rows', function () {
  this.timeout(10000);
  const h = useWorkers();
  const err = payloads.error(1317, 'Query execution was interrupted').toString('hex');
  const midRows = (mode) => h.case(...query(replace('row', err, { nth: 1, rest: 'drop' }), { mode, then: 'query' }));
  const cases = { callback: midRows('callback'), events: midRows('events'), stream: midRows('stream') };

  it('passes the server error to the callback, not fatal, and the connection stays usable', async function () {
    const report = await cases.callback();
    assertInvariants(report);
    assertFails(report.ops.main, 'ER_QUERY_INTERRUPTED');
    assert.notStrictEqual(report.ops.main.errors[0].fatal, true);
    assertSucceeds(report.ops.then);
    assert.strictEqual(report.ops.then.result.length, 3);
  });

  it("emits the rows before it, then 'error', then 'end' (events and stream())", async function () {
    for (const mode of ['events', 'stream']) {
      const report = await cases[mode]();
      assertInvariants(report);
      const main = report.ops.main;
      assertFails(main, 'ER_QUERY_INTERRUPTED');
      assert.strictEqual(main.events.result, 1, mode + ': the row before the error');
      assert.deepStrictEqual(main.events.order.slice(-2), ['error', 'end'], mode);
      assertSucceeds(report.ops.then);
    }
  });
});

describe('fault: packets nobody asked for, and garbage after an OK', function () {
  this.timeout(10000);
  const h = useWorkers();
  const ok = payloads.ok().toString('hex');
  const cases = {
    idle: h.case({ faults: [{ stage: 'auth-ok', action: 'after', delay: 20, frames: [ok] }] }, {
      op: 'ping', connectFirst: true, pauseMs: 60,
    }),
    afterResult: h.case(...query({ faults: [{ stage: 'rows-eof', action: 'append', frames: [ok] }] }, { pauseMs: 0 })),
    afterResultQueued: h.case(...query({ faults: [{ stage: 'rows-eof', action: 'append', frames: [ok] }] }, { queue: ['ping'] })),
    insideOk: h.case(...query({ query: 'ok' }, {})),
    trailingInOk: h.case(...query(Object.assign({ query: 'ok' }, replace('query-ok', ok + hex('garbage'))))),
    bytesAfterOk: h.case(...query({ query: 'ok', faults: [{ stage: 'query-ok', action: 'append', raw: 'deadbeef' }] })),
    packetAfterOk: h.case(...query({ query: 'ok', faults: [{ stage: 'query-ok', action: 'append', raw: '0400000a' + 'c0ffee00' }] })),
  };

  it('turns a packet that arrives while idle into one fatal coded error event, and refuses later commands', async function () {
    const report = await cases.idle();
    assertInvariants(report);
    assert.strictEqual(report.connectionErrors.length, 1, JSON.stringify(report.connectionErrors));
    assert.strictEqual(report.connectionErrors[0].fatal, true);
    assertFails(report.ops.main, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', { fatal: false });
  });

  it('completes the query when an extra packet follows its result, then reports the stray packet', async function () {
    const report = await cases.afterResult();
    assertInvariants(report);
    assert.strictEqual(assertSucceeds(report.ops.main).result.length, 3);
    assert.strictEqual(report.connectionErrors.length, 1, JSON.stringify(report.connectionErrors));
  });

  it('fails the command queued behind a result when an extra packet follows the result', async function () {
    const report = await cases.afterResultQueued();
    assertInvariants(report);
    assertSucceeds(report.ops.main);
    assertFails(report.ops.queue[0], undefined, { fatal: true });
  });

  it('keeps bytes after the OK fields inside the packet as its message', async function () {
    const report = await cases.trailingInOk();
    assertInvariants(report);
    assert.strictEqual(assertSucceeds(report.ops.main).result.message, 'garbage');
  });

  it('completes the query and ends cleanly when garbage bytes follow the OK packet', async function () {
    for (const name of ['insideOk', 'bytesAfterOk', 'packetAfterOk']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertSucceeds(report.ops.main);
      assert.strictEqual(report.ops.end.calls, 1, name + ': end() called back');
    }
  });
});
