'use strict';

// Child process: listens on 127.0.0.1 with a backlog of 1, prints the port,
// then blocks its event loop for good. The kernel completes at most two
// connections into the accept queue and drops every later SYN, so a TCP
// connect to the port never finishes: what a connect timeout is for.

const net = require('net');

const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, function () {
  process.stdout.write(server.address().port + '\n', function () {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  });
});
