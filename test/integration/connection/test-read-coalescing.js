'use strict';

// Read coalescing against the real server (coalescedReader.ts): on loopback, past 8 MB of a reply that the server
// writes more slowly than the client reads, the client pauses its socket for a moment between reads. upstream
// mysqljs has no such pauses; both cases hold for it all the same.
//
// Rows read one by one ('result') that the server computes (MD5) are what a client here reads faster than the
// server sends: the case that pauses. How often it pauses depends on the machine's speed, so the tests assert
// what must hold whether it paused or not.

const assert = require('assert');
const childProcess = require('child_process');
const path = require('path');
const { useFixtures } = require('../helpers');

const ROWS = 100000; // 25 MB
const SQL = 'SELECT seq AS n, MD5(seq) AS h, REPEAT(CHAR(65 + seq % 26), 200) AS pad FROM seq_1_to_' + ROWS;

describe('integration: read coalescing', function () {
  const fx = useFixtures();

  // Each row's n and h, in arrival order.
  function fetch(extra) {
    return new Promise(function (resolve, reject) {
      const seen = [];
      const query = fx.connect(extra).query(SQL);
      query.on('result', function (row) { seen.push(row.n + ':' + row.h + ':' + row.pad.length); });
      query.on('error', reject);
      query.on('end', function () { resolve(seen); });
    });
  }

  it('a large reply read row by row gives the same rows with and without readCoalescing', async function () {
    const coalesced = await fetch({});
    const plain = await fetch({ readCoalescing: false });
    assert.strictEqual(coalesced.length, ROWS);
    assert.deepStrictEqual(coalesced, plain);
  });

  // A paused socket does not keep Node's event loop alive: the timer that ends a pause must. The child prints
  // its pauses with its rows; they show in the message when the count is wrong.
  it('a process whose only work is a large reply lives through the pauses between its reads', function () {
    const child = childProcess.spawnSync(process.execPath, [path.join(__dirname, '../../support/children/large-reply.js'), SQL],
      { encoding: 'utf8', env: process.env, timeout: 30000 });
    assert.strictEqual(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout.trim().split('\n').pop() || '{}');
    assert.strictEqual(report.rows, ROWS, 'child printed: ' + child.stdout + child.stderr);
  });
});
