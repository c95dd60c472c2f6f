'use strict';

// sha256_password against a fake server that really decrypts the password. Upstream mysqljs fails with
// UNSUPPORTED_AUTH_METHOD instead.
const assert = require('assert');
const common = require('../../support/common');
const fakeAuth = require('../../support/fake-auth');
const { createCerts } = require('../../support/certs');
const { useFakeSecureServer, TLS_CAPABILITIES } = require('../../support/fake-secure-server');

const PASSWORD = 'sha256 secret';

(common.isUpstream ? describe.skip : describe)('auth: sha256_password', function () {
  let keys;
  let certs;
  before(function () {
    keys = fakeAuth.rsaKeys();
    certs = createCerts();
  });
  after(function () {
    certs.remove();
  });

  function serve(server, password, handshake) {
    const seen = { account: null, packets: [] };
    server.on('connection', function (conn) {
      seen.account = fakeAuth.sha256({ password: password, keys: keys });
      conn.on('packet', (packet) => seen.packets.push(packet));
      conn.handshake(Object.assign({ auth: seen.account.auth }, handshake));
    });
    return seen;
  }

  describe('on plain TCP', function () {
    const fake = common.useFakeServer();

    it('requests the public key with allowPublicKeyRetrieval and sends the password RSA-encrypted', function (done) {
      const seen = serve(fake.server, PASSWORD);
      fake.createConnection({ password: PASSWORD, allowPublicKeyRetrieval: true }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.account.steps, ['switch', 'public key sent', 'rsa password accepted']);
        assert.deepStrictEqual(seen.packets[1].data, Buffer.from([0x01]));
        done();
      });
    });

    it('answers the greeting itself when sha256_password is the server default', function (done) {
      const seen = serve(fake.server, PASSWORD, { pluginName: 'sha256_password' });
      fake.createConnection({ password: PASSWORD, serverPublicKey: keys.publicKey }).connect(function (err) {
        assert.ifError(err);
        assert.strictEqual(seen.packets[0].pluginName, 'sha256_password');
        assert.strictEqual(seen.packets[0].scrambleBuff.length, 256);
        assert.deepStrictEqual(seen.account.steps, ['rsa password accepted']);
        done();
      });
    });

    it('fails with HANDSHAKE_PUBLIC_KEY_REQUIRED without a key or permission to ask for it', function (done) {
      const seen = serve(fake.server, PASSWORD);
      fake.createConnection({ password: PASSWORD }).connect(function (err) {
        assert.strictEqual(err.code, 'HANDSHAKE_PUBLIC_KEY_REQUIRED');
        assert.strictEqual(err.fatal, true);
        assert.strictEqual(seen.packets.length, 1, 'nothing was sent after the auth switch request');
        done();
      });
    });

    it('sends an empty password as a single zero byte', function (done) {
      const seen = serve(fake.server, '');
      fake.createConnection({}).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.packets[1].data, Buffer.from([0]));
        done();
      });
    });

    it('gets the server\'s access denied error for a wrong password', function (done) {
      serve(fake.server, PASSWORD);
      fake.createConnection({ password: 'wrong', serverPublicKey: keys.publicKey }).connect(function (err) {
        assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
        assert.strictEqual(err.fatal, true);
        done();
      });
    });
  });

  describe('over TLS', function () {
    const fake = useFakeSecureServer(() => ({ key: certs.serverKey, cert: certs.serverCert }));

    it('sends the password in the clear', function (done) {
      const seen = serve(fake.server, PASSWORD, { capabilities: TLS_CAPABILITIES });
      fake.createConnection({ host: 'localhost', password: PASSWORD, ssl: { ca: certs.ca } }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.account.steps, ['switch', 'cleartext password accepted']);
        done();
      });
    });
  });
});
