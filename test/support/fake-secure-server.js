'use strict';

/*
 * The fake server of fake-server.js on a secure transport: it answers a
 * client's SSLRequest by upgrading the socket to TLS (when given TLS options),
 * or listens on a Unix socket path. The connections are fake-server.js's own
 * FakeConnection, reading and writing through the upgraded socket.
 *
 *   const server = createFakeSecureServer({ key, cert, minVersion, ... });
 *   server.on('connection', (conn) => conn.handshake({ capabilities: TLS_CAPABILITIES, ... }));
 *   server.listen(0 | '/path/to.sock', callback);  server.port();  server.destroy(callback)
 *
 * conn.socket.secure is true once the TLS handshake finished, and always on a
 * Unix socket: what a real server checks before it accepts a password sent in
 * the clear. After TLS, conn.socket.servername is the SNI the client sent and
 * conn.socket.protocol the TLS version ('TLSv1.3'). Without a 'connection' listener each connection gets
 * conn.handshake({ capabilities: TLS_CAPABILITIES }).
 *
 * useFakeSecureServer(options) inside describe(): like common.useFakeServer, a
 * server per test (ctx.server, on TCP; options() gives its TLS options, read
 * when the test starts) and ctx.createConnection(extra) for it.
 */

const EventEmitter = require('events');
const net = require('net');
const path = require('path');
const stream = require('stream');
const tls = require('tls');
const common = require('./common');
const { FakeConnection, DEFAULT_CAPABILITIES } = require('./fake-server');

const Client = require(path.join(common.lib, 'protocol', 'constants', 'client'));

const TLS_CAPABILITIES = DEFAULT_CAPABILITIES | Client.CLIENT_SSL;
const SSL_REQUEST_LENGTH = 32; // payload bytes; a handshake response is always longer
const HEADER_LENGTH = 4;

// The socket a FakeConnection sees: the plain TCP (or Unix) socket until the
// client's SSLRequest, then the cleartext side of a server-side TLS socket.
class UpgradableSocket extends stream.Duplex {
  constructor(raw, secureContext, secure, onUpgrade) {
    super();
    this.secure = secure;
    this._raw = raw;
    this._writer = raw;
    this._secureContext = secureContext;
    this._onUpgrade = onUpgrade;
    this._transport = null;
    // The client's first bytes, held until they show whether they are an SSLRequest.
    this._pending = secureContext ? Buffer.alloc(0) : null;

    raw.on('data', (chunk) => this._onRawData(chunk));
    raw.on('end', () => this.push(null));
    raw.on('error', (err) => this.destroy(err));
    raw.on('close', () => this.destroy());
  }

  _read() {}

  _write(chunk, encoding, callback) {
    this._writer.write(chunk, callback);
  }

  _final(callback) {
    this._writer.end();
    callback();
  }

  _destroy(err, callback) {
    this._raw.destroy();
    callback(err);
  }

  _onRawData(chunk) {
    if (this._transport) {
      this._transport.push(chunk);
      return;
    }
    if (!this._pending) {
      this.push(chunk);
      return;
    }
    const bytes = Buffer.concat([this._pending, chunk]);
    const complete = bytes.length >= HEADER_LENGTH && bytes.length >= HEADER_LENGTH + bytes.readUIntLE(0, 3);
    if (!complete) {
      this._pending = bytes;
      return;
    }
    this._pending = null;
    const length = bytes.readUIntLE(0, 3);
    const flags = length >= 4 ? bytes.readUInt32LE(HEADER_LENGTH) : 0;
    if (length === SSL_REQUEST_LENGTH && flags & Client.CLIENT_SSL) {
      this._upgrade(bytes.subarray(HEADER_LENGTH + length));
    } else {
      this.push(bytes);
    }
  }

  // TLS over a JS stream fed with the raw bytes, so the bytes already read
  // (the client's first TLS record may share a chunk with the SSLRequest) are
  // not lost.
  _upgrade(rest) {
    const raw = this._raw;
    this._transport = new stream.Duplex({
      read() {},
      write(chunk, encoding, callback) {
        raw.write(chunk, callback);
      },
    });
    const secureSocket = new tls.TLSSocket(this._transport, { isServer: true, secureContext: this._secureContext });
    secureSocket.on('secure', () => {
      this.secure = true;
      this.servername = secureSocket.servername;
      this.protocol = secureSocket.getProtocol();
    });
    secureSocket.on('data', (data) => this.push(data));
    secureSocket.on('error', () => this.destroy()); // a client that rejects the certificate is a test case
    this._writer = secureSocket;
    this._onUpgrade();
    if (rest.length) this._transport.push(rest);
  }
}

class FakeSecureServer extends EventEmitter {
  constructor(tlsOptions) {
    super();
    this._secureContext = tlsOptions ? tls.createSecureContext(tlsOptions) : null;
    this._connections = new Set();
    this._nextThreadId = 1;
    this._server = net.createServer((raw) => this._accept(raw));
    this._server.on('error', (err) => this.emit('error', err));
  }

  listen(target, callback) {
    if (typeof target === 'string') this._server.listen(target, callback);
    else this._server.listen(target, '127.0.0.1', callback);
  }

  port() {
    return this._server.address().port;
  }

  destroy(callback) {
    for (const conn of this._connections) conn.destroy();
    if (this._server.listening) this._server.close(() => callback && callback());
    else if (callback) process.nextTick(callback);
  }

  _accept(raw) {
    const overUnixSocket = typeof this._server.address() === 'string';
    let conn = null;
    // The swallowed SSLRequest took a sequence id: the response after TLS
    // comes one later than the FakeConnection would expect.
    const socket = new UpgradableSocket(raw, this._secureContext, overUnixSocket,
      () => conn._parser.incrementPacketNumber());
    conn = new FakeConnection(socket, this._nextThreadId++);
    this._connections.add(conn);
    conn.on('close', () => this._connections.delete(conn));
    if (this.listenerCount('connection') > 0) this.emit('connection', conn);
    else conn.handshake({ capabilities: TLS_CAPABILITIES });
  }
}

function createFakeSecureServer(tlsOptions) {
  return new FakeSecureServer(tlsOptions);
}

function useFakeSecureServer(options) {
  const ctx = {
    server: null,
    connections: [],
    createConnection: function (extra) {
      const connection = common.createFakeConnection(ctx.server, extra);
      ctx.connections.push(connection);
      return connection;
    },
  };
  beforeEach(function (done) {
    ctx.server = createFakeSecureServer(options());
    ctx.server.listen(0, done);
  });
  afterEach(function (done) {
    ctx.connections.splice(0).forEach((connection) => connection.destroy());
    ctx.server.destroy(done);
  });
  return ctx;
}

module.exports = { createFakeSecureServer, useFakeSecureServer, TLS_CAPABILITIES };
