'use strict';

module.exports = require('./mysqljs-api')(require('mysql'));
