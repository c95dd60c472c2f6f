'use strict';

// The mariadb connector's callback API, adapted to the interface described in mysqljs-api.js.
const mariadb = require('mariadb/callback');

function wrapConnection(connection) {
  return {
    query(sql, values, cb) {
      if (values === undefined) connection.query(sql, cb);
      else connection.query(sql, values, cb);
    },
    eachRow(sql, onRow, cb) {
      // Without a callback the query is an emitter; its 'end' carries the error, if any.
      connection.query(sql).on('data', onRow).on('end', (err) => cb(err || null));
    },
    stream(sql) {
      return connection.queryStream(sql);
    },
    end(cb) {
      connection.end(cb);
    },
  };
}

// The connector takes a collation name as `collation`; mysqljs's `charset` names one too.
function connectorOptions({ charset, ...options }) {
  return charset ? { ...options, collation: charset } : options;
}

module.exports = {
  connect(options, cb) {
    const connection = mariadb.createConnection(connectorOptions(options));
    connection.connect((err) => cb(err || null, err ? null : wrapConnection(connection)));
  },
  createPool(options, size) {
    const pool = mariadb.createPool({ ...connectorOptions(options), connectionLimit: size });
    return {
      query: (sql, values, cb) => pool.query(sql, values, cb),
      end: (cb) => pool.end(cb),
    };
  },
};
