'use strict';

// Greetings and authentication exchanges no real server sends: an unknown
// protocol version, an error or odd first byte instead of the greeting, an
// auth switch to a plugin nobody has, malformed auth-more-data. connect()
// must fail once with a fatal coded Error (or succeed where the protocol
// allows it), and the connectTimeout must bound the whole handshake.

const assert = require('assert');
const { payloads } = require('../support/hostile-server');
const { useWorkers, assertInvariants, assertFails, assertSucceeds } = require('../fuzz/harness');

const TIMEOUT_MS = 300;

function hex(text) {
  return Buffer.from(text).toString('hex');
}

const AUTH_SWITCH = payloads.authSwitch('mysql_native_password').toString('hex');

function connectCase(h, plan, extra) {
  return h.case(plan, Object.assign({ op: 'connect', options: { connectTimeout: TIMEOUT_MS } }, extra));
}

const greeting = (payloadHex) => ({ faults: [{ stage: 'greeting', action: 'replace', hex: payloadHex }] });
const sha2 = (steps, options) => [
  { auth: 'switch', switchPlugin: 'caching_sha2_password', authSteps: steps },
  { op: 'connect', options: Object.assign({ connectTimeout: TIMEOUT_MS, password: 'secret' }, options) },
];

describe('fault: handshake anomalies', function () {
  this.timeout(10000);
  const h = useWorkers();

  const cases = {
    version9: connectCase(h, { greeting: { protocolVersion: 9 } }),
    version11: connectCase(h, { greeting: { protocolVersion: 11 } }),
    errGreeting: connectCase(h, greeting('ff1004' + '23' + hex('08004') + hex('Too many connections'))),
    zeroGreeting: connectCase(h, greeting('00')),
    feGreeting: connectCase(h, greeting('fe')),
    fbGreeting: connectCase(h, greeting('fb' + hex('/etc/passwd'))),
    emptyGreeting: connectCase(h, greeting('')),
    unknownPlugin: connectCase(h, { auth: 'switch', switchPlugin: 'hostile_plugin' }),
    unterminatedSwitch: connectCase(h, {
      auth: 'switch', faults: [{ stage: 'auth-switch', action: 'replace', hex: 'fe' + hex('mysql_native_password') }],
    }),
    emptySwitch: connectCase(h, { auth: 'switch', faults: [{ stage: 'auth-switch', action: 'replace', hex: 'fe00' }] }),
    sha2Unknown: h.case(...sha2(['05'])),
    sha2Empty: h.case(...sha2([''])),
    sha2Long: h.case(...sha2(['03' + 'ff'.repeat(40)])),
    sha2BadKey: h.case(...sha2(['04', hex('-----BEGIN PUBLIC KEY-----\ngarbage\n-----END PUBLIC KEY-----\n')],
      { allowPublicKeyRetrieval: true })),
    nativeMoreData: connectCase(h, { authSteps: ['ffffff'] }),
    accessDenied: connectCase(h, { auth: 'error' }),
    poolAccessDenied: h.case({ auth: 'error' }, { op: 'pool.getConnection' }),
    oldPassword: connectCase(h, { faults: [{ stage: 'auth-ok', action: 'replace', hex: 'fe' }] }),
    unknownGreetingPlugin: connectCase(h, { greeting: { pluginName: 'hostile_plugin' } }),
    drippedGreeting: connectCase(h, { drip: { delayMs: 100 } }),
    switchAfterBadGreeting: connectCase(h, {
      greeting: { protocolVersion: 9 }, faults: [{ stage: 'greeting', action: 'append', frames: [AUTH_SWITCH] }],
    }),
    moreDataAfterBadGreeting: connectCase(h, {
      greeting: { protocolVersion: 9 }, faults: [{ stage: 'greeting', action: 'append', frames: ['0100'] }],
    }),
    switchAfterNoTls: connectCase(h, { faults: [{ stage: 'greeting', action: 'append', frames: [AUTH_SWITCH] }] }, {
      options: { connectTimeout: TIMEOUT_MS, ssl: { rejectUnauthorized: false } },
    }),
  };

  it('rejects a greeting with protocol version 9 or 11 as HANDSHAKE_UNKNOWN_PROTOCOL_VERSION', async function () {
    for (const name of ['version9', 'version11']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, 'HANDSHAKE_UNKNOWN_PROTOCOL_VERSION', { fatal: true });
    }
  });

  it('reports an ERR packet in place of the greeting with its server code, fatal', async function () {
    const report = await cases.errGreeting();
    assertInvariants(report);
    const err = assertFails(report.ops.main, 'ER_CON_COUNT_ERROR', { fatal: true });
    assert.match(err.message, /Too many connections/);
  });

  it('fails on a greeting that is 0x00, 0xFE, 0xFB + a file name, or empty', async function () {
    for (const name of ['zeroGreeting', 'feGreeting', 'fbGreeting', 'emptyGreeting']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
      assert.deepStrictEqual(report.files, [], name + ' opened no file');
    }
  });

  it('ignores packets that follow a greeting the handshake already failed on', async function () {
    const expected = { switchAfterBadGreeting: 'HANDSHAKE_UNKNOWN_PROTOCOL_VERSION',
      moreDataAfterBadGreeting: 'HANDSHAKE_UNKNOWN_PROTOCOL_VERSION', switchAfterNoTls: 'HANDSHAKE_NO_SSL_SUPPORT' };
    for (const name of Object.keys(expected)) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, expected[name], { fatal: true });
    }
  });

  it('fails an auth switch to an unknown plugin with UNSUPPORTED_AUTH_METHOD', async function () {
    const report = await cases.unknownPlugin();
    assertInvariants(report);
    assertFails(report.ops.main, 'UNSUPPORTED_AUTH_METHOD', { fatal: true });
  });

  it('fails a malformed auth switch request (no NUL after the plugin name, or no name)', async function () {
    for (const name of ['unterminatedSwitch', 'emptySwitch']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
    }
  });

  it('fails caching_sha2_password on unknown, empty or oversized auth-more-data', async function () {
    for (const name of ['sha2Unknown', 'sha2Empty', 'sha2Long']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, undefined, { fatal: true });
    }
  });

  it('fails caching_sha2_password when the server sends a public key that is not one', async function () {
    const report = await cases.sha2BadKey();
    assertInvariants(report);
    assertFails(report.ops.main, undefined, { fatal: true });
  });

  it('survives auth-more-data sent to mysql_native_password', async function () {
    const report = await cases.nativeMoreData();
    assertInvariants(report);
    assert.strictEqual(report.ops.main.calls, 1);
  });

  it('reports access denied as ER_ACCESS_DENIED_ERROR, fatal, from connect() and pool.getConnection()', async function () {
    let report = await cases.accessDenied();
    assertInvariants(report);
    assertFails(report.ops.main, 'ER_ACCESS_DENIED_ERROR', { fatal: true });
    report = await cases.poolAccessDenied();
    assertInvariants(report);
    assertFails(report.ops.main, 'ER_ACCESS_DENIED_ERROR', { fatal: true });
  });

  it('refuses an old-password request without insecureAuth', async function () {
    const report = await cases.oldPassword();
    assertInvariants(report);
    assertFails(report.ops.main, 'HANDSHAKE_INSECURE_AUTH', { fatal: true });
  });

  it('falls back to mysql_native_password when the greeting names an unknown plugin', async function () {
    const report = await cases.unknownGreetingPlugin();
    assertInvariants(report);
    assertSucceeds(report.ops.main);
  });

  it('times out a greeting dripped a byte at a time after connectTimeout, not after the last byte', async function () {
    const report = await cases.drippedGreeting();
    assertInvariants(report);
    assertFails(report.ops.main, 'ETIMEDOUT', { fatal: true });
    assert.ok(report.elapsed < TIMEOUT_MS * 4, 'connect gave up after ' + report.elapsed + ' ms');
  });
});
