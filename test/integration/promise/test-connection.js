'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { describeOwn, usePromiseFixtures } = require('./promise-fixtures');

describeOwn('integration: promise connection', function () {
  const fx = usePromiseFixtures();

  async function itemsTable(connection) {
    const table = fx.table('items');
    await connection.query('CREATE TABLE ?? (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20) UNIQUE) ENGINE=InnoDB', [table]);
    return table;
  }

  it('connects, and query() resolves to [rows, fields] with typed values', async function () {
    const connection = await fx.connect();
    assert.ok(connection.threadId > 0);
    const [rows, fields] = await connection.query('SELECT ? + 1 AS n, ? AS s, NULL AS z', [41, 'x']);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(rows)), [{ n: 42, s: 'x', z: null }]);
    assert.deepStrictEqual(fields.map(function (f) { return f.name; }), ['n', 's', 'z']);
    assert.strictEqual(fields[1].type, fx.api().Types.VAR_STRING);
  });

  it('INSERT and UPDATE resolve to their OkPacket', async function () {
    const connection = await fx.connect();
    const table = await itemsTable(connection);
    const [insert, fields] = await connection.query('INSERT INTO ?? (name) VALUES ?', [table, [['a'], ['b']]]);
    assert.strictEqual(insert.constructor.name, 'OkPacket');
    assert.deepStrictEqual([insert.affectedRows, insert.insertId], [2, 1]);
    assert.strictEqual(fields, undefined);
    const [update] = await connection.query('UPDATE ?? SET name = ? WHERE id = 1', [table, 'c']);
    assert.deepStrictEqual([update.affectedRows, update.changedRows], [1, 1]);
  });

  it('rejects with the server error, as the callback API reports it', async function () {
    const connection = await fx.connect();
    const table = await itemsTable(connection);
    await connection.query('INSERT INTO ?? (name) VALUES (?)', [table, 'a']);
    await assert.rejects(connection.query('INSERT INTO ?? (name) VALUES (?)', [table, 'a']), function (err) {
      assert.strictEqual(err.code, 'ER_DUP_ENTRY');
      assert.strictEqual(err.errno, 1062);
      assert.strictEqual(err.sqlState, '23000');
      assert.match(err.message, /^ER_DUP_ENTRY: Duplicate entry 'a' for key /);
      assert.strictEqual(err.sql, 'INSERT INTO `' + table + "` (name) VALUES ('a')");
      assert.strictEqual(err.fatal, undefined);
      return true;
    });
    await assert.rejects(connection.query('SELECT * FROM no_such_table_here'), { code: 'ER_NO_SUCH_TABLE', errno: 1146 });
  });

  it('rollback() undoes and commit() keeps what the transaction wrote', async function () {
    const connection = await fx.connect();
    const table = await itemsTable(connection);
    await connection.beginTransaction();
    await connection.query('INSERT INTO ?? (name) VALUES (?)', [table, 'gone']);
    await connection.rollback();
    await connection.beginTransaction();
    await connection.query('INSERT INTO ?? (name) VALUES (?)', [table, 'kept']);
    await connection.commit();

    const other = await fx.connect();
    const [rows] = await other.query('SELECT name FROM ??', [table]);
    assert.deepStrictEqual(rows.map(function (r) { return r.name; }), ['kept']);
  });

  it('changeUser() switches the database; ping() and statistics() resolve', async function () {
    const connection = await fx.connect();
    await connection.changeUser({ database: 'information_schema' });
    const [rows] = await connection.query('SELECT DATABASE() AS db');
    assert.strictEqual(rows[0].db, 'information_schema');
    assert.strictEqual(await connection.ping(), undefined);
    const stats = await connection.statistics();
    assert.ok(stats.uptime > 0);
  });

  it('createConnection() rejects with ER_ACCESS_DENIED_ERROR for a wrong password', async function () {
    await assert.rejects(fx.api().createConnection(Object.assign(common.config(), { user: 'no_such_user_here', password: 'x' })),
      { code: 'ER_ACCESS_DENIED_ERROR', fatal: true });
  });

  it('end() closes the connection after the queued queries', async function () {
    const connection = await fx.connect();
    const pending = connection.query('SELECT SLEEP(0.05) AS s');
    await connection.end();
    assert.strictEqual((await pending)[0][0].s, 0);
    assert.strictEqual(connection.state, 'disconnected');
    await assert.rejects(connection.query('SELECT 1'), { code: 'PROTOCOL_ENQUEUE_AFTER_QUIT' });
  });
});
