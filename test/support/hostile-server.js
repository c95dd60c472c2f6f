'use strict';

/*
 * A MySQL server that misbehaves on request, for the fault suite (test/fault/).
 * Raw sockets plus the library's own packet classes and PacketWriter; unlike
 * fake-server.js it frames every packet itself, so any single packet can be
 * cut, delayed, renumbered, replaced or followed by garbage.
 *
 *   const server = createHostileServer(plan);
 *   server.listen(cb); server.port(); server.close(cb)   (close destroys every socket)
 *
 * A plan is plain JSON (it travels to a child process):
 *   greeting   { protocolVersion: 10, serverVersion, pluginName, capabilities }
 *   auth       'ok' | 'error' | 'switch': the answer to the client's
 *              credentials (switch: an AuthSwitchRequest for switchPlugin,
 *              'mysql_native_password' by default)
 *   authSteps  [hex]: after the credentials (or the switch), one AuthMoreData
 *              packet (0x01 + hex) per client answer, then the OK
 *   changeUser 'ok' | 'switch' (the same switch as auth)
 *   query      'rows' | 'ok' | 'error' | 'big' | 'multi' | 'infile': the answer to
 *              every COM_QUERY (infile: asks for the file `infile`, then OK)
 *   faults     [{ stage, nth = 0, action, ... }]: what to do instead of sending
 *              the nth packet (counted per connection) of a stage
 *   drip       { delayMs } or true: write in pieces of 1-7 bytes around every
 *              packet header (the middle of a long packet in pieces up to
 *              64 KB), each piece after a setImmediate, or after delayMs
 *   seed       for the drip's piece sizes
 *
 * Stages, in the order a conversation meets them: greeting, auth-switch,
 * auth-more-data, auth-ok, auth-error; column-count, column, columns-eof, row,
 * rows-eof, query-ok, query-error, infile-request; ping-ok, statistics,
 * change-user-switch, change-user-ok; quit (the server's reaction to
 * COM_QUIT, normally closing the socket).
 *
 * Actions:
 *   close | reset     FIN or RST instead of the packet; nothing more is sent
 *   silent            nothing more is sent or read, the socket stays open
 *   truncate          the header and `keep` payload bytes (half by default),
 *                     then `then`: 'close' (default) | 'reset' | 'silent'
 *   seq               the packet with its sequence id moved by `delta` (1)
 *   length            the packet with its declared length moved by `delta` (5)
 *   replace           `hex` is sent as the payload instead; `rest`: 'drop'
 *                     skips the packets after it in this reply
 *   inject | append   `frames` (payload hex strings, sequence ids continuing)
 *                     and/or `raw` bytes (hex) before | after the packet
 *   after             the packet, then `frames`/`raw` after `delay` ms
 */

const crypto = require('crypto');
const net = require('net');
const path = require('path');
const common = require('./common');

const Packets = require(path.join(common.lib, 'protocol', 'packets'));
const PacketWriter = require(path.join(common.lib, 'protocol', 'PacketWriter'));
const Client = require(path.join(common.lib, 'protocol', 'constants', 'client'));
const Types = require(path.join(common.lib, 'protocol', 'constants', 'types'));

const MAX_PACKET_LENGTH = 0xffffff;
const HEADER_LENGTH = 4;
const UTF8_GENERAL_CI = 33;
const BINARY = 63;
const SERVER_STATUS_AUTOCOMMIT = 0x0002;
const SERVER_MORE_RESULTS_EXISTS = 0x0008;
const BIG_VALUE_LENGTH = MAX_PACKET_LENGTH + 1024; // one row value that needs two packets
const DRIP_EDGE = 64; // bytes at each end of a packet that are dripped 1-7 at a time
const DRIP_MIDDLE = 65536;

const DEFAULT_CAPABILITIES =
  Client.CLIENT_LONG_PASSWORD | Client.CLIENT_FOUND_ROWS | Client.CLIENT_LONG_FLAG |
  Client.CLIENT_CONNECT_WITH_DB | Client.CLIENT_LOCAL_FILES | Client.CLIENT_PROTOCOL_41 |
  Client.CLIENT_TRANSACTIONS | Client.CLIENT_SECURE_CONNECTION | Client.CLIENT_MULTI_STATEMENTS |
  Client.CLIENT_MULTI_RESULTS | Client.CLIENT_PLUGIN_AUTH;

// The payload a packet class writes, without the framing PacketWriter adds.
function payloadOf(packet) {
  const writer = new PacketWriter();
  packet.write(writer);
  return deframe(writer.toBuffer({ incrementPacketNumber: () => 0 }));
}

function deframe(framed) {
  const parts = [];
  for (let offset = 0; offset < framed.length;) {
    const length = framed.readUIntLE(offset, 3);
    parts.push(framed.subarray(offset + HEADER_LENGTH, offset + HEADER_LENGTH + length));
    offset += HEADER_LENGTH + length;
  }
  return Buffer.concat(parts);
}

// Text-protocol row: every value length-coded (null as 0xFB).
function rowPayload(values) {
  const writer = new PacketWriter();
  for (const value of values) {
    if (value === null) writer.writeLengthCodedString(null);
    else if (Buffer.isBuffer(value)) writer.writeLengthCodedBuffer(value);
    else writer.writeLengthCodedString(String(value));
  }
  return deframe(writer.toBuffer({ incrementPacketNumber: () => 0 }));
}

function scramble() {
  const bytes = crypto.randomBytes(20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x21 + (bytes[i] % 94);
  return bytes;
}

// The packets servers send, as payload Buffers; exported so tests can build variants of them.
const payloads = {
  greeting(options) {
    const opts = options || {};
    const capabilities = opts.capabilities === undefined ? DEFAULT_CAPABILITIES : opts.capabilities;
    const seed = scramble();
    return payloadOf(new Packets.HandshakeInitializationPacket({
      protocolVersion: opts.protocolVersion === undefined ? 10 : opts.protocolVersion,
      serverVersion: opts.serverVersion || '10.11.0-hostile',
      threadId: opts.threadId || 1,
      scrambleBuff1: seed.subarray(0, 8),
      serverCapabilities1: capabilities & 0xffff,
      serverLanguage: UTF8_GENERAL_CI,
      serverStatus: SERVER_STATUS_AUTOCOMMIT,
      serverCapabilities2: (capabilities >>> 16) & 0xffff,
      scrambleLength: 21,
      scrambleBuff2: seed.subarray(8),
      pluginData: opts.pluginName === undefined ? 'mysql_native_password' : opts.pluginName,
      protocol41: Boolean(capabilities & Client.CLIENT_PROTOCOL_41),
    }));
  },
  ok(options) {
    const opts = options || {};
    const packet = new Packets.OkPacket({ protocol41: true });
    packet.fieldCount = 0;
    packet.affectedRows = opts.affectedRows || 0;
    packet.insertId = opts.insertId || 0;
    packet.serverStatus = opts.serverStatus === undefined ? SERVER_STATUS_AUTOCOMMIT : opts.serverStatus;
    packet.warningCount = 0;
    packet.message = opts.message || '';
    return payloadOf(packet);
  },
  error(errno, message) {
    return payloadOf(new Packets.ErrorPacket({
      fieldCount: 0xff, errno: errno || 1105, sqlStateMarker: '#', sqlState: 'HY000', message: message || 'Unknown error',
    }));
  },
  eof(serverStatus) {
    return payloadOf(new Packets.EofPacket({
      warningCount: 0, serverStatus: serverStatus === undefined ? SERVER_STATUS_AUTOCOMMIT : serverStatus, protocol41: true,
    }));
  },
  columnCount(count) {
    return payloadOf(new Packets.ResultSetHeaderPacket({ fieldCount: count }));
  },
  column(name, type, charsetNr) {
    return payloadOf(new Packets.FieldPacket({
      catalog: 'def', db: 'test', table: 't', orgTable: 't', name: name, orgName: name,
      charsetNr: charsetNr || UTF8_GENERAL_CI, length: 255, type: type === undefined ? Types.VAR_STRING : type,
      flags: 0, decimals: 0, protocol41: true,
    }));
  },
  row: rowPayload,
  authSwitch(pluginName) {
    return payloadOf(new Packets.AuthSwitchRequestPacket({
      authMethodName: pluginName, authMethodData: Buffer.concat([scramble(), Buffer.from([0])]),
    }));
  },
  statistics() {
    return Buffer.from('Uptime: 100  Threads: 1  Questions: 5  Slow queries: 0  Opens: 10  ' +
      'Flush tables: 1  Open tables: 4  Queries per second avg: 0.050');
  },
  infileRequest(filename) {
    return Buffer.concat([Buffer.from([0xfb]), Buffer.from(filename)]);
  },
};

function resultSet(columns, rows, finalStatus) {
  return [['column-count', payloads.columnCount(columns.length)]]
    .concat(columns.map((c) => ['column', payloads.column(c[0], c[1], c[2])]))
    .concat([['columns-eof', payloads.eof()]])
    .concat(rows.map((r) => ['row', rowPayload(r)]))
    .concat([['rows-eof', payloads.eof(finalStatus)]]);
}

// The answer to a COM_QUERY, as [stage, payload] pairs.
function queryReply(kind, plan) {
  switch (kind) {
    case 'ok':
      return [['query-ok', payloads.ok({ affectedRows: 1, insertId: 42 })]];
    case 'error':
      return [['query-error', payloads.error(1146, "Table 'test.nope' doesn't exist")]];
    case 'big':
      return resultSet([['blob', Types.LONG_BLOB, BINARY]], [[Buffer.alloc(BIG_VALUE_LENGTH, 0x61)]]);
    case 'multi':
      return resultSet([['a', Types.LONG]], [[1]], SERVER_STATUS_AUTOCOMMIT | SERVER_MORE_RESULTS_EXISTS)
        .concat([['query-ok', payloads.ok({ affectedRows: 2 })]]);
    case 'infile':
      return [['infile-request', payloads.infileRequest(plan.infile)]];
    default:
      return resultSet([['id', Types.LONG], ['name', Types.VAR_STRING]], [[1, 'a'], [2, 'b'], [3, null]]);
  }
}

// A small seeded generator (mulberry32), so dripped piece sizes repeat for a given seed.
function random(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class HostileConnection {
  constructor(socket, plan, threadId) {
    this.socket = socket;
    this.plan = plan;
    this.threadId = threadId;
    this.state = 'auth';
    this.stopped = false; // after close, reset or silent: nothing more is read or sent
    this.counts = {};
    this.seq = 0;
    this.input = Buffer.alloc(0);
    this.output = [];
    this.writing = false;
    this.timers = new Set();
    this.rand = random(plan.seed || 1);

    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => {}); // a client that resets is a normal case here
    this.reply(0, [['greeting', payloads.greeting(Object.assign({ threadId: threadId }, plan.greeting))]]);
  }

  onData(chunk) {
    if (this.stopped) return;
    this.input = Buffer.concat([this.input, chunk]);
    while (this.input.length >= HEADER_LENGTH && !this.stopped) {
      const length = this.input.readUIntLE(0, 3);
      if (this.input.length < HEADER_LENGTH + length) return;
      const seq = this.input[3];
      const payload = this.input.subarray(HEADER_LENGTH, HEADER_LENGTH + length);
      this.input = this.input.subarray(HEADER_LENGTH + length);
      this.onPacket(payload, seq);
    }
  }

  onPacket(payload, seq) {
    const next = seq + 1;
    const plan = this.plan;
    switch (this.state) {
      case 'auth':
        this.authenticate(plan.auth, next);
        return;
      case 'auth-continue':
        this.continueAuth(next);
        return;
      case 'change-user-continue':
        this.state = 'command';
        this.reply(next, [['change-user-ok', payloads.ok()]]);
        return;
      case 'infile':
        // The client sends the file's packets, then an empty one.
        if (payload.length === 0) {
          this.state = 'command';
          this.reply(next, [['query-ok', payloads.ok({ affectedRows: 1 })]]);
        }
        return;
      default:
        this.command(payload, next);
    }
  }

  authenticate(kind, next) {
    if (kind === 'error') {
      this.reply(next, [['auth-error', payloads.error(1045, "Access denied for user 'root'@'localhost'")]]);
      return;
    }
    this.state = 'auth-continue';
    this.authSteps = (this.plan.authSteps || []).slice();
    if (kind === 'switch') this.reply(next, [['auth-switch', payloads.authSwitch(this.plan.switchPlugin || 'mysql_native_password')]]);
    else this.continueAuth(next);
  }

  continueAuth(next) {
    const step = this.authSteps.shift();
    if (step !== undefined) {
      this.reply(next, [['auth-more-data', Buffer.concat([Buffer.from([0x01]), Buffer.from(step, 'hex')])]]);
      return;
    }
    this.state = 'command';
    this.reply(next, [['auth-ok', payloads.ok()]]);
  }

  command(payload, next) {
    switch (payload[0]) {
      case 0x01:
        this.reply(next, [['quit', null]]);
        return;
      case 0x03:
        if (this.plan.query === 'infile') this.state = 'infile';
        this.reply(next, queryReply(this.plan.query, this.plan));
        return;
      case 0x09:
        this.reply(next, [['statistics', payloads.statistics()]]);
        return;
      case 0x0e:
        this.reply(next, [['ping-ok', payloads.ok()]]);
        return;
      case 0x11:
        if (this.plan.changeUser === 'switch') {
          this.state = 'change-user-continue';
          this.reply(next, [['change-user-switch', payloads.authSwitch(this.plan.switchPlugin || 'mysql_native_password')]]);
        } else {
          this.reply(next, [['change-user-ok', payloads.ok()]]);
        }
        return;
      default:
        this.reply(next, [['command-error', payloads.error(1047, 'Unknown command')]]);
    }
  }

  fault(stage) {
    const nth = this.counts[stage] || 0;
    this.counts[stage] = nth + 1;
    return (this.plan.faults || []).find((f) => f.stage === stage && (f.nth || 0) === nth);
  }

  // Sends one reply (a list of [stage, payload]), applying the plan's faults packet by packet.
  reply(firstSeq, packets) {
    if (this.stopped) return;
    this.seq = firstSeq;
    for (const [stage, payload] of packets) {
      const f = this.fault(stage);
      if (!this.send(stage, payload, f || {}) || this.stopped) return;
    }
  }

  // Returns false when the rest of the reply must not be sent.
  send(stage, payload, f) {
    const action = f.action;
    if (action === 'close' || action === 'reset' || action === 'silent') {
      this.stop(action);
      return false;
    }
    if (action === 'inject') this.sendExtra(f);
    if (stage === 'quit' && action !== 'replace') {
      this.stop('close'); // what a server does on COM_QUIT
      return false;
    }

    const body = action === 'replace' ? Buffer.from(f.hex, 'hex') : payload;
    const frames = this.frames(body);
    if (action === 'seq') frames[0][3] = (frames[0][3] + (f.delta === undefined ? 1 : f.delta)) & 0xff;
    if (action === 'length') {
      const declared = frames[0].readUIntLE(0, 3) + (f.delta === undefined ? 5 : f.delta);
      frames[0].writeUIntLE(Math.min(MAX_PACKET_LENGTH, Math.max(0, declared)), 0, 3);
    }

    if (action === 'truncate') {
      const bytes = Buffer.concat(frames);
      const keep = f.keep === undefined ? Math.floor(body.length / 2) : f.keep;
      this.write(bytes.subarray(0, HEADER_LENGTH + keep));
      this.stop(f.then || 'close');
      return false;
    }
    frames.forEach((frame) => this.write(frame));
    if (action === 'append') this.sendExtra(f);
    if (action === 'after') {
      const extra = this.extraBytes(f);
      this.later(f.delay || 20, () => this.write(extra));
    }
    return !(action === 'replace' && f.rest === 'drop');
  }

  sendExtra(f) {
    this.write(this.extraBytes(f));
  }

  extraBytes(f) {
    const parts = (f.frames || []).map((hex) => Buffer.concat(this.frames(Buffer.from(hex, 'hex'))));
    if (f.raw) parts.push(Buffer.from(f.raw, 'hex'));
    return Buffer.concat(parts);
  }

  // Frames a payload, splitting it at 16 MB; a payload of exactly n * 16 MB gets an empty last frame.
  frames(payload) {
    const frames = [];
    for (let start = 0; ; start += MAX_PACKET_LENGTH) {
      const length = Math.min(MAX_PACKET_LENGTH, payload.length - start);
      const header = Buffer.alloc(HEADER_LENGTH);
      header.writeUIntLE(length, 0, 3);
      header[3] = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      frames.push(Buffer.concat([header, payload.subarray(start, start + length)]));
      if (length < MAX_PACKET_LENGTH) return frames;
    }
  }

  stop(how) {
    this.stopped = true;
    if (how === 'silent') return;
    this.output.push({ end: how });
    this.flush();
  }

  write(bytes) {
    if (bytes.length === 0) return;
    const drip = this.plan.drip;
    if (!drip) {
      this.output.push({ bytes });
    } else {
      for (const piece of this.pieces(bytes)) this.output.push({ bytes: piece, delay: drip.delayMs });
    }
    this.flush();
  }

  pieces(bytes) {
    const out = [];
    const small = () => 1 + Math.floor(this.rand() * 7);
    for (let offset = 0; offset < bytes.length;) {
      const nearEdge = offset < DRIP_EDGE || bytes.length - offset <= DRIP_EDGE;
      const size = nearEdge || this.plan.drip.delayMs ? small() : 1 + Math.floor(this.rand() * DRIP_MIDDLE);
      const end = nearEdge ? Math.min(offset + size, bytes.length) : Math.min(offset + size, bytes.length - DRIP_EDGE);
      out.push(bytes.subarray(offset, end));
      offset = end;
    }
    return out;
  }

  flush() {
    if (this.writing) return;
    const item = this.output.shift();
    if (!item) return;
    const socket = this.socket;
    if (item.end) {
      this.output.length = 0;
      if (item.end === 'reset') socket.resetAndDestroy();
      else socket.end();
      return;
    }
    if (!this.plan.drip) {
      if (!socket.destroyed) socket.write(item.bytes);
      this.flush();
      return;
    }
    this.writing = true;
    const next = () => {
      this.writing = false;
      if (!socket.destroyed) socket.write(item.bytes);
      this.flush();
    };
    if (item.delay) this.later(item.delay, next);
    else setImmediate(next);
  }

  later(ms, fn) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  // The server's timers go with it, so a closed server leaves nothing behind for a leak check to find.
  dispose() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.output.length = 0;
    this.socket.destroy();
  }
}

class HostileServer {
  constructor(plan) {
    this.plan = plan || {};
    this.connections = new Set();
    this.nextThreadId = 1;
    this.server = net.createServer((socket) => {
      const connection = new HostileConnection(socket, this.plan, this.nextThreadId++);
      this.connections.add(connection);
      socket.on('close', () => {
        // A client that hung up leaves nothing to write to: stop any dripping writes still scheduled.
        connection.dispose();
        this.connections.delete(connection);
      });
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

function createHostileServer(plan) {
  return new HostileServer(plan);
}

module.exports = { createHostileServer, payloads, random, DEFAULT_CAPABILITIES, BIG_VALUE_LENGTH };
