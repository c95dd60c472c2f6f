'use strict';

// The authPlugins option: { name: (context) => (data) => response }. Upstream mysqljs has no such option.
const assert = require('assert');
const common = require('../../support/common');
const fakeAuth = require('../../support/fake-auth');
const { nativePasswordToken } = require('../../support/auth');

// A two-step plugin on the server side: a switch with a seed, then one AuthMoreData round trip.
function challengeServer(server, onDone) {
  const responses = [];
  server.on('connection', function (conn) {
    conn.handshake({
      auth: function (packet, c) {
        if (packet.constructor.name === 'ClientAuthenticationPacket') {
          c.authSwitch('dialog_test', Buffer.from('seed'));
          return;
        }
        responses.push(packet.data.toString());
        if (responses.length === 1) fakeAuth.moreData(c, Buffer.from('question'));
        else onDone(responses, c);
      },
    });
  });
}

(common.isUpstream ? describe.skip : describe)('auth: the authPlugins option', function () {
  const fake = common.useFakeServer();

  it('runs a user plugin for each server packet, with the context and promises', function (done) {
    let context = null;
    challengeServer(fake.server, function (responses, c) {
      assert.deepStrictEqual(responses, ['answer to seed', 'answer to question']);
      c.ok();
    });
    const authPlugins = {
      dialog_test: function (ctx) {
        context = ctx;
        return (data) => Promise.resolve(Buffer.from('answer to ' + data.toString()));
      },
    };
    fake.createConnection({ user: 'u', password: 'p', database: 'd', authPlugins }).connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(context.pluginName, 'dialog_test');
      assert.strictEqual(context.user, 'u');
      assert.strictEqual(context.password, 'p');
      assert.strictEqual(context.database, 'd');
      assert.strictEqual(context.secure, false);
      done();
    });
  });

  it('takes precedence over a built-in plugin of the same name', function (done) {
    let initial = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', (packet) => { initial = packet; });
      conn.handshake();
    });
    const authPlugins = { mysql_native_password: () => () => Buffer.from('custom') };
    fake.createConnection({ password: 'p', authPlugins }).connect(function (err) {
      assert.ifError(err);
      assert.deepStrictEqual(Buffer.from(initial.scrambleBuff), Buffer.from('custom'));
      done();
    });
  });

  it('keeps the built-in plugins next to the user plugins', function (done) {
    let initial = null;
    let scramble = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', (packet) => { initial = packet; });
      conn.handshake();
      scramble = conn.scramble;
    });
    fake.createConnection({ password: 'p', authPlugins: { other: () => () => null } }).connect(function (err) {
      assert.ifError(err);
      assert.deepStrictEqual(Buffer.from(initial.scrambleBuff), nativePasswordToken('p', scramble));
      done();
    });
  });

  function failingPlugin(step, check) {
    return function (done) {
      challengeServer(fake.server, () => assert.fail('the plugin failed, nothing more is expected'));
      fake.createConnection({ authPlugins: { dialog_test: () => step } }).connect(function (err) {
        assert.strictEqual(err.fatal, true);
        check(err);
        done();
      });
    };
  }

  it('fails with HANDSHAKE_AUTH_PLUGIN_ERROR when a plugin throws', failingPlugin(() => {
    throw new Error('no token');
  }, function (err) {
    assert.strictEqual(err.code, 'HANDSHAKE_AUTH_PLUGIN_ERROR');
    assert.strictEqual(err.message, 'Authentication plugin dialog_test failed: no token');
  }));

  it('passes on an error with its own code as it is', failingPlugin(() => {
    throw Object.assign(new Error('token expired'), { code: 'TOKEN_EXPIRED' });
  }, function (err) {
    assert.strictEqual(err.code, 'TOKEN_EXPIRED');
    assert.strictEqual(err.message, 'token expired');
  }));

  it('fails with HANDSHAKE_AUTH_PLUGIN_ERROR when the promise rejects', failingPlugin(() => {
    return Promise.reject(new Error('vault unreachable'));
  }, function (err) {
    assert.strictEqual(err.code, 'HANDSHAKE_AUTH_PLUGIN_ERROR');
    assert.match(err.message, /vault unreachable/);
  }));

  it('fails with HANDSHAKE_AUTH_PLUGIN_ERROR when a plugin returns something other than bytes', failingPlugin(() => {
    return 'a string';
  }, function (err) {
    assert.strictEqual(err.code, 'HANDSHAKE_AUTH_PLUGIN_ERROR');
    assert.match(err.message, /not a Buffer/);
  }));

  it('fails with UNSUPPORTED_AUTH_METHOD for a plugin that is neither built in nor given', function (done) {
    challengeServer(fake.server, () => assert.fail('nothing is expected'));
    fake.createConnection({ authPlugins: { other: () => () => null } }).connect(function (err) {
      assert.strictEqual(err.code, 'UNSUPPORTED_AUTH_METHOD');
      assert.strictEqual(err.fatal, true);
      done();
    });
  });
});
