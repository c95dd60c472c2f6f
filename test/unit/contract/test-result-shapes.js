'use strict';

// The objects users print, snapshot and serialise: class names, own keys and
// key order, and JSON.stringify output.

const assert = require('assert');
const common = require('../../support/common');

const LONG = 3;
const VAR_STRING = 253;
const SERVER_MORE_RESULTS_EXISTS = 8;

describe('contract: result shapes', function () {
  const fake = common.useFakeServer();

  function answer(handler) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) { handler(conn, packet); });
    });
  }

  function sendUsers(conn) {
    conn.sendResultSet(
      [{ name: 'id', type: LONG, table: 'users', orgTable: 'users', db: 'test', charsetNr: 63, length: 11 },
        { name: 'name', type: VAR_STRING, table: 'users', orgTable: 'users', db: 'test' }],
      [['1', 'ann'], ['2', null]]);
  }

  it('gives an OkPacket its fields in mysqljs order', function (done) {
    answer(function (conn) {
      conn.ok({ affectedRows: 3, insertId: 7, warningCount: 1, message: '(Rows matched: 3  Changed: 2  Warnings: 0' });
    });
    fake.createConnection().query('UPDATE t SET a = 1', function (err, result) {
      assert.ifError(err);
      assert.strictEqual(result.constructor.name, 'OkPacket');
      assert.deepStrictEqual(Object.keys(result), ['fieldCount', 'affectedRows', 'insertId', 'serverStatus',
        'warningCount', 'message', 'protocol41', 'changedRows']);
      done();
    });
  });

  it('serialises an OkPacket as mysqljs does', function (done) {
    answer(function (conn) {
      conn.ok({ affectedRows: 3, insertId: 7, warningCount: 1, message: '(Rows matched: 3  Changed: 2  Warnings: 0' });
    });
    fake.createConnection().query('UPDATE t SET a = 1', function (err, result) {
      assert.ifError(err);
      assert.strictEqual(JSON.stringify(result),
        '{"fieldCount":0,"affectedRows":3,"insertId":7,"serverStatus":2,"warningCount":1,' +
        '"message":"(Rows matched: 3  Changed: 2  Warnings: 0","protocol41":true,"changedRows":2}');
      done();
    });
  });

  it('gives a RowDataPacket the columns as its only own keys, in column order', function (done) {
    answer(sendUsers);
    fake.createConnection().query('SELECT id, name FROM users', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].constructor.name, 'RowDataPacket');
      assert.deepStrictEqual(Object.getOwnPropertyNames(rows[0]), ['id', 'name']);
      const enumerated = [];
      for (const key in rows[0]) enumerated.push(key);
      assert.deepStrictEqual(enumerated, ['id', 'name']);
      done();
    });
  });

  it('serialises rows with typed values', function (done) {
    answer(sendUsers);
    fake.createConnection().query('SELECT id, name FROM users', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(JSON.stringify(rows), '[{"id":1,"name":"ann"},{"id":2,"name":null}]');
      done();
    });
  });

  it('nests columns under their table with nestTables: true', function (done) {
    answer(sendUsers);
    fake.createConnection().query({ sql: 'SELECT id, name FROM users', nestTables: true }, function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(JSON.stringify(rows[0]), '{"users":{"id":1,"name":"ann"}}');
      done();
    });
  });

  it('gives a FieldPacket its fields in mysqljs order', function (done) {
    answer(sendUsers);
    fake.createConnection().query('SELECT id, name FROM users', function (err, rows, fields) {
      assert.ifError(err);
      assert.strictEqual(fields.length, 2);
      assert.strictEqual(fields[0].constructor.name, 'FieldPacket');
      assert.deepStrictEqual(Object.keys(fields[0]), ['catalog', 'db', 'table', 'orgTable', 'name', 'orgName',
        'charsetNr', 'length', 'type', 'flags', 'decimals', 'default', 'zeroFill', 'protocol41']);
      assert.strictEqual(JSON.stringify(fields[0]),
        '{"catalog":"def","db":"test","table":"users","orgTable":"users","name":"id","orgName":"id",' +
        '"charsetNr":63,"length":11,"type":3,"flags":0,"decimals":0,"zeroFill":false,"protocol41":true}');
      done();
    });
  });

  it('returns one entry per statement for multiple statements', function (done) {
    answer(function (conn) {
      conn.ok({ affectedRows: 1, serverStatus: 2 | SERVER_MORE_RESULTS_EXISTS });
      conn.sendResultSet(['n'], [['5']]);
    });
    fake.createConnection({ multipleStatements: true }).query('DELETE FROM t; SELECT 5 AS n', function (err, results, fields) {
      assert.ifError(err);
      assert.strictEqual(results.length, 2);
      assert.strictEqual(results[0].constructor.name, 'OkPacket');
      assert.strictEqual(JSON.stringify(results[1]), '[{"n":"5"}]');
      assert.strictEqual(fields.length, 2);
      assert.strictEqual(fields[0], undefined);
      assert.strictEqual(fields[1][0].name, 'n');
      done();
    });
  });

  it('gives a query error its enumerable fields in mysqljs order', function (done) {
    answer(function (conn) { conn.error("Duplicate entry '1' for key 'PRIMARY'", 1062, '23000'); });
    fake.createConnection().query('INSERT INTO t VALUES (1)', function (err) {
      assert.strictEqual(JSON.stringify(err),
        '{"code":"ER_DUP_ENTRY","errno":1062,"sqlMessage":"Duplicate entry \'1\' for key \'PRIMARY\'",' +
        '"sqlState":"23000","index":0,"sql":"INSERT INTO t VALUES (1)"}');
      done();
    });
  });
});
