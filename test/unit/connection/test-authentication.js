'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { nativePasswordToken } = require('../../support/auth');

const ACCESS_DENIED = "Access denied for user 'alice'@'localhost' (using password: YES)";

describe('connection: handshake and authentication', function () {
  const fake = common.useFakeServer();

  it('calls back without error when the server accepts the credentials', function (done) {
    fake.createConnection().connect(function (err) {
      assert.ifError(err);
      done();
    });
  });

  it('sends user, database and the mysql_native_password token for the handshake scramble', function (done) {
    let auth = null;
    let scramble = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', function (packet) { auth = packet; });
      conn.handshake();
      scramble = conn.scramble;
    });

    const connection = fake.createConnection({ user: 'alice', password: 's3cret', database: 'shop' });
    connection.connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(auth.user, 'alice');
      assert.strictEqual(auth.database, 'shop');
      assert.deepStrictEqual(Buffer.from(auth.scrambleBuff), nativePasswordToken('s3cret', scramble));
      done();
    });
  });

  it('sends an empty token when there is no password', function (done) {
    let auth = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', function (packet) { auth = packet; });
      conn.handshake();
    });

    fake.createConnection({ user: 'bob' }).connect(function (err) {
      assert.ifError(err);
      assert.strictEqual(auth.scrambleBuff.length, 0);
      done();
    });
  });

  it('fails with a fatal error whose code, errno, sqlState and message come from the error packet', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error(ACCESS_DENIED, 1045, '28000'); } });
    });

    fake.createConnection({ user: 'alice', password: 'wrong' }).connect(function (err) {
      assert.ok(err instanceof Error);
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.errno, 1045);
      assert.strictEqual(err.sqlState, '28000');
      assert.strictEqual(err.sqlMessage, ACCESS_DENIED);
      assert.strictEqual(err.message, 'ER_ACCESS_DENIED_ERROR: ' + ACCESS_DENIED);
      assert.strictEqual(err.fatal, true);
      done();
    });
  });

  it('gives a query queued behind the failed handshake the same error', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error(ACCESS_DENIED, 1045, '28000'); } });
    });

    const connection = fake.createConnection();
    let connectError = null;
    connection.connect(function (err) { connectError = err; });
    connection.query('SELECT 1', function (err) {
      assert.ok(connectError);
      assert.strictEqual(err, connectError);
      done();
    });
  });

  it('uses UNKNOWN_CODE_PLEASE_REPORT for an errno it has no name for', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error('no such error', 65000); } });
    });

    fake.createConnection().connect(function (err) {
      assert.strictEqual(err.code, 'UNKNOWN_CODE_PLEASE_REPORT');
      assert.strictEqual(err.errno, 65000);
      assert.strictEqual(err.message, 'UNKNOWN_CODE_PLEASE_REPORT: no such error');
      done();
    });
  });

  it('emits a fatal handshake error as an error event when connect() has no callback', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error(ACCESS_DENIED, 1045, '28000'); } });
    });

    const connection = fake.createConnection();
    connection.on('error', function (err) {
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.fatal, true);
      done();
    });
    connection.connect();
  });
});
