'use strict';

// Creates and drops the bench_ tables. It uses mysql 2.18.1 so that a broken build of ours cannot break setup.
const mysql = require('mysql');
const tables = require('./tables');

function runAll(server, statements, cb) {
  const connection = mysql.createConnection(server);
  const results = [];
  const next = (i) => {
    if (i === statements.length) return connection.end(() => cb(null, results));
    connection.query(statements[i], (err, rows) => {
      if (err) {
        connection.destroy();
        return cb(err);
      }
      results.push(rows);
      next(i + 1);
    });
  };
  next(0);
}

/** Creates (again) and fills the bench_ tables; resolves with the server's version. */
function create(server) {
  const statements = [tables.DROP, ...tables.CREATE, 'SELECT VERSION() AS version'];
  return new Promise((resolve, reject) => runAll(server, statements, (err, results) =>
    (err ? reject(err) : resolve(results[results.length - 1][0].version))));
}

/** Drops the bench_ tables at the end of a run; a failure is reported, not raised, since the results stand. */
function drop(server) {
  return new Promise((resolve) => runAll(server, [tables.DROP], (err) => {
    if (err) process.stderr.write('could not drop the bench_ tables: ' + err.message + '\n');
    resolve();
  }));
}

module.exports = { create, drop };
