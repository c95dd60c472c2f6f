'use strict';

// Replays a captured server conversation (corpus/*.json, possibly mutated) to
// whoever connects, in randomly sized TCP pieces. A turn is the bytes the real
// server sent after it had received `after` complete client packets; the
// replay sends each turn once the client has sent that many packets, whatever
// they contain. COM_QUIT closes the socket, as a server does. When the client
// sends nothing for idleMs (it waits for bytes a mutation removed), or more
// packets than the capture answered, the server ends the connection the way
// `ending` says: 'close' (FIN), 'reset' (RST) or 'silent' (keeps it open, so
// only the client's own timeouts can end the wait).

const net = require('net');
const { random } = require('../support/hostile-server');

const HEADER_LENGTH = 4;
const COM_QUIT = 0x01;

class ReplayConnection {
  constructor(socket, options) {
    this.socket = socket;
    this.turns = options.turns.map((turn) => ({ after: turn.after, bytes: Buffer.from(turn.hex, 'hex') }));
    this.ending = options.ending || 'close';
    this.idleMs = options.idleMs || 25;
    this.rand = random(options.seed || 1);
    this.next = 0;
    this.received = 0;
    this.input = Buffer.alloc(0);
    this.pending = [];
    this.writing = false;
    this.ended = false;
    this.idle = null;

    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('close', () => this.dispose());
    this.sendDue();
  }

  onData(chunk) {
    if (this.ended) return;
    this.input = Buffer.concat([this.input, chunk]);
    while (this.input.length >= HEADER_LENGTH) {
      const length = this.input.readUIntLE(0, 3);
      if (this.input.length < HEADER_LENGTH + length) break;
      const payload = this.input.subarray(HEADER_LENGTH, HEADER_LENGTH + length);
      this.input = this.input.subarray(HEADER_LENGTH + length);
      this.received++;
      if (length === 1 && payload[0] === COM_QUIT) {
        this.end('close');
        return;
      }
      if (this.next >= this.turns.length) {
        this.end(this.ending);
        return;
      }
    }
    this.sendDue();
  }

  sendDue() {
    while (this.next < this.turns.length && this.turns[this.next].after <= this.received) {
      this.queue(this.turns[this.next++].bytes);
    }
    this.armIdle();
  }

  queue(bytes) {
    for (let offset = 0; offset < bytes.length;) {
      // Mostly tiny pieces, sometimes the rest of the turn at once.
      const size = this.rand() < 0.8 ? 1 + Math.floor(this.rand() * 12) : bytes.length;
      this.pending.push(bytes.subarray(offset, offset + size));
      offset += size;
    }
    this.flush();
  }

  flush() {
    if (this.writing || this.ended) return;
    const piece = this.pending.shift();
    if (!piece) {
      this.armIdle();
      return;
    }
    this.writing = true;
    this.socket.write(piece);
    setImmediate(() => {
      this.writing = false;
      this.flush();
    });
  }

  armIdle() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.ended || this.ending === 'silent' || this.pending.length) return;
    this.idle = setTimeout(() => this.end(this.ending), this.idleMs);
  }

  end(how) {
    if (this.ended) return;
    if (how === 'silent') {
      this.ended = true;
      this.clearIdle();
      return;
    }
    this.ended = true;
    this.clearIdle();
    if (how === 'reset') this.socket.resetAndDestroy();
    else this.socket.end();
  }

  clearIdle() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }

  dispose() {
    this.ended = true;
    this.pending.length = 0;
    this.clearIdle();
    this.socket.destroy();
  }
}

class ReplayServer {
  constructor(options) {
    this.connections = new Set();
    this.server = net.createServer((socket) => {
      const connection = new ReplayConnection(socket, options);
      this.connections.add(connection);
      socket.on('close', () => this.connections.delete(connection));
    });
  }

  listen(callback) {
    this.server.listen(0, '127.0.0.1', callback);
  }

  port() {
    return this.server.address().port;
  }

  close(callback) {
    for (const connection of this.connections) connection.dispose();
    this.server.close(() => callback && callback());
  }
}

function createReplayServer(options) {
  return new ReplayServer(options);
}

module.exports = { createReplayServer };
