'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

// The README's named-placeholder format: ":name" is replaced by the escaped value.
function namedPlaceholders(query, values) {
  if (!values) return query;
  return query.replace(/:(\w+)/g, function (text, key) {
    return Object.prototype.hasOwnProperty.call(values, key) ? this.escape(values[key]) : text;
  }.bind(this));
}

describe('integration: custom queryFormat', function () {
  const fx = useFixtures();

  it('formats queries with the queryFormat option, bound to the connection', async function () {
    const conn = fx.connect({ queryFormat: namedPlaceholders });
    const table = fx.table('qf');
    await fx.run(conn, 'CREATE TABLE ' + conn.escapeId(table) + ' (title VARCHAR(50))');
    await fx.run(conn, 'INSERT INTO ' + conn.escapeId(table) + ' SET title = :title', { title: "Hello 'MySQL'" });
    const { results } = await fx.run(conn, 'SELECT title FROM ' + conn.escapeId(table) + ' WHERE title = :title',
      { title: "Hello 'MySQL'" });
    assert.strictEqual(results[0].title, "Hello 'MySQL'");
  });

  it('uses a queryFormat assigned to connection.config after creation', function (done) {
    const conn = fx.connect();
    conn.config.queryFormat = namedPlaceholders;
    const query = conn.query('SELECT :a AS a, :b AS b, :missing AS m', { a: 1, b: 'two', missing: null }, function (err, rows) {
      assert.ifError(err);
      assert.deepStrictEqual(Object.assign({}, rows[0]), { a: 1, b: 'two', m: null });
      done();
    });
    assert.strictEqual(query.sql, "SELECT 1 AS a, 'two' AS b, NULL AS m");
  });

  it('calls queryFormat with the connection as this and the raw values', function (done) {
    const conn = fx.connect({
      queryFormat: function (sql, values) {
        assert.strictEqual(this, conn);
        assert.deepStrictEqual(values, { n: 5 });
        return sql.replace('$n', String(values.n));
      },
    });
    conn.query('SELECT $n AS n', { n: 5 }, function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].n, 5);
      done();
    });
  });
});
