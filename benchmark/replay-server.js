'use strict';

// Workload 10's server: a local process that captures the real server's bytes for one result set once, then
// answers that query with those bytes for as long as it runs. Drivers that read from it spend their time on
// decoding alone: the replay costs one socket write per query.
//
// Run by run.js through fork(); argv[2] is JSON { server, sql }. It reports { port, bytes, rows } over IPC
// and exits when its parent goes away.

const net = require('net');
const crypto = require('crypto');
const rawClient = require('./raw-client');
const wire = require('./wire');

const SERVER_VERSION = '5.7.99-bench-replay';
const EXTRA_CAPABILITIES = 0x00000002 | 0x00100000 | 0x00200000; // FOUND_ROWS, CONNECT_ATTRS, LENENC auth data
const AUTOCOMMIT = 0x0002;
const SCRAMBLE_LENGTH = 20;

function capture(server, sql, cb) {
  rawClient.connect(server, (err, client) => {
    if (err) return cb(err);
    const chunks = [];
    // Prepended so the chunk that completes the query is recorded before the completion callback runs.
    const record = (chunk) => chunks.push(chunk);
    client.socket.prependListener('data', record);
    client.query(sql, null, (queryErr, rows) => {
      client.socket.removeListener('data', record);
      client.end(() => cb(queryErr, Buffer.concat(chunks), rows));
    });
  });
}

function greeting(connectionId) {
  const scramble = crypto.randomBytes(SCRAMBLE_LENGTH).map((byte) => byte % 0x7f || 1);
  const capabilities = (wire.CAPABILITIES | EXTRA_CAPABILITIES) >>> 0;
  // capabilities (low), charset, status, capabilities (high), auth data length, 10 reserved bytes
  const fixed = Buffer.alloc(18);
  fixed.writeUInt16LE(capabilities & 0xffff, 0);
  fixed[2] = wire.UTF8MB4_GENERAL_CI;
  fixed.writeUInt16LE(AUTOCOMMIT, 3);
  fixed.writeUInt16LE(capabilities >>> 16, 5);
  fixed[7] = SCRAMBLE_LENGTH + 1;
  const id = Buffer.alloc(4);
  id.writeUInt32LE(connectionId, 0);
  return wire.packet(0, Buffer.concat([
    Buffer.from([10]),
    Buffer.from(SERVER_VERSION + '\0'),
    id,
    scramble.subarray(0, 8),
    Buffer.from([0]),
    fixed,
    scramble.subarray(8),
    Buffer.from([0]),
    Buffer.from(wire.NATIVE_PASSWORD + '\0'),
  ]));
}

// Client packets are small, so they are simply buffered until whole.
function serve(socket, connectionId, sql, response) {
  let buffered = Buffer.alloc(0);
  let loggedIn = false;
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.write(greeting(connectionId));
  socket.on('data', (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= wire.HEADER_LENGTH) {
      const length = buffered.readUIntLE(0, 3);
      if (buffered.length < wire.HEADER_LENGTH + length) break;
      const sequenceId = buffered[3];
      const payload = buffered.subarray(wire.HEADER_LENGTH, wire.HEADER_LENGTH + length);
      buffered = buffered.subarray(wire.HEADER_LENGTH + length);
      if (!loggedIn) {
        loggedIn = true;
        socket.write(wire.okPacket(sequenceId + 1));
        continue;
      }
      const command = payload[0];
      if (command === wire.COM_QUIT) return socket.end();
      const isReplay = command === wire.COM_QUERY && payload.toString('utf8', 1) === sql;
      socket.write(isReplay ? response : wire.okPacket(1));
    }
  });
}

function main() {
  const { server, sql } = JSON.parse(process.argv[2]);
  capture(server, sql, (err, response, rows) => {
    if (err) throw err;
    let connections = 0;
    const listener = net.createServer((socket) => serve(socket, ++connections, sql, response));
    listener.listen(0, '127.0.0.1', () => {
      process.send({ port: listener.address().port, bytes: response.length, rows });
    });
  });
  process.on('disconnect', () => process.exit(0));
}

main();
