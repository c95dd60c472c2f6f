'use strict';

// Read coalescing against the real server (coalescedReader.ts): the client pauses its socket for a moment between
// the reads of a large reply that the server writes more slowly than the client reads. upstream mysqljs has no
// such pauses; both cases hold for it all the same.

const assert = require('assert');
const childProcess = require('child_process');
const path = require('path');
const common = require('../../support/common');
const { useFixtures, rowsSql } = require('../helpers');

const ROWS = 5000;
const WIDTH = 1000; // 5 MB in all

describe('integration: read coalescing', function () {
  const fx = useFixtures();

  function fetch(extra) {
    return new Promise(function (resolve, reject) {
      fx.connect(extra).query(rowsSql(ROWS, WIDTH), function (err, rows) {
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  it('a large reply gives the same rows with and without readCoalescing', async function () {
    const coalesced = await fetch({});
    const plain = await fetch({ readCoalescing: false });
    assert.strictEqual(coalesced.length, ROWS);
    assert.deepStrictEqual(coalesced.map(function (row) { return row.n; }),
      Array.from({ length: ROWS }, function (_, i) { return i + 1; }));
    assert.deepStrictEqual(coalesced, plain);
  });

  // A paused socket does not keep Node's event loop alive: the timer that ends a pause must. Rows read one by
  // one ('result') that the server computes (MD5) are what a client reads faster than the server sends: the
  // case that pauses. Whether it did is in the message; how often depends on the machine's speed.
  it('a process whose only work is a large reply lives through the pauses between its reads', function () {
    const rows = 100000; // 25 MB
    const sql = 'SELECT seq AS n, MD5(seq) AS h, REPEAT(CHAR(65 + seq % 26), 200) AS pad FROM seq_1_to_' + rows;
    const child = childProcess.spawnSync(process.execPath, [path.join(__dirname, '../../support/children/large-reply.js'), sql],
      { encoding: 'utf8', env: process.env, timeout: 30000 });
    assert.strictEqual(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout.trim().split('\n').pop() || '{}');
    assert.strictEqual(report.rows, rows, 'child printed: ' + child.stdout + child.stderr);
  });
});
