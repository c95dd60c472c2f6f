'use strict';

const assert = require('assert');
const common = require('../../support/common');

const NO_TABLE = "Table 'test.nope' doesn't exist";

describe('query: server errors', function () {
  const fake = common.useFakeServer();

  it('passes an error with code, errno, sqlMessage, sqlState, index and sql, not fatal', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.error(NO_TABLE, 1146, '42S02'); });
    });

    fake.createConnection().query('SELECT * FROM nope', function (err) {
      assert.strictEqual(err.message, 'ER_NO_SUCH_TABLE: ' + NO_TABLE);
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      assert.strictEqual(err.errno, 1146);
      assert.strictEqual(err.sqlMessage, NO_TABLE);
      assert.strictEqual(err.sqlState, '42S02');
      assert.strictEqual(err.index, 0);
      assert.strictEqual(err.sql, 'SELECT * FROM nope');
      assert.strictEqual(err.fatal, undefined);
      done();
    });
  });

  it('keeps the connection usable after a query error', function (done) {
    let count = 0;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        if (count++ === 0) conn.error(NO_TABLE, 1146, '42S02');
        else conn.sendResultSet(['n'], [['1']]);
      });
    });

    const connection = fake.createConnection();
    connection.query('SELECT * FROM nope', function (err) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      connection.query('SELECT 1 AS n', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows[0].n, '1');
        done();
      });
    });
  });

  it('sets index to the failing statement and passes the earlier results', function (done) {
    const SERVER_MORE_RESULTS_EXISTS = 8;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        conn.ok({ affectedRows: 1, serverStatus: 2 | SERVER_MORE_RESULTS_EXISTS });
        conn.error(NO_TABLE, 1146, '42S02');
      });
    });

    fake.createConnection({ multipleStatements: true }).query('DELETE FROM t; SELECT * FROM nope', function (err, results) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      assert.strictEqual(err.index, 1);
      assert.strictEqual(results.length, 1);
      assert.strictEqual(results[0].affectedRows, 1);
      done();
    });
  });

  it("emits the error on a query without callback, then 'end'", function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.error(NO_TABLE, 1146, '42S02'); });
    });

    let error = null;
    fake.createConnection().query('SELECT * FROM nope')
      .on('error', function (err) { error = err; })
      .on('end', function () {
        assert.strictEqual(error.code, 'ER_NO_SUCH_TABLE');
        done();
      });
  });
});
