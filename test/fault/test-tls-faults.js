'use strict';

// With the ssl option the handshake switches to TLS after the greeting. A
// server that advertises TLS and then answers in plain text, hangs up, resets
// or goes quiet during the TLS negotiation, or one that slips a packet in
// before it, must fail connect() once with a fatal coded Error, within
// connectTimeout when it goes quiet.

const path = require('path');
const common = require('../support/common');
const { DEFAULT_CAPABILITIES } = require('../support/hostile-server');
const { useWorkers, assertInvariants, assertFails, assertSucceeds } = require('../fuzz/harness');

const Client = require(path.join(common.lib, 'protocol', 'constants', 'client'));

const TIMEOUT_MS = 200;
const WITH_TLS = { capabilities: DEFAULT_CAPABILITIES | Client.CLIENT_SSL };
const PRE_41 = DEFAULT_CAPABILITIES & ~(Client.CLIENT_PROTOCOL_41 | Client.CLIENT_PLUGIN_AUTH | Client.CLIENT_SECURE_CONNECTION);
const SSL = { ssl: { rejectUnauthorized: false }, connectTimeout: TIMEOUT_MS };
// An OK packet with the sequence id the client expects after its SSL request, sent before any TLS.
const PLAIN_OK = '07000002' + '00000002000000';

describe('fault: the TLS upgrade meets a server that does not do TLS', function () {
  this.timeout(10000);
  const h = useWorkers();
  const tls = (faults) => h.case({ greeting: WITH_TLS, faults }, { op: 'connect', options: SSL });
  const cases = {
    plain: tls([]),
    silent: tls([{ stage: 'auth-ok', action: 'silent' }]),
    close: tls([{ stage: 'auth-ok', action: 'close' }]),
    reset: tls([{ stage: 'auth-ok', action: 'reset' }]),
    injected: tls([{ stage: 'greeting', action: 'append', raw: PLAIN_OK }]),
    noTls: h.case({}, { op: 'connect', options: SSL }),
    pool: h.case({ greeting: WITH_TLS, faults: [{ stage: 'auth-ok', action: 'reset' }] }, { op: 'pool.getConnection', options: SSL }),
    pre41: h.case({ greeting: { capabilities: PRE_41 } }, { op: 'connect' }),
  };

  it('fails with HANDSHAKE_SSL_ERROR when the server answers the TLS hello in plain text', async function () {
    const report = await cases.plain();
    assertInvariants(report);
    assertFails(report.ops.main, 'HANDSHAKE_SSL_ERROR', { fatal: true });
  });

  it('times out with ETIMEDOUT when the server goes quiet during the TLS negotiation', async function () {
    const report = await cases.silent();
    assertInvariants(report);
    assertFails(report.ops.main, 'ETIMEDOUT', { fatal: true });
  });

  it('fails once when the server closes or resets during the TLS negotiation (also via the pool)', async function () {
    for (const name of ['close', 'reset', 'pool']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, ['HANDSHAKE_SSL_ERROR', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST'], { fatal: true });
    }
  });

  it('refuses a plain-text OK slipped in before the TLS upgrade', async function () {
    const report = await cases.injected();
    assertInvariants(report);
    assertFails(report.ops.main, 'HANDSHAKE_SSL_ERROR', { fatal: true });
  });

  it('fails with HANDSHAKE_NO_SSL_SUPPORT when the server does not offer TLS', async function () {
    const report = await cases.noTls();
    assertInvariants(report);
    assertFails(report.ops.main, 'HANDSHAKE_NO_SSL_SUPPORT', { fatal: true });
  });

  it('connects to a pre-4.1 server', async function () {
    const report = await cases.pre41();
    assertInvariants(report);
    assertSucceeds(report.ops.main);
  });
});
