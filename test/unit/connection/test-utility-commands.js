'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { nativePasswordToken } = require('../../support/auth');

const SWITCH_SCRAMBLE = Buffer.from('ABCDEFGHIJKLMNOPQRST');

describe('connection: ping, statistics and changeUser as the server sees them', function () {
  const fake = common.useFakeServer();

  // Records the packets of the one connection and hands out its scramble.
  function recordServer(commands) {
    const seen = { packets: [], scramble: null };
    fake.server.on('connection', function (conn) {
      conn.handshake();
      seen.scramble = conn.scramble;
      (commands || []).forEach(function (event) {
        conn.on(event, function (packet) {
          seen.packets.push(packet);
          seen.answer(conn, packet);
        });
      });
    });
    seen.answer = function (conn) { conn.ok(); };
    return seen;
  }

  it('ping() sends COM_PING and calls back without error on OK', function (done) {
    const seen = recordServer(['ping']);
    const connection = fake.createConnection();
    connection.ping(function (err) {
      assert.ifError(err);
      assert.strictEqual(seen.packets.length, 1);
      assert.strictEqual(seen.packets[0].constructor.name, 'ComPingPacket');
      assert.strictEqual(seen.packets[0].command, 0x0e);
      done();
    });
  });

  it('ping() passes a server error to the callback, not fatal', function (done) {
    const seen = recordServer(['ping']);
    seen.answer = function (conn) { conn.error('Server shutdown in progress', 1053, '08S01'); };
    const connection = fake.createConnection();
    connection.ping(function (err) {
      assert.strictEqual(err.code, 'ER_SERVER_SHUTDOWN');
      assert.strictEqual(err.errno, 1053);
      assert.notStrictEqual(err.fatal, true);
      done();
    });
  });

  it('statistics() sends COM_STATISTICS and parses the answer into named numbers', function (done) {
    const seen = recordServer(['statistics']);
    seen.answer = function (conn) { conn.statistics('Uptime: 42  Threads: 3  Questions: 7  Queries per second avg: 0.250'); };
    const connection = fake.createConnection();
    connection.statistics(function (err, stats) {
      assert.ifError(err);
      assert.strictEqual(seen.packets[0].constructor.name, 'ComStatisticsPacket');
      assert.strictEqual(seen.packets[0].command, 0x09);
      assert.strictEqual(stats.message, 'Uptime: 42  Threads: 3  Questions: 7  Queries per second avg: 0.250');
      assert.strictEqual(stats.uptime, 42);
      assert.strictEqual(stats.threads, 3);
      assert.strictEqual(stats.questions, 7);
      assert.strictEqual(stats.queries_per_second_avg, 0.25);
      done();
    });
  });

  it('changeUser() sends COM_CHANGE_USER with user, token, database and charset', function (done) {
    const seen = recordServer(['changeUser']);
    const connection = fake.createConnection({ user: 'alice', password: 'one' });
    connection.changeUser({ user: 'bob', password: 'two', database: 'other', charset: 'LATIN1_SWEDISH_CI' }, function (err) {
      assert.ifError(err);
      const packet = seen.packets[0];
      assert.strictEqual(packet.constructor.name, 'ComChangeUserPacket');
      assert.strictEqual(packet.command, 0x11);
      assert.strictEqual(packet.user, 'bob');
      assert.deepStrictEqual(Buffer.from(packet.scrambleBuff), nativePasswordToken('two', seen.scramble));
      assert.strictEqual(packet.database, 'other');
      assert.strictEqual(packet.charsetNumber, 8);
      done();
    });
  });

  it('changeUser() updates connection.config to the new user and database', function (done) {
    recordServer(['changeUser']);
    const connection = fake.createConnection({ user: 'alice', password: 'one', database: 'first' });
    connection.changeUser({ user: 'bob', database: 'second' }, function (err) {
      assert.ifError(err);
      assert.strictEqual(connection.config.user, 'bob');
      assert.strictEqual(connection.config.database, 'second');
      done();
    });
  });

  it('changeUser() answers an auth switch with the token for the new scramble', function (done) {
    let response = null;
    fake.server.on('connection', function (conn) {
      conn.handshake({
        auth: function (packet, c) {
          if (packet.constructor.name === 'AuthSwitchResponsePacket') response = packet;
          c.ok();
        },
      });
      conn.on('changeUser', function () {
        conn.authSwitch('mysql_native_password', Buffer.concat([SWITCH_SCRAMBLE, Buffer.from([0])]));
      });
    });

    const connection = fake.createConnection();
    connection.changeUser({ user: 'bob', password: 'two' }, function (err) {
      assert.ifError(err);
      assert.deepStrictEqual(Buffer.from(response.data), nativePasswordToken('two', SWITCH_SCRAMBLE));
      done();
    });
  });

  it('changeUser() fails with a fatal error when the server refuses', function (done) {
    const seen = recordServer(['changeUser']);
    seen.answer = function (conn) { conn.error("Access denied for user 'bob'", 1045, '28000'); };
    const connection = fake.createConnection();
    connection.changeUser({ user: 'bob', password: 'bad' }, function (err) {
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.fatal, true);
      done();
    });
  });
});
