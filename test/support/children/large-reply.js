'use strict';

// Run in a child process by test/integration/connection/test-read-coalescing.js: one connection, one large
// reply (argv[2], a query whose column n counts from 1), nothing else to keep the process alive while the socket
// is paused between reads. Prints one line of JSON at the end: the rows received in order, and the socket's pauses.
const common = require('../common');

const SQL = process.argv[2];

const connection = common.createConnection();
let pauses = 0;
let rows = 0;
connection.connect(function (err) {
  if (err) throw err;
  const socket = connection._socket;
  const pause = socket.pause;
  socket.pause = function () {
    pauses++;
    return pause.apply(this, arguments);
  };
  const query = connection.query(SQL);
  query.on('result', function (row) {
    if (row.n === rows + 1) rows++;
  });
  query.on('error', function (queryErr) { throw queryErr; });
  query.on('end', function () {
    connection.end(function () {
      console.log(JSON.stringify({ rows: rows, pauses: pauses }));
    });
  });
});
