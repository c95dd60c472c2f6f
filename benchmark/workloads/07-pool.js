'use strict';

const { all, expectRows } = require('./connection');

const POOL_SIZE = 10;
const CONCURRENT = 1000;

module.exports = {
  id: 7,
  title: 'pool of 10, 1000 concurrent `SELECT ?`',
  unit: 'query',
  unitsPerOp: CONCURRENT,
  open(driver, ctx, cb) {
    try {
      cb(null, driver.createPool(ctx.server, POOL_SIZE));
    } catch (err) {
      cb(err);
    }
  },
  op(pool, cb) {
    all(CONCURRENT, (i, done) => pool.query('SELECT ?', [i], (err, rows) => done(err || expectRows(rows, 1))), cb);
  },
  close(pool, cb) {
    pool.end(cb);
  },
};
