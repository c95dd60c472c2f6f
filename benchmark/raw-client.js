'use strict';

// The floor: a MySQL client that logs in (mysql_native_password, empty password), frames packets and decodes
// nothing but the first payload byte of each packet, which is all it takes to see where a response ends.
// Whatever a driver costs above this client is its own work.

const net = require('net');
const wire = require('./wire');

const AWAIT_GREETING = 0;
const AWAIT_AUTH = 1;
const READY = 2;
const MAX_PACKET_SIZE = 0x1000000;

function rawError(code, message) {
  const err = new Error(code + ': ' + message);
  err.code = code;
  return err;
}

function handshakeResponse(options) {
  const user = Buffer.from(options.user + '\0');
  const database = Buffer.from((options.database || '') + '\0');
  const plugin = Buffer.from(wire.NATIVE_PASSWORD + '\0');
  const fixed = Buffer.alloc(32);
  fixed.writeUInt32LE(wire.CAPABILITIES >>> 0, 0);
  fixed.writeUInt32LE(MAX_PACKET_SIZE, 4);
  fixed[8] = wire.UTF8MB4_GENERAL_CI;
  // An empty password's mysql_native_password token is empty whatever the seed: one length byte of 0.
  return Buffer.concat([fixed, user, Buffer.from([0]), database, plugin]);
}

class RawClient {
  constructor(socket, options, onConnect) {
    this.socket = socket;
    this._options = options;
    this._onConnect = onConnect;
    this._phase = AWAIT_GREETING;
    this._headerRead = 0;
    this._length = 0;
    this._sequenceId = 0;
    this._left = 0;
    this._first = -1;
    this._pending = [];
    this._head = 0;
    this._inResultSet = false;
    this._eofs = 0;
    this._rows = 0;
    this._corked = false;
    socket.on('data', (chunk) => this._onData(chunk));
    socket.on('error', (err) => this._fail(err));
    socket.on('close', () => this._fail(rawError('RAW_CONNECTION_LOST', 'the server closed the connection')));
  }

  // Sends now; queued commands are pipelined, and writes made in the same tick leave as one segment.
  query(sql, onRow, cb) {
    this._pending.push({ onRow, cb });
    if (!this._corked) {
      this._corked = true;
      this.socket.cork();
      process.nextTick(uncork, this);
    }
    this.socket.write(wire.queryPacket(sql));
  }

  end(cb) {
    this.socket.once('close', () => cb(null));
    this.socket.end(wire.packet(0, Buffer.from([wire.COM_QUIT])));
  }

  // Walks the chunk in place: a header may straddle chunks, a payload is skipped without being copied.
  _onData(chunk) {
    const end = chunk.length;
    let i = 0;
    while (i < end) {
      if (this._headerRead < wire.HEADER_LENGTH) {
        const byte = chunk[i++];
        if (this._headerRead < 3) this._length |= byte << (8 * this._headerRead);
        else this._sequenceId = byte;
        if (++this._headerRead === wire.HEADER_LENGTH) {
          this._left = this._length;
          this._first = -1;
          if (this._left === 0) this._endPacket();
        }
        continue;
      }
      if (this._left === this._length) this._first = chunk[i];
      const take = Math.min(this._left, end - i);
      i += take;
      this._left -= take;
      if (this._left === 0) this._endPacket();
    }
  }

  _endPacket() {
    const first = this._first;
    const length = this._length;
    this._headerRead = 0;
    this._length = 0;
    if (this._phase !== READY) this._handshakePacket(first);
    else this._responsePacket(first, length);
  }

  _handshakePacket(first) {
    if (this._phase === AWAIT_GREETING) {
      if (first === wire.ERR_BYTE) return this._connected(rawError('RAW_HANDSHAKE', 'the server refused the connection'));
      this._phase = AWAIT_AUTH;
      this.socket.write(wire.packet(this._sequenceId + 1, handshakeResponse(this._options)));
      return;
    }
    if (first === wire.OK_BYTE) {
      this._phase = READY;
      return this._connected(null);
    }
    if (first === wire.EOF_BYTE) {
      // Auth switch request: the answer for an empty password is empty again.
      this.socket.write(wire.packet(this._sequenceId + 1, Buffer.alloc(0)));
      return;
    }
    this._connected(rawError('RAW_AUTH', 'authentication failed'));
  }

  _responsePacket(first, length) {
    if (!this._inResultSet) {
      if (first === wire.OK_BYTE) return this._complete(null);
      if (first === wire.ERR_BYTE) return this._complete(rawError('RAW_ERR_PACKET', 'the server answered with an error'));
      this._inResultSet = true;
      this._eofs = 0;
      this._rows = 0;
      return;
    }
    if (first === wire.EOF_BYTE && length < wire.EOF_MAX_LENGTH) {
      if (++this._eofs === 2) {
        this._inResultSet = false;
        this._complete(null);
      }
      return;
    }
    if (first === wire.ERR_BYTE) {
      this._inResultSet = false;
      return this._complete(rawError('RAW_ERR_PACKET', 'the server answered with an error'));
    }
    if (this._eofs === 1) {
      this._rows++;
      const onRow = this._pending[this._head].onRow;
      if (onRow) onRow();
    }
  }

  _complete(err) {
    const command = this._pending[this._head];
    this._pending[this._head++] = undefined;
    if (this._head === this._pending.length) {
      this._pending.length = 0;
      this._head = 0;
    }
    command.cb(err, err ? 0 : this._rows);
    this._rows = 0;
  }

  _connected(err) {
    const onConnect = this._onConnect;
    this._onConnect = null;
    if (err) this.socket.destroy();
    if (onConnect) onConnect(err, err ? null : this);
  }

  _fail(err) {
    if (this._onConnect) return this._connected(err);
    const pending = this._pending.slice(this._head);
    this._pending = [];
    this._head = 0;
    pending.forEach((command) => command.cb(err, 0));
  }
}

function uncork(client) {
  client._corked = false;
  client.socket.uncork();
}

function connect(options, cb) {
  const socket = net.connect({ host: options.host, port: options.port });
  socket.setNoDelay(true);
  return new RawClient(socket, options, cb);
}

module.exports = { connect };
