'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { describeOwn, promiseApi, connect, rows } = require('./promise-fixtures');

const NO_TABLE = "Table 'test.nope' doesn't exist";

describeOwn('promise: connection methods', function () {
  const fake = common.useFakeServer();

  // Answers queries by their SQL: FAIL... gets a server error, SELECT... one result set, anything else OK.
  function sqlServer(seen) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        if (seen) seen.push(packet.sql);
        if (/^FAIL/.test(packet.sql)) conn.error(NO_TABLE, 1146, '42S02');
        else if (/^SELECT/.test(packet.sql)) conn.sendResultSet(['id', 'name'], rows(2));
        else conn.ok({ affectedRows: 3, insertId: 7 });
      });
    });
  }

  it('createConnection() resolves once authenticated, wrapping a callback Connection', async function () {
    sqlServer();
    const connection = await connect(fake);
    const Connection = require(path.join(common.lib, 'Connection'));
    assert.ok(connection.connection instanceof Connection);
    assert.strictEqual(connection.state, 'authenticated');
    assert.strictEqual(connection.threadId, 1);
    assert.strictEqual(connection.config.port, fake.server.port());
  });

  it('createConnection() rejects with the handshake error, fatal, as connect() reports it', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error("Access denied for user 'root'", 1045, '28000'); } });
    });
    await assert.rejects(promiseApi().createConnection(common.fakeServerConfig(fake.server)), function (err) {
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      assert.strictEqual(err.errno, 1045);
      assert.strictEqual(err.fatal, true);
      return true;
    });
  });

  it('createConnection() rejects with ECONNREFUSED when nothing listens', async function () {
    const port = fake.server.port();
    await new Promise(function (resolve) { fake.server.destroy(resolve); });
    await assert.rejects(promiseApi().createConnection({ host: '127.0.0.1', port: port }), { code: 'ECONNREFUSED', fatal: true });
  });

  it('query() resolves to [rows, fields] and formats values into the SQL', async function () {
    const seen = [];
    sqlServer(seen);
    const connection = await connect(fake);
    const [results, fields] = await connection.query('SELECT ?, ?', [1, 'a']);
    assert.deepStrictEqual(seen, ["SELECT 1, 'a'"]);
    assert.strictEqual(results[0].constructor.name, 'RowDataPacket');
    assert.deepStrictEqual(results.map(function (r) { return [r.id, r.name]; }), [['1', 'row 1'], ['2', 'row 2']]);
    assert.deepStrictEqual(fields.map(function (f) { return f.name; }), ['id', 'name']);
    assert.strictEqual(fields[0].constructor.name, 'FieldPacket');
  });

  it('query() resolves to [OkPacket, undefined] for a statement without rows, and takes an options object', async function () {
    sqlServer();
    const connection = await connect(fake);
    const [result, fields] = await connection.query({ sql: 'UPDATE t SET a = ?', values: [1], timeout: 1000 });
    assert.strictEqual(result.constructor.name, 'OkPacket');
    assert.strictEqual(result.affectedRows, 3);
    assert.strictEqual(result.insertId, 7);
    assert.strictEqual(fields, undefined);
  });

  it('query() rejects with the same error object the callback API gives, and the connection goes on', async function () {
    sqlServer();
    const connection = await connect(fake);
    await assert.rejects(connection.query('FAIL ?', [5]), function (err) {
      assert.ok(err instanceof Error);
      assert.strictEqual(err.message, 'ER_NO_SUCH_TABLE: ' + NO_TABLE);
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      assert.strictEqual(err.errno, 1146);
      assert.strictEqual(err.sqlState, '42S02');
      assert.strictEqual(err.sqlMessage, NO_TABLE);
      assert.strictEqual(err.index, 0);
      assert.strictEqual(err.sql, 'FAIL 5');
      return true;
    });
    const [results] = await connection.query('SELECT 1');
    assert.strictEqual(results.length, 2);
  });

  it('queries run in call order, like the callback API queue', async function () {
    const seen = [];
    sqlServer(seen);
    const connection = await connect(fake);
    const all = await Promise.all([connection.query('SELECT 1'), connection.query('UPDATE 2'), connection.query('SELECT 3')]);
    assert.deepStrictEqual(seen, ['SELECT 1', 'UPDATE 2', 'SELECT 3']);
    assert.strictEqual(all[1][0].affectedRows, 3);
  });

  it('beginTransaction(), commit() and rollback() send their statements and resolve to nothing', async function () {
    const seen = [];
    sqlServer(seen);
    const connection = await connect(fake);
    assert.strictEqual(await connection.beginTransaction(), undefined);
    assert.strictEqual(await connection.commit(), undefined);
    assert.strictEqual(await connection.rollback({ timeout: 1000 }), undefined);
    assert.deepStrictEqual(seen, ['START TRANSACTION', 'COMMIT', 'ROLLBACK']);
  });

  it('commit() rejects with the server error', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.error('Deadlock found', 1213, '40001'); });
    });
    const connection = await connect(fake);
    await assert.rejects(connection.commit(), { code: 'ER_LOCK_DEADLOCK', sql: 'COMMIT' });
  });

  it('ping() and statistics() resolve; statistics to the parsed packet', async function () {
    const commands = [];
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () { commands.push('ping'); conn.ok(); });
      conn.on('statistics', function () { commands.push('statistics'); conn.statistics('Uptime: 42  Threads: 3'); });
    });
    const connection = await connect(fake);
    assert.strictEqual(await connection.ping(), undefined);
    const stats = await connection.statistics();
    assert.deepStrictEqual(commands, ['ping', 'statistics']);
    assert.strictEqual(stats.uptime, 42);
    assert.strictEqual(stats.threads, 3);
  });

  it('ping() rejects with the server error', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('ping', function () { conn.error('Server shutdown in progress', 1053, '08S01'); });
    });
    const connection = await connect(fake);
    await assert.rejects(connection.ping(), { code: 'ER_SERVER_SHUTDOWN', errno: 1053 });
  });

  it('changeUser() sends COM_CHANGE_USER with the new user and database', async function () {
    const changes = [];
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('changeUser', function (packet) {
        changes.push([packet.user, packet.database]);
        conn.ok();
      });
    });
    const connection = await connect(fake, { database: 'first' });
    assert.strictEqual(await connection.changeUser({ user: 'other', database: 'second' }), undefined);
    assert.deepStrictEqual(changes, [['other', 'second']]);
    assert.strictEqual(connection.config.user, 'other');
    assert.strictEqual(connection.config.database, 'second');
  });

  it('changeUser() rejects with the server error, fatal', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('changeUser', function () { conn.error("Access denied for user 'other'", 1045, '28000'); });
    });
    const connection = await connect(fake);
    await assert.rejects(connection.changeUser({ user: 'other' }), { code: 'ER_ACCESS_DENIED_ERROR', fatal: true });
  });

  it('end() sends COM_QUIT after the queued queries and resolves once the server closed', async function () {
    const seen = [];
    sqlServer(seen);
    let quit = false;
    fake.server.on('connection', function (conn) {
      conn.on('quit', function () {
        quit = true;
        conn.end();
      });
    });
    const connection = await connect(fake);
    const pending = connection.query('SELECT 1');
    await connection.end();
    assert.strictEqual(quit, true);
    assert.deepStrictEqual(seen, ['SELECT 1']);
    assert.strictEqual((await pending)[0].length, 2);
    assert.strictEqual(connection.state, 'disconnected');
  });

  it('a query after end() rejects with PROTOCOL_ENQUEUE_AFTER_QUIT', async function () {
    sqlServer();
    const connection = await connect(fake);
    const ending = connection.end();
    await assert.rejects(connection.query('SELECT 1'), { code: 'PROTOCOL_ENQUEUE_AFTER_QUIT', fatal: false });
    await ending;
  });

  it('queued queries reject with the fatal error when the server goes away', async function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.destroy(); });
    });
    const connection = await connect(fake);
    const results = await Promise.allSettled([connection.query('SELECT 1'), connection.query('SELECT 2')]);
    assert.deepStrictEqual(results.map(function (r) { return [r.status, r.reason.code, r.reason.fatal]; }), [
      ['rejected', 'PROTOCOL_CONNECTION_LOST', true],
      ['rejected', 'PROTOCOL_CONNECTION_LOST', true],
    ]);
  });

  it('escape(), escapeId() and format() follow the connection config', async function () {
    sqlServer();
    const connection = await connect(fake, { stringifyObjects: true });
    assert.strictEqual(connection.escape("it's"), "'it\\'s'");
    assert.strictEqual(connection.escapeId('a.b'), '`a`.`b`');
    assert.strictEqual(connection.format('SELECT ?', [{ a: 1 }]), "SELECT '[object Object]'");
  });

  it("on() and once() reach the callback connection's events, with the same arguments", async function () {
    let server = null;
    fake.server.on('connection', function (conn) {
      server = conn;
      conn.handshake();
    });
    const connection = await connect(fake);
    const events = [];
    const onEnqueue = function (sequence) { events.push('enqueue:' + sequence.constructor.name); };
    assert.strictEqual(connection.on('enqueue', onEnqueue), connection);
    await connection.ping();
    assert.strictEqual(connection.off('enqueue', onEnqueue), connection);
    await connection.ping();

    const lost = new Promise(function (resolve) {
      connection.on('error', function (err) { events.push('error:' + err.code + ':' + err.fatal); });
      connection.once('end', function (err) {
        events.push('end:' + err.code);
        resolve();
      });
    });
    server.destroy();
    await lost;
    assert.deepStrictEqual(events, ['enqueue:Ping', 'error:PROTOCOL_CONNECTION_LOST:true', 'end:PROTOCOL_CONNECTION_LOST']);
  });
});
