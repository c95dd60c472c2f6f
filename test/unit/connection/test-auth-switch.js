'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { nativePasswordToken } = require('../../support/auth');

const SWITCH_SCRAMBLE = Buffer.from('0123456789abcdefghij');

describe('connection: auth switch request', function () {
  const fake = common.useFakeServer();

  it('answers a switch to mysql_native_password with the token for the new scramble', function (done) {
    let response = null;
    fake.server.on('connection', function (conn) {
      conn.handshake({
        auth: function (packet, c) {
          if (packet.constructor.name === 'ClientAuthenticationPacket') {
            c.authSwitch('mysql_native_password', Buffer.concat([SWITCH_SCRAMBLE, Buffer.from([0])]));
          } else {
            response = packet;
            c.ok();
          }
        },
      });
    });

    fake.createConnection({ password: 'pa55' }).connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(response.constructor.name, 'AuthSwitchResponsePacket');
      assert.deepStrictEqual(Buffer.from(response.data), nativePasswordToken('pa55', SWITCH_SCRAMBLE));
      done();
    });
  });

  it('fails with a fatal UNSUPPORTED_AUTH_METHOD for a plugin it does not know', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.authSwitch('fake_unknown_plugin', SWITCH_SCRAMBLE); } });
    });

    fake.createConnection({ password: 'pa55' }).connect(function (err) {
      assert.strictEqual(err.code, 'UNSUPPORTED_AUTH_METHOD');
      assert.strictEqual(err.fatal, true);
      assert.strictEqual(err.message,
        'MySQL is requesting the fake_unknown_plugin authentication method, which is not supported.');
      done();
    });
  });

  it('fails with the server error when the switched authentication is refused', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({
        auth: function (packet, c) {
          if (packet.constructor.name === 'ClientAuthenticationPacket') c.authSwitch('mysql_native_password');
          else c.error('Access denied', 1045, '28000');
        },
      });
    });

    fake.createConnection({ password: 'pa55' }).connect(function (err) {
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.fatal, true);
      done();
    });
  });
});
