'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('query: the COM_QUERY sent for each call form', function () {
  const fake = common.useFakeServer();
  let received;
  let bytes;

  beforeEach(function () {
    received = [];
    bytes = Buffer.alloc(0);
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.once('clientAuthentication', function () {
        conn.socket.on('data', function (chunk) { bytes = Buffer.concat([bytes, chunk]); });
      });
      conn.on('query', function (packet) {
        received.push(packet);
        conn.ok();
      });
    });
  });

  function expectSql(call, sql, done) {
    const connection = fake.createConnection();
    call(connection, function (err) {
      assert.ifError(err);
      assert.strictEqual(received.length, 1);
      assert.strictEqual(received[0].constructor.name, 'ComQueryPacket');
      assert.strictEqual(received[0].command, 0x03);
      assert.strictEqual(received[0].sql, sql);
      done();
    });
  }

  it('sends query(sql) as one COM_QUERY packet: length, sequence id 0, 0x03, the text', function (done) {
    fake.createConnection().query('SELECT 1', function (err) {
      assert.ifError(err);
      assert.strictEqual(bytes.toString('hex'), '09000000' + '03' + Buffer.from('SELECT 1').toString('hex'));
      done();
    });
  });

  it('query(sql, values) fills the placeholders', function (done) {
    expectSql(function (c, cb) { c.query('SELECT ?, ?', [1, 'it\'s'], cb); }, "SELECT 1, 'it\\'s'", done);
  });

  it('query(options) takes sql and values from the options object', function (done) {
    expectSql(function (c, cb) { c.query({ sql: 'SELECT ?', values: ['x'] }, cb); }, "SELECT 'x'", done);
  });

  it('query(options, values) lets the values argument win over options.values', function (done) {
    expectSql(function (c, cb) { c.query({ sql: 'SELECT ?', values: ['x'] }, ['y'], cb); }, "SELECT 'y'", done);
  });

  it('query("SET ?", object) expands the object into assignments', function (done) {
    expectSql(function (c, cb) { c.query('SET ?', { a: 1, b: 'x' }, cb); }, "SET `a` = 1, `b` = 'x'", done);
  });

  it('expands ?? into escaped identifiers', function (done) {
    expectSql(function (c, cb) { c.query('SELECT ?? FROM ??', ['id', 'my.table'], cb); },
      'SELECT `id` FROM `my`.`table`', done);
  });

  it('escapes null, booleans, arrays and Buffers', function (done) {
    expectSql(function (c, cb) { c.query('SELECT ?, ?, ?, ?', [null, true, [1, 2], Buffer.from([1, 255])], cb); },
      "SELECT NULL, true, 1, 2, X'01ff'", done);
  });

  it('sends a query built with mysql.createQuery()', function (done) {
    expectSql(function (c, cb) { c.query(common.mysql.createQuery('SELECT ?', [7], cb)); }, 'SELECT 7', done);
  });

  it('sends UTF-8 text unchanged', function (done) {
    expectSql(function (c, cb) { c.query("SELECT 'é€😀'", cb); }, "SELECT 'é€😀'", done);
  });
});
