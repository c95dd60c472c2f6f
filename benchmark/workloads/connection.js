'use strict';

// What most workloads share: one connection to the real server, or to the replay server, and a check on results.

function openServer(driver, ctx, cb) {
  driver.connect(ctx.server, cb);
}

function openReplay(driver, ctx, cb) {
  driver.connect({ ...ctx.server, host: '127.0.0.1', port: ctx.replayPort }, cb);
}

function close(conn, cb) {
  conn.end(cb);
}

function expectRows(rows, count) {
  if (rows && rows.length === count) return null;
  const err = new Error('BENCH_WRONG_RESULT: expected ' + count + ' rows, got ' + (rows ? rows.length : rows));
  err.code = 'BENCH_WRONG_RESULT';
  return err;
}

// Runs `count` calls of `start(i, done)` at once and calls cb once all are done, with the first error.
function all(count, start, cb) {
  let left = count;
  let failed = null;
  const done = (err) => {
    if (err && !failed) failed = err;
    if (--left === 0) cb(failed);
  };
  for (let i = 0; i < count; i++) start(i, done);
}

module.exports = { openServer, openReplay, close, expectRows, all };
