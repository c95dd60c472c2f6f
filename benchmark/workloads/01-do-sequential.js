'use strict';

const { openServer, close } = require('./connection');

module.exports = {
  id: 1,
  title: '`DO 1`, sequential',
  unit: 'query',
  unitsPerOp: 1,
  floor: true,
  open: openServer,
  op(conn, cb) {
    conn.query('DO 1', undefined, cb);
  },
  close,
};
