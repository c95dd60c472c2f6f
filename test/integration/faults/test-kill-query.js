'use strict';

// KILL QUERY from a second connection during SELECT SLEEP(): the query gets
// ER_QUERY_INTERRUPTED (not fatal), its callback runs once, and the same
// connection runs the next query.

const assert = require('assert');
const { useFixtures, run } = require('../helpers');

// Resolves once the thread is inside the statement, so the KILL cannot arrive before it.
async function waitUntilRunning(admin, threadId, pattern) {
  for (let i = 0; i < 200; i++) {
    const { results } = await run(admin, 'SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [threadId]);
    if (results.length && pattern.test(String(results[0].INFO))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('thread ' + threadId + ' never started its query');
}

describe('integration fault: KILL QUERY during SLEEP', function () {
  this.timeout(20000);
  const fx = useFixtures();

  it('fails the sleeping query with ER_QUERY_INTERRUPTED and keeps the connection usable', async function () {
    const admin = fx.connect();
    const conn = fx.connect();
    await run(conn, 'SELECT 1');

    let calls = 0;
    const started = Date.now();
    const result = new Promise(function (resolve) {
      conn.query('SELECT SLEEP(10) AS slept', function (err) {
        calls++;
        resolve(err);
      });
    });
    await waitUntilRunning(admin, conn.threadId, /SLEEP/);
    await run(admin, 'KILL QUERY ?', [conn.threadId]);

    const err = await result;
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'ER_QUERY_INTERRUPTED');
    assert.strictEqual(err.errno, 1317);
    assert.notStrictEqual(err.fatal, true);
    assert.ok(Date.now() - started < 5000, 'interrupted, not slept out');

    const { results } = await run(conn, 'SELECT 2 AS n');
    assert.deepStrictEqual(results.map((row) => row.n), [2]);
    assert.strictEqual(calls, 1);
    assert.strictEqual(conn.state, 'authenticated');
  });
});
