'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

describe('integration: query() call forms', function () {
  const fx = useFixtures();
  let conn;
  let table;

  beforeEach(async function () {
    conn = fx.connect();
    table = fx.table('books');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY AUTO_INCREMENT, author VARCHAR(50), title VARCHAR(50))', [table]);
    await fx.run(conn, 'INSERT INTO ?? (author, title) VALUES ?', [table, [['David', 'One'], ['Eve', 'Two'], ['David', 'Three']]]);
  });

  function titles(rows) {
    return rows.map(function (row) { return row.title; });
  }

  it('query(sql, callback) returns rows and fields', function (done) {
    conn.query('SELECT title FROM ' + conn.escapeId(table) + ' WHERE author = "David" ORDER BY id', function (err, rows, fields) {
      assert.ifError(err);
      assert.deepStrictEqual(titles(rows), ['One', 'Three']);
      assert.strictEqual(fields.length, 1);
      assert.strictEqual(fields[0].name, 'title');
      done();
    });
  });

  it('query(sql, values, callback) replaces ? placeholders in order', function (done) {
    conn.query('SELECT title FROM ?? WHERE author = ? AND id > ? ORDER BY id', [table, 'David', 1], function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(titles(rows), ['Three']);
      done();
    });
  });

  it('query(sql, value, callback) accepts a single non-array value', function (done) {
    conn.query('SELECT COUNT(*) AS n FROM ' + conn.escapeId(table) + ' WHERE author = ?', 'David', function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].n, 2);
      done();
    });
  });

  it('INSERT ... SET ? expands an object into column = value pairs', function (done) {
    const post = { author: 'Zed', title: "It's here" };
    const query = conn.query('INSERT INTO ?? SET ?', [table, post], function (err, result) {
      assert.ifError(err);
      assert.strictEqual(result.affectedRows, 1);
      conn.query('SELECT author, title FROM ?? WHERE id = ?', [table, result.insertId], function (err, rows) {
        assert.ifError(err);
        assert.deepStrictEqual(Object.assign({}, rows[0]), post);
        done();
      });
    });
    assert.strictEqual(query.sql, 'INSERT INTO `' + table + "` SET `author` = 'Zed', `title` = 'It\\'s here'");
  });

  it('query(options, callback) takes sql and values from the options object', function (done) {
    conn.query({ sql: 'SELECT title FROM ?? WHERE author = ? ORDER BY id', values: [table, 'Eve'], timeout: 40000 }, function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(titles(rows), ['Two']);
      done();
    });
  });

  it('query(options, values, callback) lets the values argument override options.values', function (done) {
    const options = { sql: 'SELECT title FROM ?? WHERE author = ? ORDER BY id', values: [table, 'Eve'] };
    conn.query(options, [table, 'David'], function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(titles(rows), ['One', 'Three']);
      done();
    });
  });

  it('query() returns a Query whose sql and values are the formatted statement', function (done) {
    const query = conn.query('SELECT ? AS a, ? AS b', [1, 'x'], function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(Object.assign({}, rows[0]), { a: 1, b: 'x' });
      done();
    });
    assert.strictEqual(query.sql, "SELECT 1 AS a, 'x' AS b");
    assert.deepStrictEqual(query.values, [1, 'x']);
  });

  it('runs a Query prepared with mysql.createQuery()', function (done) {
    const prepared = common.mysql.createQuery('SELECT title FROM ?? WHERE id = ?', [table, 2], function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(titles(rows), ['Two']);
      done();
    });
    const returned = conn.query(prepared);
    assert.strictEqual(returned, prepared);
  });

  it('formats Date values in the connection timezone', function (done) {
    const zoned = fx.connect({ timezone: 'Z' });
    const when = new Date(Date.UTC(2021, 5, 7, 8, 9, 10, 11));
    const query = zoned.query('SELECT ? AS d', [when], function (err) {
      assert.ifError(err);
      done();
    });
    assert.strictEqual(query.sql, "SELECT '2021-06-07 08:09:10.011' AS d");
  });
});
