'use strict';

const { openServer, close } = require('./connection');

const COLUMNS = 10;
const SQL = 'INSERT INTO bench_insert (' + Array.from({ length: COLUMNS }, (_, i) => 'v' + (i + 1)).join(', ') +
  ') VALUES (' + Array(COLUMNS).fill('?').join(', ') + ')';
// 100 characters each, one of them a quote so that escaping does some work.
const VALUES = Array.from({ length: COLUMNS }, (_, i) => ("it's value " + i + ' ').padEnd(100, 'abcdefghij'));

module.exports = {
  id: 6,
  title: 'INSERT 10 × VARCHAR(100) (MyISAM)',
  unit: 'query',
  unitsPerOp: 1,
  open: openServer,
  op(conn, cb) {
    conn.query(SQL, VALUES, (err, result) => {
      if (err) return cb(err);
      cb(result.affectedRows === 1 ? null : new Error('BENCH_WRONG_RESULT: affectedRows ' + result.affectedRows));
    });
  },
  close,
};
