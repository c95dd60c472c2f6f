'use strict';

// mysql2's callback API, text protocol (query, not execute), like the other drivers.
module.exports = require('./mysqljs-api')(require('mysql2'));
