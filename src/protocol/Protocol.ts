import stream = require('stream');
import util = require('util');
import Parser = require('./Parser');
import PacketWriter = require('./PacketWriter');
import Packets = require('./packets');
import Sequences = require('./sequences');
import createError = require('./createError');
import errorName = require('./errorName');
import pipelining = require('./pipelining');
import ColumnDefinitionCache = require('./ColumnDefinitionCache');
import internedName = require('./internedName');
import type Sequence = require('./sequences/Sequence');
import type HandshakeInitializationPacket = require('./packets/HandshakeInitializationPacket');
import type ResultSetHeaderPacket = require('./packets/ResultSetHeaderPacket');
import type { MysqlError } from '../MysqlError';

declare namespace Protocol {
  interface Config {
    debug?: boolean | string[];
    trace?: boolean;
    pipelining?: boolean;
    protocol41?: boolean;
    supportBigNumbers?: boolean;
  }
  /** What the protocol needs of its connection. */
  interface Connection {
    state: string;
    threadId: number | null;
    _startTLS(onSecure: (err?: MysqlError | null) => void): void;
  }
  interface Options {
    config?: Config;
    connection?: Connection;
  }
  interface Packet {
    parse(parser: Parser): void;
    write(writer: PacketWriter): void;
  }
  type SequenceListeners = Sequence.ProtocolListeners;
}

// shift() on a queue of up to about 100 sequences moves each one down a slot. Once the queue's array has lived
// through two young-generation collections it is in the old generation, and each move of a sequence (young)
// within it then goes through V8's write barrier into the remembered set: 9% of the CPU of 100 queued queries
// (workload 3), and 181 against 43 ns per push and shift in a micro-benchmark. A long queue that keeps going (its
// next batch is queued by a callback before it drains) is therefore copied into a new, young array every
// QUEUE_RENEWAL sequences taken off it: one copy of at most a queue's length per that many shifts.
const QUEUE_RENEWAL = 64;
const QUEUE_RENEWAL_LENGTH = 16;

// The listeners the protocol puts on every sequence it queues. An emitter calls its listeners with itself as `this`,
// so one set per protocol serves every sequence, instead of four new closures per query.
function sequenceListeners(protocol: Protocol): Protocol.SequenceListeners {
  return {
    error(this: Sequence, err: MysqlError) {
      protocol._delegateError(err, this);
    },
    packet(this: Sequence, packet: Protocol.Packet) {
      this._timer.active();
      protocol._emitPacket(packet);
    },
    timeout(this: Sequence) {
      protocol._delegateError(createError(this.constructor.name + ' inactivity timeout', 'PROTOCOL_SEQUENCE_TIMEOUT',
        { fatal: true, timeout: this._timeout }), this);
    },
    end(this: Sequence) {
      protocol._dequeue(this);
    },
  };
}

type PacketClass = { new (options?: { protocol41?: boolean }): Protocol.Packet; name: string };

type Handler = (packet: unknown, parser?: Parser, connection?: unknown) => void;
type Handlers = Record<string, Handler | undefined>;

// A sequence handles each packet in the method named after its class. Reading Function#name calls an accessor,
// which a result set's column definitions would pay once each, so the names are looked up once per class.
const handlerNames = new Map<PacketClass, string>();
function handlerName(Packet: PacketClass): string {
  let name = handlerNames.get(Packet);
  if (name === undefined) {
    name = Packet.name;
    handlerNames.set(Packet, name);
  }
  return name;
}

/**
 * The sequence's handler for a packet class. The packets of every query are read by name, each at a site of its
 * own: one keyed read for all of them sees every sequence class and every name, and goes megamorphic.
 */
function handlerOf(handlers: Handlers, Packet: PacketClass): Handler | undefined {
  switch (Packet as unknown) {
    case Packets.FieldPacket:
      return handlers.FieldPacket;
    case Packets.EofPacket:
      return handlers.EofPacket;
    case Packets.OkPacket:
      return handlers.OkPacket;
    case Packets.ResultSetHeaderPacket:
      return handlers.ResultSetHeaderPacket;
    case Packets.ErrorPacket:
      return handlers.ErrorPacket;
    default:
      return handlers[handlerName(Packet)];
  }
}

// The command queue of one connection. The head sequence owns the conversation: incoming packets are typed
// (by the sequence, or OK/EOF/ERR by their first byte), parsed and handed to the sequence's handler named after
// the packet class; when it ends, the next sequence starts. A fatal error ends every queued sequence.
class Protocol extends stream.Stream {
  readable = true;
  writable = true;
  _config: Protocol.Config;
  _connection: Protocol.Connection | undefined;
  _callback: null = null;
  _fatalError: MysqlError | null = null;
  _quitSequence: Sequence | null = null;
  _handshake = false;
  _handshaked = false;
  _ended = false;
  _destroyed = false;
  _queue: Sequence[] = [];
  /** Sequences taken off the queue so far: every QUEUE_RENEWAL of them, a long queue moves to a new array. */
  _dequeued = 0;
  /** How many sequences at the front of the queue have had their commands written (the head and any sent early). */
  _sent = 0;
  /**
   * Whether the last command written (queue[_sent - 1]) lets the ones behind it be written before its reply; null
   * until a command waits behind it, so that a query run alone never has its SQL scanned for LOCAL.
   */
  _followersMayGo: boolean | null = false;
  /** Whether a query stream holds its rows back, and whether that paused the socket (rowBackpressure.ts). */
  _holdingRows = false;
  _socketHeld = false;
  /** Numbers outgoing packets: the parser, except while a command is written ahead (then _aheadNumbering). */
  _numbering: PacketWriter.PacketNumbering;
  _aheadNumbering = new pipelining.PacketCounter();
  _handshakeInitializationPacket: HandshakeInitializationPacket | null = null;
  _serverIsMariaDB = false;
  _parser: Parser;
  _sequenceListeners: Protocol.SequenceListeners;
  _columnDefinitions = new ColumnDefinitionCache();

  constructor(options: Protocol.Options = {}) {
    super();
    this._config = options.config || {};
    this._connection = options.connection;
    this._parser = new Parser({
      onError: (err) => this.handleParserError(err),
      onPacket: () => this._parsePacket(),
      config: this._config,
    });
    this._sequenceListeners = sequenceListeners(this);
    this._numbering = this._parser;
  }

  write(buffer: Buffer): boolean {
    this._parser.write(buffer);
    return true;
  }

  handshake(options: Record<string, unknown> | Sequence.Callback = {}, callback?: Sequence.Callback): Sequence {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    const opts = { ...(options || {}), config: this._config } as unknown as ConstructorParameters<typeof Sequences.Handshake>[0];
    const sequence = this._enqueue(new Sequences.Handshake(opts, callback));
    this._handshake = true;
    return sequence;
  }

  query(options: ConstructorParameters<typeof Sequences.Query>[0], callback?: Sequence.Callback): Sequence {
    return this._enqueue(new Sequences.Query(options, callback));
  }

  changeUser(options: ConstructorParameters<typeof Sequences.ChangeUser>[0], callback?: Sequence.Callback): Sequence {
    return this._enqueue(new Sequences.ChangeUser(options, callback));
  }

  ping(options?: Sequence.Options | Sequence.Callback, callback?: Sequence.Callback): Sequence {
    return this._enqueue(new Sequences.Ping(options, callback));
  }

  stats(options?: Sequence.Options | Sequence.Callback, callback?: Sequence.Callback): Sequence {
    return this._enqueue(new Sequences.Statistics(options, callback));
  }

  quit(options?: Sequence.Options | Sequence.Callback, callback?: Sequence.Callback): Sequence {
    const sequence = this._enqueue(new Sequences.Quit(options, callback));
    sequence.on('end', () => this.end());
    return (this._quitSequence = sequence);
  }

  /** The socket ended: fine after COM_QUIT, otherwise the connection was lost. */
  end(): void {
    if (this._ended) return;
    this._ended = true;

    const quit = this._quitSequence;
    if (quit && (quit._ended || this._queue[0] === quit)) {
      quit.end();
      this.emit('end');
      return;
    }
    this._delegateError(createError('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST',
      { fatal: true }));
  }

  pause(): void {
    this._parser.pause();
    // A running LOAD DATA LOCAL reads a file stream, which pauses with the connection.
    const seq = this._queue[0];
    if (seq) seq.emit('pause');
  }

  resume(): void {
    this._parser.resume();
    const seq = this._queue[0];
    if (seq) seq.emit('resume');
  }

  _enqueue(sequence: Sequence): Sequence {
    if (!this._validateEnqueue(sequence)) return sequence;

    if (this._config.trace) {
      // The caller's stack, joined to the stack of any error this sequence ends with.
      sequence._callSite = sequence._callSite || new Error();
    }
    this._queue.push(sequence);
    this.emit('enqueue', sequence);

    // A handshake's watchers come first, so that they have seen its 'end' before the protocol's listener starts
    // the next command.
    if (sequence instanceof Sequences.Handshake) this._watchHandshake(sequence);
    const listeners = this._sequenceListeners;
    if (!Sequences.Sequence.listenFirst(sequence, listeners)) {
      sequence.on('error', listeners.error).on('packet', listeners.packet).on('timeout', listeners.timeout)
        .on('end', listeners.end);
    }

    if (this._queue.length === 1) {
      this._writeHead(sequence);
    } else {
      this._sendAhead();
    }
    return sequence;
  }

  _watchHandshake(sequence: InstanceType<typeof Sequences.Handshake>): void {
    sequence.on('start-tls', () => {
      sequence._timer.active();
      const connection = this._connection as Protocol.Connection;
      connection._startTLS((err) => {
        if (err) {
          // A failed TLS negotiation leaves nothing usable: fatal.
          err.code = 'HANDSHAKE_SSL_ERROR';
          err.fatal = true;
          sequence.end(err);
          return;
        }
        sequence._timer.active();
        sequence._tlsUpgradeCompleteHandler();
      });
    });
    sequence.on('end', () => {
      this._handshaked = true;
      if (!this._fatalError) this.emit('handshake', this._handshakeInitializationPacket);
    });
  }

  _validateEnqueue(sequence: Sequence): boolean {
    // The common case first, without building the message of an error that is not raised.
    const secondHandshake = sequence instanceof Sequences.Handshake && (this._handshake || this._handshaked);
    if (!this._fatalError && !this._quitSequence && !this._destroyed && !secondHandshake) return true;

    const prefix = 'Cannot enqueue ' + sequence.constructor.name;
    let err: MysqlError;
    if (this._fatalError) {
      err = createError(prefix + ' after fatal error.', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
    } else if (this._quitSequence) {
      err = createError(prefix + ' after invoking quit.', 'PROTOCOL_ENQUEUE_AFTER_QUIT');
    } else if (this._destroyed) {
      err = createError(prefix + ' after being destroyed.', 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
    } else {
      err = createError(prefix + ' after already enqueuing a Handshake.', 'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE');
    }
    err.fatal = false;
    sequence.on('error', (e: MysqlError) => this._delegateError(e, sequence));
    // Asynchronously, so the caller gets the sequence back before its callback runs.
    process.nextTick(() => sequence.end(err));
    return false;
  }

  _parsePacket(): void {
    const sequence = this._queue[0];
    if (!sequence) {
      // (Ignored after a fatal error or destroy(), as every error then is.)
      this._delegateError(createError('Received packet with no active sequence.', 'PROTOCOL_STRAY_PACKET', { fatal: true }));
      return;
    }
    // After a fatal error or destroy() (the head sequence has then ended, but stays queued) the bytes that were
    // already received belong to nobody: nothing more may reach a callback, an event or a stream.
    if (!this._readsFor(sequence)) return;

    const Packet = this._determinePacket(sequence);
    if (!Packet) return;
    if (Packet === Packets.LocalInfileRequestPacket && this._sent > 1) {
      // Its file bytes would reach the server after the commands already written behind it.
      this._delegateError(createError('The server asked for a local file after a query that names none, and the '
        + 'commands queued behind it were already sent', 'PROTOCOL_UNEXPECTED_PACKET', { fatal: true }), sequence);
      return;
    }
    const handlers = sequence as unknown as Handlers;

    if ((Packet as unknown) === Packets.RowDataPacket) {
      this._parseRows(sequence, handlers.RowDataPacket as Handler);
      return;
    }

    let packet: Protocol.Packet;
    if (Packet === Packets.FieldPacket) {
      packet = this._readColumnDefinition();
    } else {
      packet = new Packet({ protocol41: this._config.protocol41 });
      this._parseControlPacket(packet);
      if (Packet === Packets.ResultSetHeaderPacket) {
        this._columnDefinitions.rewind(Number((packet as ResultSetHeaderPacket).fieldCount) || 0);
      }
    }
    if (Packet === Packets.HandshakeInitializationPacket) this._recordGreeting(packet as HandshakeInitializationPacket);
    if (Packet === Packets.ErrorPacket && this._serverIsMariaDB) errorName.markFromMariaDB(packet);

    sequence._timer.active();
    const handler = handlerOf(handlers, Packet);
    if (!handler) {
      this._delegateError(createError('Received packet in the wrong sequence.', 'PROTOCOL_INCORRECT_PACKET_SEQUENCE',
        { fatal: true }));
      return;
    }
    handler.call(sequence, packet);
  }

  /**
   * Rows are the hot path: the sequence parses them itself, with its own type casting options (and a row takes no
   * constructor options, so none are allocated for it). After the first, every further row already whole in the
   * parser's buffer is taken here, without a round through the parser's loop and the packet typing; the end of
   * the rows, a row split across reads, pause() or an end in a callback leave the rest to that general path.
   */
  _parseRows(sequence: Sequence, handler: Handler): void {
    const parser = this._parser;
    do {
      const row = sequence._newRow();
      handler.call(sequence, row, parser, this._connection);
      if (this._config.debug) this._debugPacket(true, row);
    } while (this._readsFor(sequence) && parser.enterNextRow());
  }

  /** Whether packets still reach `sequence`: not after a fatal error, destroy() or its end. */
  _readsFor(sequence: Sequence): boolean {
    return !this._fatalError && !this._destroyed && !sequence._ended;
  }

  /** Parses a non-row packet; a failure of our own parsing code becomes a PARSER_ error, never a crash. */
  _parseControlPacket(packet: Protocol.Packet): void {
    try {
      packet.parse(this._parser);
    } catch (err) {
      const code = err && (err as MysqlError).code;
      if (typeof code === 'string' && code.substring(0, 7) === 'PARSER_') throw err;
      throw createError('Malformed ' + packet.constructor.name + ': ' + (err as Error).message, 'PARSER_MALFORMED_PACKET');
    } finally {
      if (this._config.debug) this._debugPacket(true, packet);
    }
  }

  _readColumnDefinition(): Protocol.Packet {
    const cache = this._columnDefinitions;
    const cached = cache.lookup(this._parser);
    if (cached) {
      if (this._config.debug) this._debugPacket(true, cached);
      return cached;
    }
    const bytes = this._parser.copyPacketRest();
    const packetNumber = this._parser.packetNumber();
    const packet = new Packets.FieldPacket({ protocol41: this._config.protocol41 });
    this._parseControlPacket(packet);
    // Rows store their values under this name; the cache's copies keep it (internedName.ts).
    packet.name = internedName(packet.name);
    cache.remember(bytes, packetNumber, packet);
    return packet;
  }

  _recordGreeting(packet: HandshakeInitializationPacket): void {
    this._handshakeInitializationPacket = packet;
    this._serverIsMariaDB = /mariadb/i.test(String(packet.serverVersion));
    this.emit('initialize', packet);
  }

  _emitPacket(packet: Protocol.Packet): void {
    const writer = new PacketWriter();
    packet.write(writer);
    this.emit('data', writer.toBuffer(this._numbering));
    if (this._config.debug) this._debugPacket(false, packet);
  }

  _determinePacket(sequence: Sequence): PacketClass | undefined {
    const firstByte = this._parser.peak();
    if (sequence.determinePacket) {
      const Packet = sequence.determinePacket(firstByte, this._parser);
      if (Packet) return Packet as PacketClass;
    }
    const Packet = Sequences.Sequence.determinePacket(firstByte);
    if (Packet) return Packet as PacketClass;

    this._delegateError(createError('Could not determine packet, firstByte = ' + firstByte, 'PROTOCOL_UNEXPECTED_PACKET',
      { fatal: true }), sequence);
    return undefined;
  }

  _dequeue(sequence: Sequence): void {
    sequence._timer.stop();
    // After a fatal error or destroy() the queue is being failed as a whole; nothing more may start.
    if (this._fatalError || this._destroyed) return;

    this._queue.shift();
    if (++this._dequeued % QUEUE_RENEWAL === 0 && this._queue.length > QUEUE_RENEWAL_LENGTH) {
      this._queue = this._queue.slice();
    }
    this._sent = Math.max(this._sent - 1, 0);
    const next = this._queue[0];
    if (!next) {
      this.emit('drain');
      return;
    }
    if (this._sent > 0) {
      // Its command was written ahead: the answer continues its packet numbering, and its timeout starts now.
      this._parser.setPacketNumber(next._nextPacketNumberWhenSent);
      this._startTimer(next);
    } else {
      this._writeHead(next);
    }
    this._sendAhead();
  }

  /** Starts a sequence whose command nothing has written yet, as the conversation's head. */
  _writeHead(sequence: Sequence): void {
    this._parser.resetPacketNumber();
    // Before start(): a sequence may end inside it, and the next head then sets these for itself.
    this._sent = 1;
    this._followersMayGo = this._config.pipelining === false ? false : null;
    this._startSequence(sequence);
  }

  /**
   * Pipelining: writes the commands queued behind the ones already sent, as far as the rules in pipelining.ts
   * allow. Replies are still read in order, by the head of the queue, so callbacks and events do not change.
   */
  _sendAhead(): void {
    const counter = this._aheadNumbering;
    // this._queue is read again at each step: a sequence that ends inside start() may renew the array.
    while (this._sent < this._queue.length && !this._fatalError && !this._destroyed && !this._ended) {
      const queue = this._queue;
      if (this._followersMayGo === null) this._followersMayGo = pipelining.letsFollowersThrough(queue[this._sent - 1]);
      if (!this._followersMayGo) return;
      const sequence = queue[this._sent];
      if (!pipelining.canSendAhead(sequence)) return;
      this._sent++;
      this._followersMayGo = null;
      counter.next = 0;
      this._numbering = counter;
      try {
        sequence.start();
      } finally {
        this._numbering = this._parser;
      }
      sequence._nextPacketNumberWhenSent = counter.next;
    }
  }

  _startTimer(sequence: Sequence): void {
    const timeout = sequence._timeout;
    if (timeout !== undefined && timeout > 0 && isFinite(timeout)) sequence._timer.start(timeout);
  }

  _startSequence(sequence: Sequence): void {
    this._startTimer(sequence);
    if (sequence instanceof Sequences.ChangeUser) {
      sequence.start(this._handshakeInitializationPacket);
    } else {
      sequence.start();
    }
  }

  handleNetworkError(err: MysqlError): void {
    this._failCurrent(err);
  }

  /**
   * A packet that does not parse leaves the stream at an unknown position (the rest of a result set would be read
   * as the next command's reply), so unlike mysqljs every parser error is fatal.
   */
  handleParserError(err: MysqlError): void {
    this._failCurrent(err);
  }

  /** Ends the running sequence with a fatal error (which then reaches the whole queue). */
  _failCurrent(err: MysqlError): void {
    // After a fatal error the bytes still arriving (replies to commands sent ahead, say) are not read any more.
    if (this._fatalError || this._destroyed) return;
    err.fatal = true;
    const sequence = this._queue[0];
    if (sequence) {
      sequence.end(err);
    } else {
      this._delegateError(err);
    }
  }

  _delegateError(err: MysqlError, sequence?: Sequence): void {
    // Only the first fatal error is reported; everything after it (or after destroy()) is a consequence.
    if (this._fatalError || this._destroyed) return;
    if (err.fatal) this._fatalError = err;

    if (this._shouldErrorBubbleUp(err, sequence)) {
      // Not 'error': that would tear down the socket pipe even for errors that are not fatal.
      this.emit('unhandledError', err);
    } else if (err.fatal) {
      const queue = this._queue;
      process.nextTick(() => {
        for (const queued of queue) queued.end(err);
        queue.length = 0;
      });
    }
    if (err.fatal) this.emit('end', err);
  }

  _shouldErrorBubbleUp(err: MysqlError, sequence?: Sequence): boolean {
    if (sequence) {
      if (sequence.hasErrorHandler()) return false;
      if (!err.fatal) return true;
    }
    return Boolean(err.fatal) && !this._hasPendingErrorHandlers();
  }

  _hasPendingErrorHandlers(): boolean {
    return this._queue.some((sequence) => sequence.hasErrorHandler());
  }

  /**
   * mysqljs left the callbacks of queued commands uncalled here; every one of them gets an error instead, and
   * nothing more is sent.
   */
  destroy(): void {
    const wasDestroyed = this._destroyed;
    this._destroyed = true;
    this._parser.pause();
    const connection = this._connection;
    if (connection && connection.state !== 'disconnected' && !this._ended) this.end();
    if (wasDestroyed || this._fatalError || !this._queue.length) return;

    const err = createError('Connection was destroyed before the command completed.', 'PROTOCOL_CONNECTION_DESTROYED',
      { fatal: true });
    const queue = this._queue;
    process.nextTick(() => {
      for (const queued of queue.splice(0)) queued.end(err);
    });
  }

  _debugPacket(incoming: boolean, packet: object): void {
    const debug = this._config.debug;
    const name = packet.constructor.name;
    if (Array.isArray(debug) && debug.indexOf(name) === -1) return;

    const connection = this._connection;
    const threadId = connection && connection.threadId !== null ? ' (' + connection.threadId + ')' : '';
    const payload = util.inspect(packet).replace(/^[^{]+/, '');
    console.log('%s%s %s %s\n', incoming ? '<--' : '-->', threadId, name, payload);
  }
}

export = Protocol;
