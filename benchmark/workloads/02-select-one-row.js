'use strict';

const { openServer, close, expectRows } = require('./connection');

module.exports = {
  id: 2,
  title: 'SELECT INT + CHAR(32), 1 row, sequential',
  unit: 'query',
  unitsPerOp: 1,
  open: openServer,
  op(conn, cb) {
    conn.query('SELECT id, c FROM bench_char1', undefined, (err, rows) => cb(err || expectRows(rows, 1)));
  },
  close,
};
