'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { oldPasswordToken } = require('../../support/auth');

const SCRAMBLE = Buffer.from('abcdefghijklmnopqrst');

// A pre-4.1 server account: after the normal handshake response the server
// sends the one-byte 0xfe "use old password" packet.
function oldPasswordServer(fake, onResponse) {
  fake.server.on('connection', function (conn) {
    conn.handshake({
      scramble: SCRAMBLE,
      auth: function (packet, c) {
        if (packet.constructor.name === 'ClientAuthenticationPacket') {
          c.useOldPassword();
        } else {
          onResponse(packet);
          c.ok();
        }
      },
    });
  });
}

describe('connection: old password fallback', function () {
  const fake = common.useFakeServer();

  it('answers with the pre-4.1 scramble of the password when insecureAuth is set', function (done) {
    let response = null;
    oldPasswordServer(fake, function (packet) { response = packet; });

    fake.createConnection({ password: 'secret', insecureAuth: true }).connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(response.constructor.name, 'OldPasswordPacket');
      assert.deepStrictEqual(Buffer.from(response.scrambleBuff), oldPasswordToken('secret', SCRAMBLE));
      done();
    });
  });

  it('fails with a fatal HANDSHAKE_INSECURE_AUTH without insecureAuth', function (done) {
    oldPasswordServer(fake, function () { done(new Error('the client must not answer')); });

    fake.createConnection({ password: 'secret' }).connect(function (err) {
      assert.strictEqual(err.code, 'HANDSHAKE_INSECURE_AUTH');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message,
        'MySQL server is requesting the old and insecure pre-4.1 auth mechanism. ' +
        'Upgrade the user password or use the {insecureAuth: true} option.');
      done();
    });
  });
});
