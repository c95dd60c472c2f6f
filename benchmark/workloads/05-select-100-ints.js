'use strict';

const { openServer, close, expectRows } = require('./connection');

module.exports = {
  id: 5,
  title: 'SELECT 1 row of 100 INT columns',
  unit: 'query',
  unitsPerOp: 1,
  open: openServer,
  op(conn, cb) {
    conn.query('SELECT * FROM bench_int100', undefined, (err, rows) => cb(err || expectRows(rows, 1)));
  },
  close,
};
