'use strict';

module.exports = require('./mysqljs-api')(require('../../lib/index.js'));
