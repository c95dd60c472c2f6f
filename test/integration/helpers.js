'use strict';

// Per-test resources for the integration tests: every connection a test opens
// is closed after it, and every table (or other object) it creates is dropped,
// so tests never depend on each other or on leftovers from a failed run.

const crypto = require('crypto');
const common = require('../support/common');

// A name no other test (or earlier run) uses: prefix + 12 hex digits.
function uniqueName(prefix) {
  return prefix + '_' + crypto.randomBytes(6).toString('hex');
}

// Promise wrapper for setup and teardown statements; the behaviour under test
// is always exercised through the callback API itself.
function run(connection, sql, values) {
  return new Promise(function (resolve, reject) {
    connection.query(sql, values, function (err, results, fields) {
      if (err) reject(err);
      else resolve({ results: results, fields: fields });
    });
  });
}

// end() lets queued work finish; destroy() afterwards covers connections that
// died, were never used, or hang (a paused stream) so no socket outlives a test.
function close(connection) {
  return new Promise(function (resolve) {
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      clearTimeout(timer);
      connection.destroy();
      resolve();
    }
    const timer = setTimeout(finish, 2000);
    connection.end(finish);
    // After end(): a connection that never connected has no socket before it.
    connection.resume();
  });
}

// Call inside a describe(): registers an afterEach that closes the tracked
// connections and runs the cleanup statements in reverse order.
function useFixtures() {
  const state = { connections: [], cleanup: [] };

  const fixtures = {
    connect: function (extra) {
      const connection = common.createConnection(extra);
      state.connections.push(connection);
      return connection;
    },
    // Register a table name to drop after the test; the test creates it.
    table: function (prefix) {
      const name = uniqueName(prefix || 't');
      state.cleanup.push('DROP TABLE IF EXISTS ' + common.mysql.escapeId(name));
      return name;
    },
    onCleanup: function (sql) {
      state.cleanup.push(sql);
    },
    run: run,
  };

  afterEach(async function () {
    const connections = state.connections.splice(0);
    const statements = state.cleanup.splice(0).reverse();
    await Promise.all(connections.map(close));
    if (statements.length === 0) return;

    const admin = common.createConnection();
    try {
      for (const sql of statements) await run(admin, sql);
    } finally {
      await close(admin);
    }
  });

  return fixtures;
}

// `count` rows (n, pad) from MariaDB's Sequence engine (seq_1_to_N), so no table is needed; pad is `width` letters.
function rowsSql(count, width) {
  return 'SELECT seq AS n, REPEAT(CHAR(65 + seq % 26), ' + width + ') AS pad FROM seq_1_to_' + count;
}

module.exports = { uniqueName: uniqueName, run: run, useFixtures: useFixtures, rowsSql: rowsSql };
