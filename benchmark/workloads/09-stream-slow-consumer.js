'use strict';

const stream = require('stream');
const { openServer, close } = require('./connection');
const { ROWS_SQL, ROWS_COUNT } = require('../tables');

// The consumer stalls 1 ms every 250 rows (under 250k rows/s, slower than any driver produces), so a driver
// that ignores backpressure piles the result up in memory and shows it in peak RSS.
const ROWS_PER_STALL = 250;
const STALL_MS = 1;

function slowConsumer() {
  let rows = 0;
  const consumer = new stream.Writable({
    objectMode: true,
    write(row, encoding, cb) {
      if (++rows % ROWS_PER_STALL === 0) setTimeout(cb, STALL_MS);
      else cb();
    },
  });
  consumer.rows = () => rows;
  return consumer;
}

module.exports = {
  id: 9,
  title: '100k rows, `stream()` into a slow consumer',
  unit: 'row',
  unitsPerOp: ROWS_COUNT,
  // One operation takes about 0.5 s: a 1 s window of two would weigh its start and end as much as its rows.
  minOps: 6,
  open: openServer,
  op(conn, cb) {
    const consumer = slowConsumer();
    stream.pipeline(conn.stream(ROWS_SQL), consumer, (err) => {
      if (err) return cb(err);
      cb(consumer.rows() === ROWS_COUNT ? null : new Error('BENCH_WRONG_RESULT: ' + consumer.rows() + ' rows'));
    });
  },
  close,
};
