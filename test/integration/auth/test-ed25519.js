'use strict';

// MariaDB's ed25519 authentication on the configured server. The plugin is installed if it is not yet, and left
// installed (uninstalling it would break a run that overlaps this one); the accounts are created and dropped
// here. Upstream mysqljs cannot log in such an account (UNSUPPORTED_AUTH_METHOD).
const assert = require('assert');
const common = require('../../support/common');
const { run, uniqueName } = require('../helpers');

const PASSWORD = 'ed25519 pässword, longer than thirty-two bytes';

(common.isUpstream ? describe.skip : describe)('integration: client_ed25519', function () {
  let admin;
  const accounts = [];
  const connections = [];

  async function createAccount(password) {
    const user = uniqueName('ed').slice(0, 16);
    accounts.push(user);
    await run(admin, "CREATE USER ?@'%' IDENTIFIED VIA ed25519 USING PASSWORD(?)", [user, password]);
    return user;
  }

  // No database: the accounts have no privileges on it.
  function connect(extra) {
    const connection = common.createConnection(Object.assign({ database: undefined }, extra));
    connections.push(connection);
    return connection;
  }

  function connectError(connection) {
    return new Promise((resolve) => connection.connect(resolve));
  }

  before(async function () {
    admin = common.createConnection();
    const { results } = await run(admin,
      "SELECT PLUGIN_STATUS AS status FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'ed25519'");
    if (results.length) return;
    try {
      await run(admin, "INSTALL SONAME 'auth_ed25519'");
    } catch (err) {
      if (err.code === 'ER_CANT_OPEN_LIBRARY') this.skip(); // a server built without the plugin
      throw err;
    }
  });

  after(async function () {
    if (!admin) return;
    for (const user of accounts) await run(admin, "DROP USER IF EXISTS ?@'%'", [user]);
    admin.destroy();
  });

  afterEach(function () {
    connections.splice(0).forEach((connection) => connection.destroy());
  });

  it('logs in with the password', async function () {
    const user = await createAccount(PASSWORD);
    const { results } = await run(connect({ user, password: PASSWORD }), 'SELECT CURRENT_USER() AS user');
    assert.strictEqual(results[0].user, user + '@%');
  });

  it('gets ER_ACCESS_DENIED_ERROR, fatal, for a wrong password', async function () {
    const user = await createAccount(PASSWORD);
    const err = await connectError(connect({ user, password: PASSWORD + '!' }));
    assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
    assert.strictEqual(err.fatal, true);
  });

  it('switches between accounts with changeUser', async function () {
    const first = await createAccount(PASSWORD);
    const second = await createAccount('another one');
    const connection = connect();
    const changeUser = (options) => new Promise((resolve, reject) => {
      connection.changeUser(options, (err) => (err ? reject(err) : resolve()));
    });
    const currentUser = async () => (await run(connection, 'SELECT CURRENT_USER() AS user')).results[0].user;
    await changeUser({ user: first, password: PASSWORD });
    assert.strictEqual(await currentUser(), first + '@%');
    await changeUser({ user: second, password: 'another one' });
    assert.strictEqual(await currentUser(), second + '@%');
  });
});
