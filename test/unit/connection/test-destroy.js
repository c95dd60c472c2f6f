'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: destroy()', function () {
  const fake = common.useFakeServer();

  it('closes the socket without sending COM_QUIT', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('quit', function () { done(new Error('COM_QUIT was sent')); });
      conn.on('close', function () { done(); });
    });

    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      connection.destroy();
      assert.strictEqual(connection.state, 'disconnected');
    });
  });

  // Upstream lacks this: mysqljs never calls back the queries that were queued
  // when destroy() ran. DESIGN §4 wants every callback called exactly once.
  common.itOwn('calls every queued callback exactly once with an error', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {});
    });

    const calls = [];
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      ['SELECT 1', 'SELECT 2', 'SELECT 3'].forEach(function (sql) {
        connection.query(sql, function (err) { calls.push({ sql: sql, err: err }); });
      });
      connection.destroy();
      setTimeout(function () {
        assert.deepStrictEqual(calls.map(function (call) { return call.sql; }), ['SELECT 1', 'SELECT 2', 'SELECT 3']);
        calls.forEach(function (call) {
          assert.ok(call.err instanceof Error, call.sql + ' got an error');
          assert.strictEqual(typeof call.err.code, 'string');
        });
        done();
      }, 100);
    });
  });
});
