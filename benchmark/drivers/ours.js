'use strict';

const api = require('./mysqljs-api')(require('../../lib/index.js'));

// The pool skips the ping of a connection reused within 500 ms, as the mariadb connector's pool does by default
// (its minDelayValidation); mysql pings before every reuse, and that is still mysql-ts's default.
const MIN_DELAY_VALIDATION_MS = 500;

module.exports = {
  ...api,
  createPool(options, size) {
    return api.createPool({ ...options, minDelayValidation: MIN_DELAY_VALIDATION_MS }, size);
  },
};
