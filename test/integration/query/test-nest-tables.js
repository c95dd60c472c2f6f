'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: joins with overlapping column names', function () {
  const fx = useFixtures();
  let conn;
  let sql;

  beforeEach(async function () {
    conn = fx.connect();
    const authors = fx.table('authors');
    const books = fx.table('books');
    await fx.run(conn, 'CREATE TABLE ?? (id INT, name VARCHAR(20))', [authors]);
    await fx.run(conn, 'CREATE TABLE ?? (id INT, name VARCHAR(20), author_id INT)', [books]);
    await fx.run(conn, "INSERT INTO ?? VALUES (1, 'Ann')", [authors]);
    await fx.run(conn, "INSERT INTO ?? VALUES (10, 'Book', 1)", [books]);
    sql = conn.format('SELECT a.id, a.name, b.id, b.name, 1 + 1 AS two FROM ?? AS a JOIN ?? AS b ON b.author_id = a.id',
      [authors, books]);
  });

  it('lets later columns overwrite earlier ones by default', async function () {
    const { results, fields } = await fx.run(conn, sql);
    assert.deepStrictEqual(Object.assign({}, results[0]), { id: 10, name: 'Book', two: 2 });
    assert.strictEqual(fields.length, 5);
  });

  it('nestTables: true nests columns under their table (alias) name', async function () {
    const { results } = await fx.run(conn, { sql: sql, nestTables: true });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(results[0])), {
      a: { id: 1, name: 'Ann' },
      b: { id: 10, name: 'Book' },
      '': { two: 2 },
    });
  });

  it('nestTables: "_" prefixes each column with its table name and the separator', async function () {
    const { results } = await fx.run(conn, { sql: sql, nestTables: '_' });
    assert.deepStrictEqual(Object.assign({}, results[0]), {
      a_id: 1, a_name: 'Ann', b_id: 10, b_name: 'Book', _two: 2,
    });
  });

  it('nestTables works together with values', async function () {
    const { results } = await fx.run(conn, { sql: sql + ' WHERE a.name = ?', nestTables: true, values: ['Ann'] });
    assert.strictEqual(results[0].b.name, 'Book');
  });
});
