'use strict';

// The floor client behind the common interface. It decodes no rows: query() hands back { length: rowCount }
// where a driver would hand back the rows, and eachRow() calls onRow() with nothing for each row packet.
const rawClient = require('../raw-client');

function wrapClient(client) {
  return {
    query(sql, values, cb) {
      client.query(sql, null, (err, rows) => cb(err, err ? null : { length: rows }));
    },
    eachRow(sql, onRow, cb) {
      client.query(sql, onRow, (err) => cb(err));
    },
    end(cb) {
      client.end(cb);
    },
  };
}

module.exports = {
  connect(options, cb) {
    rawClient.connect(options, (err, client) => cb(err, err ? null : wrapClient(client)));
  },
};
