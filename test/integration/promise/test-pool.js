'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { describeOwn, usePromiseFixtures } = require('./promise-fixtures');

describeOwn('integration: promise pool and cluster', function () {
  const fx = usePromiseFixtures();

  it('pool.query() runs on pooled connections and getConnection() hands one out until release()', async function () {
    const pool = fx.pool({ connectionLimit: 2 });
    const [rows] = await pool.query('SELECT ? AS n', [5]);
    assert.strictEqual(rows[0].n, 5);

    const connection = await pool.getConnection();
    await connection.query('SET @mark = 7');
    connection.release();
    const again = await pool.getConnection();
    const [marks] = await again.query('SELECT @mark AS mark');
    assert.strictEqual(marks[0].mark, 7, 'the released connection was handed out again');
    again.release();
  });

  it('a transaction on a pooled connection', async function () {
    const table = fx.table('ptx');
    const pool = fx.pool();
    await pool.query('CREATE TABLE ?? (id INT) ENGINE=InnoDB', [table]);
    const connection = await pool.getConnection();
    await connection.beginTransaction();
    await connection.query('INSERT INTO ?? VALUES (1)', [table]);
    await connection.rollback();
    connection.release();
    const [rows] = await pool.query('SELECT COUNT(*) AS n FROM ??', [table]);
    assert.strictEqual(rows[0].n, 0);
  });

  it('pool.queryStream() with an early break gives the connection back for the next query', async function () {
    this.timeout(20000);
    const pool = fx.pool({ connectionLimit: 1 });
    const [before] = await pool.query('SELECT CONNECTION_ID() AS id');
    for await (const row of pool.queryStream('SELECT seq FROM seq_1_to_500000')) {
      assert.strictEqual(row.seq, 1);
      break;
    }
    const [after] = await pool.query('SELECT CONNECTION_ID() AS id');
    assert.strictEqual(after[0].id, before[0].id);
  });

  it('cluster getConnection(pattern) and of(pattern).query() reach the matching node', async function () {
    const cluster = fx.cluster();
    cluster.add('MAIN', Object.assign(common.config(), { database: 'test' }));
    cluster.add('SCHEMA', Object.assign(common.config(), { database: 'information_schema' }));
    const connection = await cluster.getConnection('SCHEMA');
    const [rows] = await connection.query('SELECT DATABASE() AS db');
    assert.strictEqual(rows[0].db, 'information_schema');
    connection.release();
    const [main] = await cluster.of('MAIN').query('SELECT DATABASE() AS db');
    assert.strictEqual(main[0].db, 'test');
    await assert.rejects(cluster.getConnection('NONE*'), { code: 'POOL_NOEXIST' });
  });
});
