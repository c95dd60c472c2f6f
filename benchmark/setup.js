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

// cb(err, serverVersion)
function create(server, cb) {
  const statements = [tables.DROP, ...tables.CREATE, 'SELECT VERSION() AS version'];
  runAll(server, statements, (err, results) => cb(err, err ? null : results[results.length - 1][0].version));
}

function drop(server, cb) {
  runAll(server, [tables.DROP], (err) => cb(err));
}

module.exports = { create, drop };
