'use strict';

/*
 * A fake MySQL server for unit tests, built from the library under test's own
 * packet classes, Parser and PacketWriter (common.lib), so it runs against ours
 * and against upstream mysqljs alike.
 *
 *   const server = createFakeServer();
 *   server.listen(0, cb[, host = '127.0.0.1']);  server.port();  server.destroy(cb)  (closes every connection)
 *   server.connections()  the FakeConnections whose socket is still open
 *   server.on('connection', conn => conn.handshake(options))
 *     Without a 'connection' listener each connection gets conn.handshake().
 *
 * conn.handshake(options) sends a HandshakeInitializationPacket. Options:
 *   serverVersion ('5.7.30-fake'), threadId (a per-server counter from 1),
 *   scramble (20-byte Buffer; random printable bytes), capabilities
 *   (DEFAULT_CAPABILITIES), pluginName ('mysql_native_password'; null sends
 *   none), serverLanguage (33), serverStatus (2: autocommit), sequenceId
 *   (0; another value tests the client's sequence check), and
 *   auth(packet, conn): decides every authentication step. It receives the
 *   ClientAuthenticationPacket, then any AuthSwitchResponsePacket or
 *   OldPasswordPacket, and a ComChangeUserPacket when nobody listens for
 *   'changeUser'; it answers (now or later) with conn.ok(), conn.error(...),
 *   conn.authSwitch(pluginName, data) or conn.useOldPassword(). Default: ok().
 *   conn.scramble and conn.threadId hold what was sent.
 *
 * Events on conn: 'clientAuthentication', 'authSwitchResponse', 'oldPassword'
 * (the parsed packet; auth() still decides), 'packet' (every packet received),
 * 'error' (client bytes that could not be parsed), 'close', and the commands
 * 'query' (ComQueryPacket), 'ping', 'statistics', 'changeUser'
 * (ComChangeUserPacket), 'quit'. A command with a listener is answered by that
 * listener; without one the server answers by itself: query and ping -> ok(),
 * statistics -> a StatisticsPacket, changeUser -> auth() or ok(),
 * quit -> closes the socket. Unknown commands get ER_UNKNOWN_COM_ERROR.
 *
 * Answers: conn.ok({affectedRows, insertId, serverStatus, warningCount,
 * message}), conn.error(message, errno = 1105, sqlState = 'HY000'),
 * conn.eof({warningCount, serverStatus}), conn.statistics(message),
 * conn.sendResultSet(fields, rows, {serverStatus}) (fields: names or
 * FieldPacket options; rows: arrays or objects keyed by field name; values are
 * strings, numbers, Buffers or null), conn.writeRow(values),
 * conn.writePacket(packet, {sequenceId}) (ok() and eof() take sequenceId too:
 * the id of their first packet), conn.writeRaw(buffer) (bytes as
 * they are, for malformed-packet tests), conn.end(), conn.destroy();
 * conn.Packets is the library's packets module, for writePacket().
 *
 * Commands are answered one at a time, as a real server does: a command that
 * arrives while an earlier one is unanswered (a pipelining client sends them
 * together) waits until the earlier one's reply ends with an OK, an error,
 * statistics or the last EOF of its result sets.
 *
 * Sequence ids are handled here: a reply continues from the id of the last
 * packet received, and each client command is expected to start again at 0,
 * except after a packet that asks the client for more (handshake, auth switch,
 * old-password request), where the client continues the count. Packets over
 * 16 MB are split and joined by PacketWriter and Parser. TLS and LOCAL INFILE
 * are not supported.
 */

const crypto = require('crypto');
const EventEmitter = require('events');
const net = require('net');
const path = require('path');
const common = require('./common');

const Packets = require(path.join(common.lib, 'protocol', 'packets'));
const Parser = require(path.join(common.lib, 'protocol', 'Parser'));
const PacketWriter = require(path.join(common.lib, 'protocol', 'PacketWriter'));
const Client = require(path.join(common.lib, 'protocol', 'constants', 'client'));
const Types = require(path.join(common.lib, 'protocol', 'constants', 'types'));

const UTF8_GENERAL_CI = 33;
const SERVER_STATUS_AUTOCOMMIT = 2;
const ER_UNKNOWN_ERROR = 1105;
const ER_UNKNOWN_COM_ERROR = 1047;
const SERVER_MORE_RESULTS_EXISTS = 8;

// What a MySQL 5.7 server offers, minus TLS (the fake server cannot do it).
const DEFAULT_CAPABILITIES =
  Client.CLIENT_LONG_PASSWORD | Client.CLIENT_FOUND_ROWS | Client.CLIENT_LONG_FLAG |
  Client.CLIENT_CONNECT_WITH_DB | Client.CLIENT_ODBC | Client.CLIENT_LOCAL_FILES |
  Client.CLIENT_IGNORE_SPACE | Client.CLIENT_PROTOCOL_41 | Client.CLIENT_INTERACTIVE |
  Client.CLIENT_IGNORE_SIGPIPE | Client.CLIENT_TRANSACTIONS | Client.CLIENT_RESERVED |
  Client.CLIENT_SECURE_CONNECTION | Client.CLIENT_MULTI_STATEMENTS |
  Client.CLIENT_MULTI_RESULTS | Client.CLIENT_PS_MULTI_RESULTS | Client.CLIENT_PLUGIN_AUTH;

// Command byte -> [packet class, event name].
const COMMANDS = {
  0x01: [Packets.ComQuitPacket, 'quit'],
  0x03: [Packets.ComQueryPacket, 'query'],
  0x09: [Packets.ComStatisticsPacket, 'statistics'],
  0x0e: [Packets.ComPingPacket, 'ping'],
  0x11: [Packets.ComChangeUserPacket, 'changeUser'],
};

// Packets after which the client answers within the same sequence, and what
// the answer is.
const CONTINUATIONS = {
  HandshakeInitializationPacket: [Packets.ClientAuthenticationPacket, 'clientAuthentication'],
  AuthSwitchRequestPacket: [Packets.AuthSwitchResponsePacket, 'authSwitchResponse'],
  UseOldPasswordPacket: [Packets.OldPasswordPacket, 'oldPassword'],
};

class FakeServer extends EventEmitter {
  constructor() {
    super();
    this._connections = new Set();
    this._nextThreadId = 1;
    this._server = net.createServer((socket) => this._accept(socket));
    this._server.on('error', (err) => this.emit('error', err));
  }

  listen(port, callback, host) {
    this._server.listen(port, host || '127.0.0.1', callback);
  }

  port() {
    return this._server.address().port;
  }

  connections() {
    return [...this._connections];
  }

  destroy(callback) {
    for (const conn of this._connections) conn.destroy();
    if (this._server.listening) this._server.close(() => callback && callback());
    else if (callback) process.nextTick(callback);
  }

  _accept(socket) {
    // Without this, Nagle's algorithm holds back the second packet of every multi-packet reply by ~40 ms.
    socket.setNoDelay(true);
    const conn = new FakeConnection(socket, this._nextThreadId++);
    this._connections.add(conn);
    conn.on('close', () => this._connections.delete(conn));
    if (this.listenerCount('connection') > 0) this.emit('connection', conn);
    else conn.handshake();
  }
}

class FakeConnection extends EventEmitter {
  constructor(socket, threadId) {
    super();
    this.Packets = Packets;
    this.socket = socket;
    this.threadId = threadId;
    this.scramble = null;
    this._options = {};
    this._protocol41 = true;
    this._expected = null; // [packet class, event] while the client continues a sequence
    this._nextSequenceId = 0;
    this._busy = false; // a command is being answered
    this._waiting = []; // [event, packet, first reply id] of the commands received meanwhile
    this._rowSetEofs = -1; // EOFs sent in the current result set; -1 outside one
    this._parser = new Parser({
      config: {},
      onPacket: (header) => this._onPacket(header),
      onError: (err) => this.emit('error', err),
    });

    socket.on('data', (chunk) => this._parser.write(chunk));
    socket.on('error', () => {}); // a client that resets the socket is a normal test case
    socket.on('close', () => this.emit('close'));
  }

  handshake(options) {
    const opts = Object.assign({}, options);
    const capabilities = opts.capabilities === undefined ? DEFAULT_CAPABILITIES : opts.capabilities;
    const scramble = opts.scramble || randomScramble();

    this._options = opts;
    this._protocol41 = Boolean(capabilities & Client.CLIENT_PROTOCOL_41);
    this.scramble = scramble;
    if (opts.threadId !== undefined) this.threadId = opts.threadId;

    this.writePacket(new Packets.HandshakeInitializationPacket({
      protocolVersion: 10,
      serverVersion: opts.serverVersion || '5.7.30-fake',
      threadId: this.threadId,
      scrambleBuff1: scramble.slice(0, 8),
      serverCapabilities1: capabilities & 0xffff,
      serverLanguage: opts.serverLanguage === undefined ? UTF8_GENERAL_CI : opts.serverLanguage,
      serverStatus: opts.serverStatus === undefined ? SERVER_STATUS_AUTOCOMMIT : opts.serverStatus,
      serverCapabilities2: (capabilities >>> 16) & 0xffff,
      scrambleLength: scramble.length + 1,
      scrambleBuff2: scramble.slice(8),
      pluginData: opts.pluginName === undefined ? 'mysql_native_password' : (opts.pluginName || undefined),
      protocol41: this._protocol41,
    }), { sequenceId: opts.sequenceId || 0 });
  }

  ok(options) {
    const opts = options || {};
    const packet = new Packets.OkPacket({ protocol41: this._protocol41 });
    packet.fieldCount = 0;
    packet.affectedRows = opts.affectedRows || 0;
    packet.insertId = opts.insertId || 0;
    packet.serverStatus = opts.serverStatus === undefined ? SERVER_STATUS_AUTOCOMMIT : opts.serverStatus;
    packet.warningCount = opts.warningCount || 0;
    packet.message = opts.message || '';
    this.writePacket(packet, opts);
  }

  error(message, errno, sqlState) {
    this.writePacket(new Packets.ErrorPacket({
      fieldCount: 0xff,
      errno: errno || ER_UNKNOWN_ERROR,
      sqlStateMarker: '#',
      sqlState: sqlState || 'HY000',
      message: message,
    }));
  }

  eof(options) {
    const opts = options || {};
    this.writePacket(new Packets.EofPacket({
      warningCount: opts.warningCount || 0,
      serverStatus: opts.serverStatus === undefined ? SERVER_STATUS_AUTOCOMMIT : opts.serverStatus,
      protocol41: this._protocol41,
    }), opts);
  }

  statistics(message) {
    const packet = new Packets.StatisticsPacket();
    packet.message = message === undefined
      ? 'Uptime: 100  Threads: 1  Questions: 5  Slow queries: 0  Opens: 10  ' +
        'Flush tables: 1  Open tables: 4  Queries per second avg: 0.050'
      : message;
    this.writePacket(packet);
  }

  authSwitch(pluginName, data) {
    this.writePacket(new Packets.AuthSwitchRequestPacket({
      authMethodName: pluginName,
      authMethodData: data || Buffer.concat([randomScramble(), Buffer.from([0])]),
    }));
  }

  useOldPassword() {
    this.writePacket(new Packets.UseOldPasswordPacket());
  }

  sendResultSet(fields, rows, options) {
    const columns = fields.map((field) => (typeof field === 'string' ? { name: field } : field));
    this.writePacket(new Packets.ResultSetHeaderPacket({ fieldCount: columns.length }));
    for (const column of columns) this.writePacket(this.fieldPacket(column));
    this.eof();
    for (const row of rows) {
      this.writeRow(Array.isArray(row) ? row : columns.map((column) => row[column.name]));
    }
    this.eof(options);
  }

  fieldPacket(column) {
    return new Packets.FieldPacket(Object.assign({
      catalog: 'def',
      db: '',
      table: '',
      orgTable: '',
      name: column.name,
      orgName: column.name,
      charsetNr: UTF8_GENERAL_CI,
      length: 255,
      type: Types.VAR_STRING,
      flags: 0,
      decimals: 0,
      protocol41: this._protocol41,
    }, column));
  }

  // mysqljs's RowDataPacket can only parse, so rows are written value by value
  // with the library's PacketWriter (the text protocol's row layout).
  writeRow(values) {
    const writer = new PacketWriter();
    for (const value of values) {
      if (value === null || value === undefined) writer.writeLengthCodedString(null);
      else if (Buffer.isBuffer(value)) writer.writeLengthCodedBuffer(value);
      else writer.writeLengthCodedString(String(value));
    }
    this._send(writer, 'RowDataPacket');
  }

  writePacket(packet, options) {
    const writer = new PacketWriter();
    packet.write(writer);
    this._send(writer, packet.constructor.name, options);
    if (this._endsReply(packet)) this._replied();
  }

  writeRaw(buffer) {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(buffer);
  }

  end() {
    this.socket.end();
  }

  destroy() {
    this.socket.destroy();
  }

  _send(writer, packetName, options) {
    if (options && options.sequenceId !== undefined) this._nextSequenceId = options.sequenceId;

    const counter = {
      incrementPacketNumber: () => {
        const id = this._nextSequenceId;
        this._nextSequenceId = (id + 1) % 256;
        return id;
      },
    };
    const bytes = writer.toBuffer(counter);

    this._expected = CONTINUATIONS[packetName] || null;
    expectSequenceId(this._parser, this._expected ? this._nextSequenceId : 0);
    this.writeRaw(bytes);
  }

  /** Whether this packet is the last one of the reply to a command. */
  _endsReply(packet) {
    const name = packet.constructor.name;
    if (name === 'ResultSetHeaderPacket') this._rowSetEofs = 0;
    if (name === 'EofPacket' && this._rowSetEofs >= 0 && ++this._rowSetEofs < 2) return false;
    if (name === 'EofPacket' || name === 'OkPacket') {
      this._rowSetEofs = -1;
      return !(packet.serverStatus & SERVER_MORE_RESULTS_EXISTS);
    }
    return name === 'ErrorPacket' || name === 'StatisticsPacket';
  }

  _replied() {
    this._busy = false;
    if (this._waiting.length) setImmediate(() => this._dispatchWaiting());
  }

  _dispatchWaiting() {
    if (this._busy || !this._waiting.length || this.socket.destroyed) return;
    const [event, packet, replyId] = this._waiting.shift();
    this._nextSequenceId = replyId;
    this._dispatch(event, packet);
  }

  _dispatch(event, packet) {
    this._busy = true;
    if (this.listenerCount(event) > 0) this.emit(event, packet);
    else this._answer(event, packet);
  }

  _onPacket(header) {
    const replyId = (header.number + 1) % 256;
    // A command that waits its turn is numbered when it is answered; a continuation belongs to the reply going on.
    if (!this._busy || this._expected) this._nextSequenceId = replyId;
    // The next client packet starts a new command, unless what is sent next asks the client to go on.
    expectSequenceId(this._parser, 0);

    // header is the last part of a long packet, so ask the parser whether it is empty.
    const entry = this._expected || (!this._parser.reachedPacketEnd() && COMMANDS[this._parser.peak()]);
    if (!entry) {
      this.error('Unknown command', ER_UNKNOWN_COM_ERROR, '08S01');
      return;
    }

    const Packet = entry[0];
    const event = entry[1];
    const packet = new Packet({ protocol41: this._protocol41 });
    packet.parse(this._parser);
    this.emit('packet', packet);

    if (this._expected) {
      this._expected = null;
      this.emit(event, packet);
      this._authenticate(packet);
    } else if (this._busy) {
      this._waiting.push([event, packet, replyId]);
    } else {
      this._dispatch(event, packet);
    }
  }

  _answer(event, packet) {
    switch (event) {
      case 'quit': this.end(); break;
      case 'statistics': this.statistics(); break;
      case 'changeUser': this._authenticate(packet); break;
      default: this.ok();
    }
  }

  _authenticate(packet) {
    if (this._options.auth) this._options.auth(packet, this);
    else this.ok();
  }
}

// Parser only exposes reset and increment for its expected sequence id.
function expectSequenceId(parser, id) {
  parser.resetPacketNumber();
  for (let i = 0; i < id; i++) parser.incrementPacketNumber();
}

// Printable bytes, as real servers send: some clients treat 0x00 as the end.
function randomScramble() {
  const bytes = crypto.randomBytes(20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x21 + (bytes[i] % 94);
  return bytes;
}

// Frames a payload by hand, for tests that must send what no packet class writes.
function framePacket(payload, sequenceId) {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = sequenceId;
  return Buffer.concat([header, payload]);
}

function createFakeServer() {
  return new FakeServer();
}

module.exports = {
  createFakeServer,
  FakeServer,
  FakeConnection,
  DEFAULT_CAPABILITIES,
  randomScramble,
  framePacket,
};
