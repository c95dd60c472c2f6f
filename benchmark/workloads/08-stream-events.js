'use strict';

const { openServer, close } = require('./connection');
const { ROWS_SQL, ROWS_COUNT } = require('../tables');

module.exports = {
  id: 8,
  title: "100k rows × 5 columns, `on('result')`",
  unit: 'row',
  unitsPerOp: ROWS_COUNT,
  floor: true,
  open: openServer,
  op(conn, cb) {
    let rows = 0;
    conn.eachRow(ROWS_SQL, () => { rows++; }, (err) => {
      if (err) return cb(err);
      cb(rows === ROWS_COUNT ? null : new Error('BENCH_WRONG_RESULT: ' + rows + ' rows'));
    });
  },
  close,
};
