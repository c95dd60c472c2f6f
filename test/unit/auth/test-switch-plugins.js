'use strict';

// The one-step plugins a server can switch to: mysql_clear_password, mysql_old_password and MariaDB's
// client_ed25519 (the fake server verifies the signature with Node's Ed25519 and the key MariaDB stores for the
// password). Upstream mysqljs answers none of them: UNSUPPORTED_AUTH_METHOD.
const assert = require('assert');
const common = require('../../support/common');
const fakeAuth = require('../../support/fake-auth');
const { oldPasswordToken } = require('../../support/auth');
const { createCerts } = require('../../support/certs');
const { useFakeSecureServer, TLS_CAPABILITIES } = require('../../support/fake-secure-server');

// What MariaDB 10.11 stores for IDENTIFIED VIA ed25519 USING PASSWORD('foo').
const ED25519_FOO = 'vubFBzIrapbfHct1/J72dnUryz5VS7lA6XHH8sIx4TI';

function switchTo(server, pluginName, data, onResponse) {
  const packets = [];
  server.on('connection', function (conn) {
    conn.on('packet', (packet) => packets.push(packet));
    conn.handshake({
      auth: function (packet, c) {
        if (packet.constructor.name === 'ClientAuthenticationPacket') c.authSwitch(pluginName, data);
        else onResponse(packet, c);
      },
    });
  });
  return packets;
}

(common.isUpstream ? describe.skip : describe)('auth: plugins a server switches to', function () {
  describe('on plain TCP', function () {
    const fake = common.useFakeServer();

    it('client_ed25519: signs the nonce so that the stored public key verifies it', function (done) {
      let account;
      fake.server.on('connection', function (conn) {
        account = fakeAuth.ed25519({ publicKey: ED25519_FOO });
        conn.handshake({ auth: account.auth });
      });
      fake.createConnection({ password: 'foo' }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(account.steps, ['switch', 'signature verified']);
        done();
      });
    });

    it('client_ed25519: a wrong password gets the server\'s access denied error', function (done) {
      fake.server.on('connection', function (conn) {
        conn.handshake({ auth: fakeAuth.ed25519({ publicKey: ED25519_FOO }).auth });
      });
      fake.createConnection({ password: 'bar' }).connect(function (err) {
        assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
        done();
      });
    });

    it('client_ed25519: fails with HANDSHAKE_AUTH_PLUGIN_ERROR on a nonce shorter than 32 bytes', function (done) {
      switchTo(fake.server, 'client_ed25519', Buffer.alloc(20, 0x41), () => assert.fail('no answer expected'));
      fake.createConnection({ password: 'foo' }).connect(function (err) {
        assert.strictEqual(err.code, 'HANDSHAKE_AUTH_PLUGIN_ERROR');
        assert.strictEqual(err.fatal, true);
        done();
      });
    });

    it('mysql_clear_password: refuses with HANDSHAKE_CLEARTEXT_DISABLED and sends nothing', function (done) {
      const packets = switchTo(fake.server, 'mysql_clear_password', undefined, () => assert.fail('password sent'));
      fake.createConnection({ password: 'open sesame' }).connect(function (err) {
        assert.strictEqual(err.code, 'HANDSHAKE_CLEARTEXT_DISABLED');
        assert.strictEqual(err.fatal, true);
        assert.strictEqual(packets.length, 1);
        done();
      });
    });

    it('mysql_clear_password: sends the zero-terminated password with enableCleartextPlugin', function (done) {
      let account;
      fake.server.on('connection', function (conn) {
        account = fakeAuth.clearPassword({ password: 'open sesame' });
        conn.handshake({ auth: account.auth });
      });
      fake.createConnection({ password: 'open sesame', enableCleartextPlugin: true }).connect(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(account.steps, ['switch', 'cleartext ' + Buffer.from('open sesame\0').toString('hex')]);
        done();
      });
    });

    it('mysql_old_password: refuses with HANDSHAKE_INSECURE_AUTH without insecureAuth', function (done) {
      switchTo(fake.server, 'mysql_old_password', Buffer.from('abcdefgh\0'), () => assert.fail('no answer expected'));
      fake.createConnection({ password: 'secret' }).connect(function (err) {
        assert.strictEqual(err.code, 'HANDSHAKE_INSECURE_AUTH');
        assert.strictEqual(err.fatal, true);
        done();
      });
    });

    it('mysql_old_password: answers the 8-byte scramble and a zero byte with insecureAuth', function (done) {
      let response = null;
      switchTo(fake.server, 'mysql_old_password', Buffer.from('abcdefgh\0'), function (packet, c) {
        response = packet.data;
        c.ok();
      });
      fake.createConnection({ password: 'secret', insecureAuth: true }).connect(function (err) {
        assert.ifError(err);
        const expected = Buffer.concat([oldPasswordToken('secret', Buffer.from('abcdefgh')), Buffer.alloc(1)]);
        assert.deepStrictEqual(response, expected);
        done();
      });
    });

    it('fails with UNSUPPORTED_AUTH_METHOD for a name that is only an Object.prototype property', function (done) {
      switchTo(fake.server, 'constructor', undefined, () => assert.fail('no answer expected'));
      fake.createConnection({ password: 'x' }).connect(function (err) {
        assert.strictEqual(err.code, 'UNSUPPORTED_AUTH_METHOD');
        done();
      });
    });
  });

  describe('over TLS', function () {
    let certs;
    before(function () {
      certs = createCerts();
    });
    after(function () {
      certs.remove();
    });
    const fake = useFakeSecureServer(() => ({ key: certs.serverKey, cert: certs.serverCert }));

    it('mysql_clear_password: sends the password without enableCleartextPlugin', function (done) {
      let account;
      fake.server.on('connection', function (conn) {
        account = fakeAuth.clearPassword({ password: 'open sesame' });
        conn.handshake({ capabilities: TLS_CAPABILITIES, auth: account.auth });
      });
      fake.createConnection({ host: 'localhost', password: 'open sesame', ssl: { ca: certs.ca } })
        .connect(function (err) {
          assert.ifError(err);
          assert.strictEqual(account.steps[0], 'switch');
          done();
        });
    });
  });
});
