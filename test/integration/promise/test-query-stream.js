'use strict';

const assert = require('assert');
const { describeOwn, usePromiseFixtures } = require('./promise-fixtures');

function sleep(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

describeOwn('integration: promise queryStream()', function () {
  const fx = usePromiseFixtures();

  it('reads a million rows with for await at bounded memory', async function () {
    this.timeout(20000);
    const ROWS = 1000000;
    const connection = await fx.connect();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let sum = 0;
    // Rows are made by the server (MariaDB's sequence engine) and about 100 bytes wide: 100 MB in all.
    const sql = "SELECT seq, REPEAT('x', 90) AS pad FROM seq_1_to_" + ROWS;
    for await (const row of connection.queryStream(sql)) {
      count++;
      sum += row.seq;
      if (count % 10000 === 0) {
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        // A consumer that is slow now and then: without back-pressure the rows would pile up meanwhile.
        await sleep(5);
      }
    }
    assert.strictEqual(count, ROWS);
    assert.strictEqual(sum, ROWS * (ROWS + 1) / 2);
    assert.ok(peak < 48 * 1024 * 1024, 'heap grew by ' + Math.round(peak / 1048576) + ' MB');
  });

  it('after an early break the query still finishes, and the connection runs the next query', async function () {
    this.timeout(20000);
    const connection = await fx.connect();
    const seen = [];
    for await (const row of connection.queryStream('SELECT seq FROM seq_1_to_1000000')) {
      seen.push(row.seq);
      if (seen.length === 3) break;
    }
    assert.deepStrictEqual(seen, [1, 2, 3]);
    const [rows] = await connection.query('SELECT 42 AS answer');
    assert.strictEqual(rows[0].answer, 42);
  });

  it('yields the rows sent before a server error, then throws it', async function () {
    const connection = await fx.connect();
    let count = 0;
    await assert.rejects(async function () {
      for await (const row of connection.queryStream('SELECT seq, IF(seq = 500, (SELECT 1 UNION SELECT 2), seq) AS v FROM seq_1_to_1000')) {
        count++;
        assert.strictEqual(row.v, count);
      }
    }, { code: 'ER_SUBQUERY_NO_1_ROW', errno: 1242 });
    assert.strictEqual(count, 499);
    const [rows] = await connection.query('SELECT 1 AS one');
    assert.strictEqual(rows[0].one, 1);
  });

  it('passes values into the SQL of a stream', async function () {
    const connection = await fx.connect();
    const values = [];
    for await (const row of connection.queryStream('SELECT seq FROM seq_1_to_10 WHERE seq > ?', [7])) values.push(row.seq);
    assert.deepStrictEqual(values, [8, 9, 10]);
  });
});
