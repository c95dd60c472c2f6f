'use strict';

// caching_sha2_password (MySQL 8's default) against a fake server that really checks the scramble and decrypts
// the RSA-encrypted password. Upstream mysqljs does not support it: it fails with UNSUPPORTED_AUTH_METHOD.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const common = require('../../support/common');
const fakeAuth = require('../../support/fake-auth');
const { createCerts } = require('../../support/certs');
const { createFakeSecureServer, useFakeSecureServer, TLS_CAPABILITIES } = require('../../support/fake-secure-server');

const PASSWORD = 'sha2 pässword';
const PLUGIN = 'caching_sha2_password';

(common.isUpstream ? describe.skip : describe)('auth: caching_sha2_password', function () {
  let keys;
  let certs;
  before(function () {
    keys = fakeAuth.rsaKeys();
    certs = createCerts();
  });
  after(function () {
    certs.remove();
  });

  // Serves every connection with a fresh account; returns what each attempt recorded.
  function serve(server, options, handshake) {
    const accounts = [];
    const packets = [];
    server.on('connection', function (conn) {
      const account = fakeAuth.cachingSha2(Object.assign({ password: PASSWORD, keys: keys }, options));
      accounts.push(account);
      conn.on('packet', (packet) => packets.push(packet));
      conn.handshake(Object.assign({ pluginName: PLUGIN, auth: account.auth }, handshake));
    });
    return { steps: () => accounts[0].steps, packets: packets };
  }

  describe('on plain TCP', function () {
    const fake = common.useFakeServer();

    it('authenticates on the fast path with the scramble, naming the plugin in the response', function (done) {
      const seen = serve(fake.server, { cached: true });
      fake.createConnection({ password: PASSWORD }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.steps(), ['fast auth']);
        assert.strictEqual(seen.packets[0].pluginName, PLUGIN);
        assert.strictEqual(seen.packets[0].scrambleBuff.length, 32);
        done();
      });
    });

    it('answers an auth switch from a mysql_native_password greeting', function (done) {
      const seen = serve(fake.server, { cached: true }, { pluginName: 'mysql_native_password' });
      fake.createConnection({ password: PASSWORD }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.steps(), ['switch', 'fast auth']);
        done();
      });
    });

    it('fails with HANDSHAKE_PUBLIC_KEY_REQUIRED, without sending the password, when full authentication is needed',
      function (done) {
        const seen = serve(fake.server, { cached: false });
        fake.createConnection({ password: PASSWORD }).connect(function (err) {
          assert.strictEqual(err.code, 'HANDSHAKE_PUBLIC_KEY_REQUIRED');
          assert.strictEqual(err.fatal, true);
          assert.match(err.message, /allowPublicKeyRetrieval/);
          assert.deepStrictEqual(seen.steps(), ['full auth requested']);
          assert.strictEqual(seen.packets.length, 1, 'only the handshake response reached the server');
          done();
        });
      });

    it('requests the public key with allowPublicKeyRetrieval and sends the password RSA-encrypted', function (done) {
      const seen = serve(fake.server, { cached: false });
      fake.createConnection({ password: PASSWORD, allowPublicKeyRetrieval: true }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.steps(), ['full auth requested', 'public key sent', 'rsa password accepted']);
        assert.deepStrictEqual(seen.packets[1].data, Buffer.from([0x02]));
        done();
      });
    });

    it('encrypts with a configured serverPublicKey without asking for the key', function (done) {
      const seen = serve(fake.server, { cached: false });
      fake.createConnection({ password: PASSWORD, serverPublicKey: keys.publicKey }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.steps(), ['full auth requested', 'rsa password accepted']);
        done();
      });
    });

    it('gets the server\'s access denied error for a wrong password', function (done) {
      const seen = serve(fake.server, { cached: true });
      fake.createConnection({ password: 'wrong', allowPublicKeyRetrieval: true }).connect(function (err) {
        assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
        assert.strictEqual(err.fatal, true);
        assert.deepStrictEqual(seen.steps(), ['full auth requested', 'public key sent', 'rsa password refused']);
        done();
      });
    });

    it('fails with HANDSHAKE_AUTH_PLUGIN_ERROR when the server sends a public key that is not one', function (done) {
      fake.server.on('connection', function (conn) {
        const account = fakeAuth.cachingSha2({ password: PASSWORD, keys: { publicKey: 'garbage' } });
        conn.handshake({ pluginName: PLUGIN, auth: account.auth });
      });
      fake.createConnection({ password: PASSWORD, allowPublicKeyRetrieval: true }).connect(function (err) {
        assert.strictEqual(err.code, 'HANDSHAKE_AUTH_PLUGIN_ERROR');
        assert.strictEqual(err.fatal, true);
        done();
      });
    });

    it('authenticates changeUser the same way', function (done) {
      const seen = serve(fake.server, { cached: false });
      const connection = fake.createConnection({ password: PASSWORD, allowPublicKeyRetrieval: true });
      connection.changeUser({ user: 'other' }, function (err) {
        assert.ifError(err);
        const changeUser = seen.packets.find((packet) => packet.constructor.name === 'ComChangeUserPacket');
        assert.strictEqual(changeUser.pluginName, PLUGIN);
        assert.strictEqual(changeUser.user, 'other');
        const attempt = ['full auth requested', 'public key sent', 'rsa password accepted'];
        assert.deepStrictEqual(seen.steps(), attempt.concat(attempt));
        done();
      });
    });
  });

  describe('over TLS', function () {
    const fake = useFakeSecureServer(() => ({ key: certs.serverKey, cert: certs.serverCert }));

    it('sends the password in the clear for full authentication', function (done) {
      const seen = serve(fake.server, { cached: false }, { capabilities: TLS_CAPABILITIES });
      fake.createConnection({ host: 'localhost', password: PASSWORD, ssl: { ca: certs.ca } }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.steps(), ['full auth requested', 'cleartext password accepted']);
        done();
      });
    });

    it('treats changeUser on the TLS connection as secure too', function (done) {
      const seen = serve(fake.server, { cached: false }, { capabilities: TLS_CAPABILITIES });
      const connection = fake.createConnection({ host: 'localhost', password: PASSWORD, ssl: { ca: certs.ca } });
      connection.changeUser({ user: 'other' }, function (err) {
        assert.ifError(err);
        const attempt = ['full auth requested', 'cleartext password accepted'];
        assert.deepStrictEqual(seen.steps(), attempt.concat(attempt));
        done();
      });
    });
  });

  describe('over a Unix socket', function () {
    let dir;
    let server;
    let connection;
    beforeEach(function (done) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-ts-sock-'));
      server = createFakeSecureServer(null);
      server.listen(path.join(dir, 'fake.sock'), done);
    });
    afterEach(function (done) {
      if (connection) connection.destroy();
      server.destroy(function () {
        fs.rmSync(dir, { recursive: true, force: true });
        done();
      });
    });

    it('sends the password in the clear for full authentication', function (done) {
      const seen = serve(server, { cached: false });
      connection = common.mysql.createConnection({ socketPath: path.join(dir, 'fake.sock'), user: 'root',
        password: PASSWORD });
      connection.connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.steps(), ['full auth requested', 'cleartext password accepted']);
        done();
      });
    });
  });
});
