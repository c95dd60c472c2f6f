'use strict';

// Every workload, in report order. A workload is { id, title, unit ('query' | 'row'), unitsPerOp, floor?,
// replay?, minOps? (the fewest operations a measuring window holds, for operations that take a large part of
// a window), open(driver, ctx, cb(err, session)), op(session, cb(err)), close(session, cb) }.
module.exports = [
  require('./01-do-sequential'),
  require('./02-select-one-row'),
  require('./03-queue-depth'),
  require('./04-select-1000-rows'),
  require('./05-select-100-ints'),
  require('./06-insert'),
  require('./07-pool'),
  require('./08-stream-events'),
  require('./09-stream-slow-consumer'),
  require('./10-decode-only'),
];
