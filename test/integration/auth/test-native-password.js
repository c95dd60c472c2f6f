'use strict';

// mysql_native_password accounts on the configured server, created and dropped here, with the plugin name and
// connection attributes now in the handshake response.
const assert = require('assert');
const common = require('../../support/common');
const { run, uniqueName } = require('../helpers');

describe('integration: mysql_native_password', function () {
  let admin;
  const accounts = [];
  const connections = [];

  async function createAccount(password) {
    const user = uniqueName('np').slice(0, 16);
    accounts.push(user);
    await run(admin, "CREATE USER ?@'%' IDENTIFIED BY ?", [user, password]);
    return user;
  }

  // No database: the accounts have no privileges on it.
  function connect(extra) {
    const connection = common.createConnection(Object.assign({ database: undefined }, extra));
    connections.push(connection);
    return connection;
  }

  before(function () {
    admin = common.createConnection();
  });

  after(async function () {
    for (const user of accounts) await run(admin, "DROP USER IF EXISTS ?@'%'", [user]);
    admin.destroy();
  });

  afterEach(function () {
    connections.splice(0).forEach((connection) => connection.destroy());
  });

  it('logs in with the password, in UTF-8', async function () {
    const user = await createAccount('nätive pw');
    const { results } = await run(connect({ user, password: 'nätive pw' }), 'SELECT CURRENT_USER() AS user');
    assert.strictEqual(results[0].user, user + '@%');
  });

  it('logs in an account without a password', async function () {
    const user = await createAccount('');
    const { results } = await run(connect({ user, password: '' }), 'SELECT CURRENT_USER() AS user');
    assert.strictEqual(results[0].user, user + '@%');
  });

  it('gets ER_ACCESS_DENIED_ERROR, fatal, for a wrong password', async function () {
    const user = await createAccount('right');
    const err = await new Promise((resolve) => connect({ user, password: 'wrong' }).connect(resolve));
    assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
    assert.strictEqual(err.errno, 1045);
    assert.strictEqual(err.fatal, true);
  });

  it('logs in with connection attributes, and without plugin auth', async function () {
    const user = await createAccount('pw');
    const withAttributes = connect({ user, password: 'pw', connectAttributes: { program_name: 'mysql-ts tests' } });
    assert.strictEqual((await run(withAttributes, 'SELECT 1 AS one')).results[0].one, 1);
    const mysqljsBytes = connect({ user, password: 'pw', flags: '-PLUGIN_AUTH,-CONNECT_ATTRS' });
    assert.strictEqual((await run(mysqljsBytes, 'SELECT 1 AS one')).results[0].one, 1);
  });
});
