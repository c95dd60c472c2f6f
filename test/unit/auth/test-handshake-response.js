'use strict';

// What the handshake response and COM_CHANGE_USER carry beyond mysqljs's bytes: the auth plugin name and the
// connection attributes, each only when the server supports it too. Upstream mysqljs sends neither.
const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { DEFAULT_CAPABILITIES } = require('../../support/fake-server');

(common.isUpstream ? describe.skip : describe)('auth: plugin name and connection attributes', function () {
  const fake = common.useFakeServer();
  let Client;
  before(function () {
    Client = require(path.join(common.lib, 'protocol', 'constants', 'client'));
  });

  function handshakeResponse(capabilities, options, callback) {
    let response = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', (packet) => { response = packet; });
      conn.handshake({ capabilities: capabilities() });
    });
    const connection = fake.createConnection(options);
    connection.connect(function (err) {
      assert.ifError(err);
      callback(response, connection);
    });
  }

  const withAttributes = () => DEFAULT_CAPABILITIES | Client.CLIENT_CONNECT_ATTRS;

  it('sends _client_name, _client_version, _os, _platform, _pid and the connectAttributes option', function (done) {
    const options = { connectAttributes: { program_name: 'billing', _client_name: 'billing-app' } };
    handshakeResponse(withAttributes, options, function (response) {
      const version = require(path.join(common.lib, '..', 'package.json')).version;
      assert.ok(response.clientFlags & Client.CLIENT_CONNECT_ATTRS);
      assert.deepStrictEqual(response.connectAttributes, {
        _client_name: 'billing-app',
        _client_version: version,
        _os: require('os').type(),
        _platform: process.arch,
        _pid: String(process.pid),
        program_name: 'billing',
      });
      done();
    });
  });

  it('sends no attributes to a server without CLIENT_CONNECT_ATTRS', function (done) {
    handshakeResponse(() => DEFAULT_CAPABILITIES, { connectAttributes: { a: 'b' } }, function (response) {
      assert.strictEqual(response.clientFlags & Client.CLIENT_CONNECT_ATTRS, 0);
      assert.strictEqual(response.connectAttributes, undefined);
      done();
    });
  });

  it('sends no attributes with flags: "-CONNECT_ATTRS"', function (done) {
    handshakeResponse(withAttributes, { flags: '-CONNECT_ATTRS' }, function (response) {
      assert.strictEqual(response.connectAttributes, undefined);
      done();
    });
  });

  it('names the plugin of its first response', function (done) {
    handshakeResponse(() => DEFAULT_CAPABILITIES, {}, function (response) {
      assert.ok(response.clientFlags & Client.CLIENT_PLUGIN_AUTH);
      assert.strictEqual(response.pluginName, 'mysql_native_password');
      done();
    });
  });

  it('answers for mysql_native_password when the greeting names a plugin it does not know', function (done) {
    let response = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', (packet) => { response = packet; });
      conn.handshake({ pluginName: 'auth_gssapi_client' });
    });
    fake.createConnection({ password: 'p' }).connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(response.pluginName, 'mysql_native_password');
      assert.strictEqual(response.scrambleBuff.length, 20);
      done();
    });
  });

  it('sends mysqljs\'s response, without plugin name, to a server without CLIENT_PLUGIN_AUTH', function (done) {
    const oldServer = () => DEFAULT_CAPABILITIES & ~Client.CLIENT_PLUGIN_AUTH;
    handshakeResponse(oldServer, {}, function (response) {
      const pluginFlags = Client.CLIENT_PLUGIN_AUTH | Client.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;
      assert.strictEqual(response.clientFlags & pluginFlags, 0);
      assert.strictEqual(response.pluginName, undefined);
      done();
    });
  });

  it('sends no plugin name with flags: "-PLUGIN_AUTH"', function (done) {
    handshakeResponse(() => DEFAULT_CAPABILITIES, { flags: '-PLUGIN_AUTH' }, function (response) {
      assert.strictEqual(response.clientFlags & Client.CLIENT_PLUGIN_AUTH, 0);
      assert.strictEqual(response.pluginName, undefined);
      done();
    });
  });

  it('sends the plugin name and attributes with COM_CHANGE_USER too', function (done) {
    let changeUser = null;
    fake.server.on('connection', function (conn) {
      conn.on('changeUser', (packet) => {
        changeUser = packet;
        conn.ok();
      });
      conn.handshake({ capabilities: withAttributes() });
    });
    const connection = fake.createConnection({ connectAttributes: { app: 'x' } });
    connection.changeUser({ user: 'other' }, function (err) {
      assert.ifError(err);
      assert.strictEqual(changeUser.pluginName, 'mysql_native_password');
      assert.strictEqual(changeUser.connectAttributes.app, 'x');
      assert.strictEqual(changeUser.connectAttributes._client_name, 'mysql-ts');
      done();
    });
  });
});
