'use strict';

// 20,000 queries from 200 concurrent callers through 10 connections, while connections are destroyed at
// random: by their borrower mid-query, and by a "chaos" timer that picks any pool connection (free, in use or
// still connecting). Every callback must come exactly once and the pool must end with nothing left open.

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');
const { usePools, delay } = require('../../support/pool-fixtures');

const TOTAL = 20000;
const CALLERS = 200;
const CONNECTIONS = 10;
const CHAOS_INTERVAL_MS = 5;
const WATCHDOG_MS = 15000;
// What a caller may see when a connection is destroyed under it; anything else fails the test.
const EXPECTED_ERRORS = ['PROTOCOL_CONNECTION_DESTROYED', 'PROTOCOL_ENQUEUE_AFTER_DESTROY', 'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR'];

// A small seeded generator, so that a failing run can be repeated with SOAK_SEED.
function random(seed) {
  let state = seed >>> 0;
  return function () {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('integration: pool soak', function () {
  const fx = useFixtures();
  const pools = usePools();

  // mysqljs never calls back a command whose connection is destroyed under it, so its callers would hang here.
  common.itOwn('calls every callback exactly once through 20,000 queries with connections destroyed at random',
    async function () {
      this.timeout(WATCHDOG_MS + 10000);
      const seed = Number(process.env.SOAK_SEED) || Date.now();
      const rand = random(seed);
      const pool = pools.track(common.createPool({ connectionLimit: CONNECTIONS }));
      const threads = new Set();
      pool.on('connection', function (connection) { threads.add(connection.threadId); });

      const calls = new Uint8Array(TOTAL);
      const errors = Object.create(null);
      const problems = [];
      let succeeded = 0;
      let destroyed = 0;

      function finish(id, err, rows, resolve) {
        calls[id]++;
        if (calls[id] > 1) problems.push('callback ' + id + ' called ' + calls[id] + ' times');
        if (err) {
          errors[err.code] = (errors[err.code] || 0) + 1;
          if (EXPECTED_ERRORS.indexOf(err.code) === -1) problems.push('query ' + id + ': ' + err.code + ' ' + err.message);
        } else if (rows[0].id !== id) {
          problems.push('query ' + id + ' got the result of ' + rows[0].id);
        } else {
          succeeded++;
        }
        resolve();
      }

      // Three ways to run a query: pool.query(); getConnection() + query + release(); and the same with the
      // borrower destroying the connection while its query runs.
      function runOne(id) {
        return new Promise(function (resolve) {
          const mode = rand();
          if (mode < 0.7) {
            pool.query('SELECT ? AS id', [id], function (err, rows) { finish(id, err, rows, resolve); });
            return;
          }
          pool.getConnection(function (err, connection) {
            if (err) {
              finish(id, err, null, resolve);
              return;
            }
            connection.query('SELECT ? AS id', [id], function (queryErr, rows) {
              if (mode < 0.95) connection.release();
              finish(id, queryErr, rows, resolve);
            });
            if (mode >= 0.95) {
              destroyed++;
              connection.destroy();
            }
          });
        });
      }

      let next = 0;
      async function caller() {
        while (next < TOTAL) await runOne(next++);
      }

      const chaos = setInterval(function () {
        const all = pool._allConnections;
        if (all.length === 0) return;
        destroyed++;
        all[Math.floor(rand() * all.length)].destroy();
      }, CHAOS_INTERVAL_MS);

      let watchdog = null;
      const stuck = new Promise(function (resolve, reject) {
        watchdog = setTimeout(function () {
          const missing = [];
          for (let i = 0; i < next && missing.length < 10; i++) if (calls[i] === 0) missing.push(i);
          reject(new Error('callbacks never called (seed ' + seed + '), e.g. ' + missing.join(', ')));
        }, WATCHDOG_MS);
      });
      try {
        await Promise.race([Promise.all(Array.from({ length: CALLERS }, caller)), stuck]);
      } finally {
        clearInterval(chaos);
        clearTimeout(watchdog);
      }

      assert.deepStrictEqual(problems, [], 'seed ' + seed);
      assert.strictEqual(calls.every(function (n) { return n === 1; }), true);
      assert.ok(destroyed > 50, 'destroyed only ' + destroyed + ' connections');
      assert.ok(succeeded > TOTAL / 2, 'only ' + succeeded + ' succeeded; errors: ' + JSON.stringify(errors));

      await new Promise(function (resolve, reject) {
        pool.end(function (err) { if (err) reject(err); else resolve(); });
      });
      assert.strictEqual(pool._allConnections.length, 0);
      assert.strictEqual(pool._freeConnections.length, 0);
      assert.strictEqual(pool._acquiringConnections.length, 0);
      assert.strictEqual(pool._connectionQueue.length, 0);

      // Server side: every thread the pool opened is gone (the server may take a moment after a destroy()).
      const admin = fx.connect();
      const ids = Array.from(threads);
      let open = [];
      for (let attempt = 0; attempt < 40; attempt++) {
        const rows = await fx.run(admin, 'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE ID IN (?)', [ids]);
        open = rows.results.map(function (row) { return row.id; });
        if (open.length === 0) break;
        await delay(50);
      }
      assert.deepStrictEqual(open, [], 'server threads left open');
    });
});
