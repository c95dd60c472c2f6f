'use strict';

// require('mysql-ts/promise'): the promise API (see lib/promise.js).
module.exports = require('./lib/promise');
