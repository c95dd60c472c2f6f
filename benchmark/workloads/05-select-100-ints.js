'use strict';

const { openServer, close, expectRows } = require('./connection');

module.exports = {
  id: 5,
  title: 'SELECT 1 row of 100 INT columns',
  unit: 'query',
  unitsPerOp: 1,
  // mysql2 compiles a parser for these 100 columns, and TurboFan takes seconds over it on a background thread:
  // 2.8 s on a Xeon host, 5-6 s on an AMD EPYC one, where after 3 s of warm-up mysql2 still spent 415 µs of CPU
  // per query (136 µs after 8 s) and kept 1.3 cores busy, which also wakes the client sooner for each reply.
  minWarmupMs: 10000,
  open: openServer,
  op(conn, cb) {
    conn.query('SELECT * FROM bench_int100', undefined, (err, rows) => cb(err || expectRows(rows, 1)));
  },
  close,
};
