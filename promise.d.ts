import promise = require('./lib/promise');
export = promise;
