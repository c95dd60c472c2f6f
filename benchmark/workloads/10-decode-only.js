'use strict';

const { openReplay, close, expectRows } = require('./connection');
const { REPLAY_SQL, REPLAY_COUNT } = require('../tables');

module.exports = {
  id: 10,
  title: 'decode only: 10k rows from the replay server',
  unit: 'row',
  unitsPerOp: REPLAY_COUNT,
  floor: true,
  replay: true,
  open: openReplay,
  op(conn, cb) {
    conn.query(REPLAY_SQL, undefined, (err, rows) => cb(err || expectRows(rows, REPLAY_COUNT)));
  },
  close,
};
