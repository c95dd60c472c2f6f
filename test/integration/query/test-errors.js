'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

// Runs one query and returns its error (or fails the test if there is none).
function queryError(conn, sql, values) {
  return new Promise(function (resolve, reject) {
    conn.query(sql, values, function (err) {
      if (err) resolve(err);
      else reject(new Error('expected "' + sql + '" to fail'));
    });
  });
}

describe('integration: query errors', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  it('a duplicate key fails with the mysqljs ER_DUP_ENTRY error fields', async function () {
    const table = fx.table('dup');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY)', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (1)', [table]);
    const sql = conn.format('INSERT INTO ?? VALUES (1)', [table]);

    const err = await queryError(conn, sql);
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'ER_DUP_ENTRY');
    assert.strictEqual(err.errno, 1062);
    assert.strictEqual(err.sqlState, '23000');
    assert.strictEqual(err.sqlMessage, "Duplicate entry '1' for key 'PRIMARY'");
    assert.strictEqual(err.message, "ER_DUP_ENTRY: Duplicate entry '1' for key 'PRIMARY'");
    assert.strictEqual(err.sql, sql);
    assert.strictEqual(err.index, 0);
    assert.strictEqual(err.fatal, undefined, 'mysqljs does not set fatal on query errors');
  });

  it('a normal error reaches only its own callback; the next query works', async function () {
    const err = await queryError(conn, 'USE no_such_db_for_this_test');
    assert.strictEqual(err.code, 'ER_BAD_DB_ERROR');
    const { results } = await fx.run(conn, 'SELECT 1 AS one');
    assert.strictEqual(results.length, 1);
  });

  it('a syntax error fails with ER_PARSE_ERROR', async function () {
    const err = await queryError(conn, 'SELEKT 1');
    assert.strictEqual(err.code, 'ER_PARSE_ERROR');
    assert.strictEqual(err.errno, 1064);
    assert.strictEqual(err.sqlState, '42000');
    assert.match(err.sqlMessage, /You have an error in your SQL syntax/);
    assert.strictEqual(err.message, 'ER_PARSE_ERROR: ' + err.sqlMessage);
    assert.strictEqual(err.sql, 'SELEKT 1');
  });

  it('an unknown table fails with ER_NO_SUCH_TABLE', async function () {
    const err = await queryError(conn, 'SELECT * FROM no_such_table_here');
    assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
    assert.strictEqual(err.errno, 1146);
    assert.strictEqual(err.sqlState, '42S02');
  });

  // Differs from upstream on purpose (DESIGN: the error table covers MariaDB
  // error numbers). mysqljs 2.18.1 reports UNKNOWN_CODE_PLEASE_REPORT here.
  common.itOwn('a MariaDB-only error (4091, unknown sequence) gets its real code', async function () {
    const err = await queryError(conn, 'DROP SEQUENCE no_such_sequence_here');
    assert.strictEqual(err.errno, 4091);
    assert.strictEqual(err.sqlState, '42S02');
    assert.strictEqual(err.code, 'ER_UNKNOWN_SEQUENCES');
    assert.strictEqual(err.message, 'ER_UNKNOWN_SEQUENCES: ' + err.sqlMessage);
  });

  it('a query without a callback emits "error" then "end" on the Query', function (done) {
    const query = conn.query('SELECT * FROM no_such_table_here');
    const events = [];
    query.on('error', function (err) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      events.push('error');
    });
    query.on('end', function () {
      events.push('end');
      assert.deepStrictEqual(events, ['error', 'end']);
      done();
    });
  });

  it('an error with neither callback nor listener is emitted on the connection', function (done) {
    conn.on('error', function (err) {
      assert.strictEqual(err.code, 'ER_BAD_DB_ERROR');
      done();
    });
    conn.query('USE no_such_db_for_this_test');
  });

  it('a callback that throws does not break the connection (exception safety)', function (done) {
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.once('uncaughtException', function (thrown) {
      listeners.forEach(function (l) { process.on('uncaughtException', l); });
      assert.strictEqual(thrown.message, 'thrown from a callback');
      conn.query('SELECT 2 AS two', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows[0].two, 2);
        done();
      });
    });
    conn.query('SELECT 1', function () {
      throw new Error('thrown from a callback');
    });
  });
});
