'use strict';

const { openServer, close, all } = require('./connection');

const DEPTH = 100;

module.exports = {
  id: 3,
  title: '100 × `DO 1` issued at once, 1 connection',
  unit: 'query',
  unitsPerOp: DEPTH,
  floor: true,
  open: openServer,
  op(conn, cb) {
    all(DEPTH, (i, done) => conn.query('DO 1', undefined, done), cb);
  },
  close,
};
