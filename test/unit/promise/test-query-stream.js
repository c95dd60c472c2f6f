'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { describeOwn, connect, rows, startResultSet } = require('./promise-fixtures');

const NO_TABLE = "Table 'test.nope' doesn't exist";

function delay(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

describeOwn('promise: queryStream()', function () {
  const fake = common.useFakeServer();

  // The first query gets `first(conn)`, every later one a one-row result naming its SQL.
  function streamServer(first) {
    let count = 0;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        if (count++ === 0) first(conn);
        else conn.sendResultSet(['sql'], [[packet.sql]]);
      });
    });
  }

  async function collect(iterator) {
    const seen = [];
    for await (const row of iterator) seen.push(row.id);
    return seen;
  }

  it('yields every row in order as a RowDataPacket, then ends', async function () {
    streamServer(function (conn) { conn.sendResultSet(['id', 'name'], rows(250)); });
    const connection = await connect(fake);
    const ids = [];
    for await (const row of connection.queryStream('SELECT id, name FROM t WHERE id > ?', [0])) {
      assert.strictEqual(row.constructor.name, 'RowDataPacket');
      assert.strictEqual(row.name, 'row ' + row.id);
      ids.push(Number(row.id));
    }
    assert.deepStrictEqual(ids, rows(250).map(function (r) { return Number(r[0]); }));
  });

  it('yields the OkPacket of a statement without rows', async function () {
    streamServer(function (conn) { conn.ok({ affectedRows: 4 }); });
    const connection = await connect(fake);
    const results = [];
    for await (const result of connection.queryStream('DELETE FROM t')) results.push(result);
    assert.strictEqual(results.length, 1);
    assert.strictEqual(results[0].constructor.name, 'OkPacket');
    assert.strictEqual(results[0].affectedRows, 4);
  });

  it('stops reading the socket while rows wait unread (the server cannot send on)', async function () {
    const ROWS = 12000;
    const pad = 'x'.repeat(1000);
    let server = null;
    streamServer(function (conn) {
      server = conn;
      conn.sendResultSet(['id', 'pad'], rows(ROWS).map(function (r) { return [r[0], pad]; }));
    });
    const connection = await connect(fake);
    const iterator = connection.queryStream('SELECT id, pad FROM t', [], { highWaterMark: 50 });
    assert.strictEqual((await iterator.next()).value.id, '1');
    await delay(500);
    // About 12 MB were written; a client that kept reading would have taken all of them by now.
    assert.ok(server.socket.writableLength > 4 * 1024 * 1024,
      'the server still holds ' + server.socket.writableLength + ' bytes');
    let count = 1;
    for await (const row of iterator) {
      count++;
      assert.strictEqual(row.id, String(count));
    }
    assert.strictEqual(count, ROWS);
  });

  it('after an early break, drops the remaining rows and runs the next query once they are read', async function () {
    let server = null;
    streamServer(function (conn) {
      server = conn;
      startResultSet(conn, ['id']);
      for (let i = 1; i <= 5; i++) conn.writeRow([String(i)]);
    });
    const connection = await connect(fake);
    const seen = [];
    for await (const row of connection.queryStream('SELECT id FROM t', [], { highWaterMark: 2 })) {
      seen.push(row.id);
      if (seen.length === 2) break;
    }
    assert.deepStrictEqual(seen, ['1', '2']);

    const next = connection.query('SELECT 2');
    await delay(50);
    // The server finishes the first result only now: thousands more rows, none of which reach anyone.
    for (let i = 6; i <= 5000; i++) server.writeRow([String(i)]);
    server.eof();
    const [results] = await next;
    assert.deepStrictEqual(results.map(function (r) { return r.sql; }), ['SELECT 2']);
  });

  it('an early break while the connection is paused resumes it, so later queries run', async function () {
    streamServer(function (conn) { conn.sendResultSet(['id', 'name'], rows(3000)); });
    const connection = await connect(fake);
    const iterator = connection.queryStream('SELECT id, name FROM t', [], { highWaterMark: 10 });
    await iterator.next();
    await delay(50); // ten rows are buffered by now and the connection is paused
    assert.deepStrictEqual(await iterator.return(), { done: true, value: undefined });
    assert.deepStrictEqual(await iterator.next(), { done: true, value: undefined });
    const [results] = await connection.query('SELECT 2');
    assert.strictEqual(results[0].sql, 'SELECT 2');
  });

  it('yields the rows received before a server error, then throws it; the connection goes on', async function () {
    streamServer(function (conn) {
      startResultSet(conn, ['id']);
      for (let i = 1; i <= 3; i++) conn.writeRow([String(i)]);
      conn.error('Query execution was interrupted', 1317, '70100');
    });
    const connection = await connect(fake);
    const seen = [];
    await assert.rejects(async function () {
      for await (const row of connection.queryStream('SELECT id FROM t')) seen.push(row.id);
    }, { code: 'ER_QUERY_INTERRUPTED', errno: 1317, sql: 'SELECT id FROM t' });
    assert.deepStrictEqual(seen, ['1', '2', '3']);
    const [results] = await connection.query('SELECT 2');
    assert.strictEqual(results[0].sql, 'SELECT 2');
  });

  it('throws the query error on the first next(), then reports the end', async function () {
    streamServer(function (conn) { conn.error(NO_TABLE, 1146, '42S02'); });
    const connection = await connect(fake);
    const iterator = connection.queryStream('SELECT * FROM nope');
    await assert.rejects(iterator.next(), { code: 'ER_NO_SUCH_TABLE', index: 0 });
    assert.deepStrictEqual(await iterator.next(), { done: true, value: undefined });
  });

  it('throws the fatal error when the server goes away mid-result, without an error event', async function () {
    streamServer(function (conn) {
      conn.sendResultSet(['id', 'name'], rows(10));
      conn.destroy();
    });
    const connection = await connect(fake);
    // The result above is complete; the second query is cut off.
    assert.deepStrictEqual(await collect(connection.queryStream('SELECT 1')), rows(10).map(function (r) { return r[0]; }));
    fake.server.removeAllListeners('connection');
    const lost = [];
    connection.on('error', function (err) { lost.push(err); });
    await assert.rejects(collect(connection.queryStream('SELECT 2')), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
    assert.deepStrictEqual(lost, []);
  });

  it('answers next() calls made without waiting, in order', async function () {
    streamServer(function (conn) { conn.sendResultSet(['id', 'name'], rows(2)); });
    const connection = await connect(fake);
    const iterator = connection.queryStream('SELECT id, name FROM t');
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    assert.deepStrictEqual(results.map(function (r) { return r.done ? 'done' : r.value.id; }), ['1', '2', 'done', 'done']);
  });

  it('is its own async iterator and has no then()', async function () {
    streamServer(function (conn) { conn.sendResultSet(['id', 'name'], rows(1)); });
    const connection = await connect(fake);
    const iterator = connection.queryStream('SELECT 1');
    assert.strictEqual(iterator[Symbol.asyncIterator](), iterator);
    assert.strictEqual(typeof iterator.then, 'undefined');
    assert.deepStrictEqual(await collect(iterator), ['1']);
  });
});
