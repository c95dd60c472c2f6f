import EventEmitter = require('events');
import util = require('util');
import Timer = require('../Timer');
import Packets = require('../packets');
import errorName = require('../errorName');
import type { MysqlError } from '../../MysqlError';
import type ErrorPacket = require('../packets/ErrorPacket');
import type OkPacket = require('../packets/OkPacket');
import type Parser = require('../Parser');
import type RowDataPacket = require('../packets/RowDataPacket');

const LONG_STACK_DELIMITER = '\n    --------------------\n';

// A callback receives whatever its command produces (rows, fields, OkPacket, ...).
declare namespace Sequence {
  type Callback = (err: MysqlError | null, ...results: any[]) => void;
  interface Options {
    timeout?: number;
  }
  type PacketClass = { new (options?: any): any; name: string };
  export interface Constructor {
    new (options?: Sequence.Options | Sequence.Callback, callback?: Sequence.Callback): Sequence;
    (this: Sequence, options?: Sequence.Options | Sequence.Callback, callback?: Sequence.Callback): void;
    prototype: Sequence;
    determinePacket(firstByte: number | undefined): Sequence.PacketClass | undefined;
    listenFirst(sequence: Sequence, listeners: ProtocolListeners): boolean;
  }
  /** The listeners the protocol puts on every sequence it queues, by event. */
  interface ProtocolListeners {
    error(this: Sequence, err: MysqlError): void;
    packet(this: Sequence, packet: object): void;
    timeout(this: Sequence): void;
    end(this: Sequence): void;
  }
}

interface Sequence extends EventEmitter {
  /** APM agents read and re-assign this: it is read when the sequence ends, never captured earlier. */
  _callback: Sequence.Callback | undefined;
  _callSite: Error | null;
  _ended: boolean;
  /** With pipelining: the packet number after this command's own packets, once they were written early; else 0. */
  _nextPacketNumberWhenSent: number;
  _timeout: number | undefined;
  _timer: Timer;
  determinePacket?(firstByte: number | undefined, parser: Parser): Sequence.PacketClass | undefined;
  hasErrorHandler(): boolean;
  _packetToError(packet: ErrorPacket): MysqlError;
  end(err?: MysqlError | null, ...results: unknown[]): void;
  start(...args: unknown[]): void;
  OkPacket(packet: OkPacket): void;
  ErrorPacket(packet: ErrorPacket): void;
  /** The object the next row is parsed into (Query makes wide rows from a template). */
  _newRow(): RowDataPacket;
  _addLongStackTrace(err: MysqlError): void;
  _onTimeout(): void;
}


// The events object of a sequence starts with a slot for each listener the protocol adds to every queued
// sequence (Protocol.ts). EventEmitter's own starts empty and without a prototype, which V8 keeps as a hash table,
// so each of those listeners was a property added to a dictionary, four per query; Node's streams pre-shape
// theirs the same way. Its prototype has no prototype either, so no event name finds an inherited member.
type SequenceEvents = Record<string | symbol, unknown>;
const SequenceEvents = function SequenceEvents(this: SequenceEvents) {
  this.error = undefined;
  this.packet = undefined;
  this.timeout = undefined;
  this.end = undefined;
} as unknown as { new (): SequenceEvents; prototype: object };
SequenceEvents.prototype = Object.create(null);

// A function constructor, not a class: code written for mysql subclasses it with util.inherits() and
// Sequence.call(this, options, callback), which a native class would reject.
const Sequence = function Sequence(
  this: Sequence,
  options?: Sequence.Options | Sequence.Callback,
  callback?: Sequence.Callback,
) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  EventEmitter.call(this);
  // Replaced after EventEmitter.call(): set before, it would put the emitter in Node's "shape mode", whose
  // removeListener() never emits 'removeListener'.
  (this as unknown as { _events: SequenceEvents })._events = new SequenceEvents();
  const opts = options || {};
  this._callback = callback;
  this._callSite = null;
  this._ended = false;
  this._nextPacketNumberWhenSent = 0;
  this._timeout = opts.timeout;
  this._timer = new Timer(this);
} as Sequence.Constructor;

util.inherits(Sequence, EventEmitter);

Sequence.determinePacket = function determinePacket(firstByte) {
  switch (firstByte) {
    case 0x00:
      return Packets.OkPacket;
    case 0xfe:
      return Packets.EofPacket;
    case 0xff:
      return Packets.ErrorPacket;
    default:
      return undefined;
  }
};

/**
 * Puts the protocol's listeners into the events object of a sequence that nothing listens to yet, leaving it as four
 * on() calls would. Those calls cost more: addListener() reads and writes the events object by an event name that
 * changes from call to call, which V8 can only do through a generic lookup (in process, 1.5% of a one-row query).
 * With no listener at all there is no 'newListener' listener to tell either. Returns false, and does nothing, when the
 * sequence has a listener already or its events object was replaced: then on() must add them.
 */
Sequence.listenFirst = function listenFirst(sequence, listeners) {
  const emitter = sequence as unknown as { _events: SequenceEvents; _eventsCount: number };
  const events = emitter._events;
  if (emitter._eventsCount !== 0 || !(events instanceof SequenceEvents)) return false;
  events.error = listeners.error;
  events.packet = listeners.packet;
  events.timeout = listeners.timeout;
  events.end = listeners.end;
  emitter._eventsCount = 4;
  return true;
};

// The pre-shaped events object keeps a key for every slot, listened to or not: only those with listeners are
// names of events (as Node's streams, which pre-shape theirs, also filter).
Sequence.prototype.eventNames = function eventNames(this: Sequence) {
  return EventEmitter.prototype.eventNames.call(this).filter((name) => this.listenerCount(name) > 0);
};

Sequence.prototype.hasErrorHandler = function hasErrorHandler(this: Sequence) {
  // One 'error' listener is always the protocol's own.
  return Boolean(this._callback) || this.listenerCount('error') > 1;
};

Sequence.prototype._packetToError = function _packetToError(this: Sequence, packet: ErrorPacket) {
  const code = errorName.of(packet.errno as number, packet) || 'UNKNOWN_CODE_PLEASE_REPORT';
  const err = new Error(code + ': ' + packet.message) as MysqlError;
  err.code = code;
  err.errno = packet.errno;
  err.sqlMessage = packet.message;
  err.sqlState = packet.sqlState;
  return err;
};

Sequence.prototype.end = function end(this: Sequence, ...args: unknown[]) {
  if (this._ended) return;
  const err = args[0] as MysqlError | null | undefined;
  this._ended = true;
  if (err) this._addLongStackTrace(err);
  // The recorded call site holds a stack; dropping it keeps ended sequences from pinning memory.
  this._callSite = null;

  // Nested try/finally: a throwing 'error' listener or callback must not keep 'end' from firing, because
  // the protocol advances its queue on 'end'.
  try {
    if (err) this.emit('error', err);
  } finally {
    try {
      const callback = this._callback;
      // The original arguments, undefined included, as mysqljs passes them.
      if (callback) callback.apply(this, args as Parameters<Sequence.Callback>);
    } finally {
      this.emit('end');
    }
  }
};

Sequence.prototype._newRow = function _newRow(this: Sequence) {
  return new Packets.RowDataPacket();
};

Sequence.prototype.OkPacket = function OkPacket(this: Sequence, packet: OkPacket) {
  this.end(null, packet);
};

Sequence.prototype.ErrorPacket = function ErrorPacket(this: Sequence, packet: ErrorPacket) {
  this.end(this._packetToError(packet));
};

// Implemented by each command.
Sequence.prototype.start = function start() {};

Sequence.prototype._addLongStackTrace = function _addLongStackTrace(this: Sequence, err: MysqlError) {
  const callSiteStack = this._callSite && this._callSite.stack;
  if (!callSiteStack || typeof callSiteStack !== 'string') return;
  if (typeof err.stack !== 'string' || err.stack.indexOf(LONG_STACK_DELIMITER) !== -1) return;
  const index = callSiteStack.indexOf('\n');
  if (index !== -1) err.stack += LONG_STACK_DELIMITER + callSiteStack.substring(index + 1);
};

Sequence.prototype._onTimeout = function _onTimeout(this: Sequence) {
  this.emit('timeout');
};

export = Sequence;
