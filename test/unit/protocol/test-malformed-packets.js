'use strict';

// Bytes no server should send. Each case runs in a child process
// (support/malformed-reply.js), so a crash shows up as a failed test instead
// of taking mocha down; the client must report an Error with a PARSER_ or
// PROTOCOL_ code to the callback, exactly once.

const assert = require('assert');
const childProcess = require('child_process');
const path = require('path');
const common = require('../../support/common');

const SCRIPT = path.join(__dirname, '../../support/malformed-reply.js');

function hex(text) {
  return Buffer.from(text).toString('hex');
}

// Column definition (protocol 4.1) for a VAR_STRING column; marker is the
// length of the fixed-size block, always 0x0c in a well-formed packet.
function field(name, marker) {
  return '03' + hex('def') + '00' + '00' + '00' +
    '01' + hex(name) + '01' + hex(name) +
    (marker || '0c') + '2100' + 'ff000000' + 'fd' + '0000' + '00' + '0000';
}

const EOF = 'fe' + '0000' + '0200';

function run(spec) {
  const result = childProcess.spawnSync(process.execPath, [SCRIPT, JSON.stringify(spec)], {
    env: process.env,
    encoding: 'utf8',
    timeout: 10000,
  });
  const lines = result.stdout.trim().split('\n');
  const report = JSON.parse(lines[lines.length - 1] || '{}');
  assert.ok(!report.uncaught, 'uncaught exception in the client: ' + report.uncaught);
  assert.ok(!report.timeout, 'the callback was never called');
  assert.strictEqual(result.status, 0, result.stderr);
  assert.strictEqual(report.callbackCalls, 1, 'the callback was called once');
  return report;
}

function assertProtocolError(report) {
  const err = report.callbackError;
  assert.ok(err && err.isError, 'the callback got an Error');
  assert.match(String(err.code), /^(PARSER|PROTOCOL)_/);
  return err;
}

describe('protocol: malformed and truncated packets', function () {
  this.timeout(15000);

  it('reports a handshake packet cut short inside the server version', function () {
    const report = run({ stage: 'handshake', frames: [['0a' + hex('5.7.30'), 0]] });
    assertProtocolError(report);
  });

  it('reports a column definition with a bad fixed-length marker', function () {
    const report = run({ stage: 'query', frames: [['01', 1], [field('n', '0b'), 2]] });
    assertProtocolError(report);
  });

  it('reports a row with an invalid length-encoded integer byte', function () {
    const report = run({
      stage: 'query',
      frames: [['02', 1], [field('a'), 2], [field('b'), 3], [EOF, 4], ['01' + hex('x') + 'ff', 5], [EOF, 6]],
    });
    assertProtocolError(report);
  });

  it('reports a stream that ends inside a packet as PROTOCOL_CONNECTION_LOST', function () {
    const report = run({ stage: 'query', frames: [['01', 1], [field('n').slice(0, 10), 2, 40]], close: true });
    const err = assertProtocolError(report);
    assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_LOST');
    assert.strictEqual(err.fatal, true);
  });

  it('reports an affected-rows count beyond 2^53 as PARSER_JS_PRECISION_RANGE_EXCEEDED', function () {
    const report = run({ stage: 'query', frames: [['00' + 'fe' + '0000000000000010' + '00' + '0200' + '0000', 1]] });
    const err = assertProtocolError(report);
    assert.strictEqual(err.code, 'PARSER_JS_PRECISION_RANGE_EXCEEDED');
  });

  // Upstream lacks this: mysqljs throws "Could not determine packet" from its
  // socket handler, an uncaught exception that ends the process.
  common.itOwn('reports a packet whose first byte fits no packet type instead of crashing', function () {
    const report = run({ stage: 'ping', frames: [['05' + hex('junk'), 1]] });
    assertProtocolError(report);
  });

  // Upstream lacks this: mysqljs reads past the end of the packet and returns
  // whatever bytes follow as the value.
  common.itOwn('reports a row value whose length runs past the end of the packet', function () {
    const report = run({
      stage: 'query',
      frames: [['01', 1], [field('a'), 2], [EOF, 3], ['20' + hex('short'), 4], [EOF, 5]],
    });
    assertProtocolError(report);
  });
});
