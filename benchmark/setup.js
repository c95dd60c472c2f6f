'use strict';

// Creates and drops the bench_ tables. It uses mysql 2.18.1 so that a broken build of ours cannot break setup.
//
// `npm run bench`, `bench:decode` and `bench:instructions` share the tables, and each drops them when it ends:
// one started while another measures would pull the tables from under it. So create() first takes a named lock
// on the server, held by a connection of its own for as long as the process runs (the server lets it go if the
// process dies), and a second command stops at once with BENCH_TABLES_IN_USE; drop() only drops what this process
// created.
const mysql = require('mysql');
const tables = require('./tables');

const LOCK_NAME = 'mysql_ts_bench_tables';

let lockConnection = null;

function runAll(connection, statements, cb) {
  const results = [];
  const next = (i) => {
    if (i === statements.length) return cb(null, results);
    connection.query(statements[i], (err, rows) => {
      if (err) return cb(err);
      results.push(rows);
      next(i + 1);
    });
  };
  next(0);
}

function runOnce(server, statements, cb) {
  const connection = mysql.createConnection(server);
  runAll(connection, statements, (err, results) => {
    if (err) connection.destroy();
    else connection.end();
    cb(err, results);
  });
}

function inUse() {
  const err = new Error('another bench command (npm run bench, bench:decode or bench:instructions) is using the '
    + 'bench_ tables on this server: wait until it has finished');
  err.code = 'BENCH_TABLES_IN_USE';
  return err;
}

function takeLock(server, cb) {
  const connection = mysql.createConnection(server);
  runAll(connection, [`SELECT GET_LOCK('${LOCK_NAME}', 0) AS taken`], (err, results) => {
    if (err || results[0][0].taken !== 1) {
      connection.destroy();
      return cb(err || inUse());
    }
    // Held until drop() or the end of the process; it must not keep the process alive by itself.
    connection._socket.unref();
    connection.on('error', (lost) => process.stderr.write('the bench lock was lost: ' + lost.message + '\n'));
    lockConnection = connection;
    cb(null);
  });
}

/** Takes the bench lock, then creates (again) and fills the bench_ tables; resolves with the server's version. */
function create(server) {
  const statements = [tables.DROP, ...tables.CREATE, 'SELECT VERSION() AS version'];
  return new Promise((resolve, reject) => takeLock(server, (lockErr) => {
    if (lockErr) return reject(lockErr);
    runOnce(server, statements, (err, results) => (err ? reject(err) : resolve(results[results.length - 1][0].version)));
  }));
}

/**
 * Drops the bench_ tables this process created and lets the lock go; a failure is reported, not raised, since the
 * results stand. Without the lock (create() failed or never ran) there is nothing of ours to drop.
 */
function drop(server) {
  const lock = lockConnection;
  if (lock === null) return Promise.resolve();
  lockConnection = null;
  return new Promise((resolve) => runOnce(server, [tables.DROP], (err) => {
    if (err) process.stderr.write('could not drop the bench_ tables: ' + err.message + '\n');
    lock.end(() => resolve());
  }));
}

module.exports = { create, drop };
