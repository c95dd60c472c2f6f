'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures, uniqueName } = require('../helpers');

function changeUser(conn, options) {
  return new Promise(function (resolve, reject) {
    conn.changeUser(options, function (err) { if (err) reject(err); else resolve(); });
  });
}

describe('integration: changeUser', function () {
  const fx = useFixtures();

  it('switches to another database and back', async function () {
    const other = uniqueName('db');
    const admin = fx.connect();
    await fx.run(admin, 'CREATE DATABASE ??', [other]);
    fx.onCleanup('DROP DATABASE IF EXISTS ' + common.mysql.escapeId(other));

    const conn = fx.connect();
    await changeUser(conn, { database: other });
    assert.strictEqual((await fx.run(conn, 'SELECT DATABASE() AS db')).results[0].db, other);

    await changeUser(conn, { database: common.config().database });
    assert.strictEqual((await fx.run(conn, 'SELECT DATABASE() AS db')).results[0].db, common.config().database);
  });

  it('resets session state such as user variables', async function () {
    const conn = fx.connect();
    await fx.run(conn, 'SET @marker = 42');
    assert.strictEqual((await fx.run(conn, 'SELECT @marker AS m')).results[0].m, 42);
    await changeUser(conn, {});
    assert.strictEqual((await fx.run(conn, 'SELECT @marker AS m')).results[0].m, null);
  });

  it('authenticates as a mysql_native_password user with that user\'s privileges', async function () {
    const user = uniqueName('u').slice(0, 16);
    const password = 'pw-' + uniqueName('x');
    const admin = fx.connect();
    await fx.run(admin, "CREATE USER ?@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD(?)", [user, password]);
    fx.onCleanup('DROP USER IF EXISTS ' + common.mysql.escape(user) + "@'%'");
    await fx.run(admin, "GRANT SELECT ON *.* TO ?@'%'", [user]);

    const conn = fx.connect();
    await changeUser(conn, { user: user, password: password });
    assert.strictEqual((await fx.run(conn, 'SELECT CURRENT_USER() AS who')).results[0].who, user + '@%');
    await assert.rejects(fx.run(conn, 'CREATE TABLE ?? (id INT)', [fx.table('cu')]),
      { code: 'ER_TABLEACCESS_DENIED_ERROR' });
  });

  it('keeps the previous user and password for options left out', async function () {
    const user = uniqueName('u').slice(0, 16);
    const password = 'pw-' + uniqueName('x');
    const admin = fx.connect();
    await fx.run(admin, "CREATE USER ?@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD(?)", [user, password]);
    fx.onCleanup('DROP USER IF EXISTS ' + common.mysql.escape(user) + "@'%'");
    await fx.run(admin, "GRANT SELECT ON *.* TO ?@'%'", [user]);

    const conn = fx.connect();
    await changeUser(conn, { user: user, password: password });
    await changeUser(conn, {});
    assert.strictEqual((await fx.run(conn, 'SELECT CURRENT_USER() AS who')).results[0].who, user + '@%');
  });

  it('applies a new charset', async function () {
    const conn = fx.connect();
    await changeUser(conn, { charset: 'UTF8MB4_UNICODE_CI' });
    const { results } = await fx.run(conn, 'SELECT @@collation_connection AS coll');
    assert.strictEqual(results[0].coll, 'utf8mb4_unicode_ci');
  });

  it('treats a rejected changeUser as fatal to the connection', function (done) {
    const conn = fx.connect();
    conn.on('error', function () {});
    conn.changeUser({ user: 'root', password: 'definitely-not-the-password' }, function (err) {
      assert.ok(err, 'expected an error');
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.errno, 1045);
      assert.strictEqual(err.fatal, true);
      conn.query('SELECT 1', function (err) {
        assert.ok(err, 'the connection must be unusable');
        assert.strictEqual(err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
        done();
      });
    });
  });
});
