'use strict';

const { openServer, close, expectRows } = require('./connection');

module.exports = {
  id: 4,
  title: 'SELECT 1000 rows of CHAR(32)',
  unit: 'query',
  unitsPerOp: 1,
  floor: true,
  open: openServer,
  op(conn, cb) {
    conn.query('SELECT c FROM bench_char1000', undefined, (err, rows) => cb(err || expectRows(rows, 1000)));
  },
  close,
};
