import EventEmitter = require('events');
import net = require('net');
import util = require('util');
import ConnectionConfig = require('./ConnectionConfig');
import Protocol = require('./protocol/Protocol');
import SqlString = require('./protocol/SqlString');
import Query = require('./protocol/sequences/Query');
import startTLS = require('./startTLS');
import coalescedWriter = require('./coalescedWriter');
import coalescedReader = require('./coalescedReader');
import rowBackpressure = require('./rowBackpressure');
import createQuery = require('./createQuery');
import createError = require('./protocol/createError');
import bindToDomain = require('./domains');
import type Sequence = require('./protocol/sequences/Sequence');
import type StatisticsPacket = require('./protocol/packets/StatisticsPacket');
import type { MysqlError } from './MysqlError';

declare namespace Connection {
  interface Options {
    config: ConnectionConfig;
    socket?: net.Socket;
  }
  type Callback = Sequence.Callback;
  /** For commands that produce nothing but success or an error (connect, ping, changeUser). */
  type ErrorCallback = (err: MysqlError | null) => void;
  /** end() passes no argument at all when the server closed the connection as asked. */
  type EndCallback = (err?: MysqlError | null) => void;
  type StatisticsCallback = (err: MysqlError | null, statistics: StatisticsPacket) => void;
  interface CommandOptions {
    timeout?: number;
  }
  interface ChangeUserOptions extends CommandOptions {
    user?: string;
    password?: string;
    database?: string;
    charset?: string;
  }
  type State = 'disconnected' | 'connected' | 'authenticated' | 'protocol_error';
}

interface Connection extends EventEmitter {
  config: ConnectionConfig;
  _socket: net.Socket | undefined;
  _protocol: Protocol;
  _connectCalled: boolean;
  state: Connection.State;
  threadId: number | null;
  connect(callback?: Connection.ErrorCallback): void;
  connect(options: object, callback?: Connection.ErrorCallback): void;
  changeUser(callback?: Connection.ErrorCallback): Sequence;
  changeUser(options: Connection.ChangeUserOptions, callback?: Connection.ErrorCallback): Sequence;
  beginTransaction(callback?: Query.Callback<Query.OkResult>): Query;
  beginTransaction(options: Query.Options, callback?: Query.Callback<Query.OkResult>): Query;
  commit(callback?: Query.Callback<Query.OkResult>): Query;
  commit(options: Query.Options, callback?: Query.Callback<Query.OkResult>): Query;
  rollback(callback?: Query.Callback<Query.OkResult>): Query;
  rollback(options: Query.Options, callback?: Query.Callback<Query.OkResult>): Query;
  query(query: Query): Query;
  query<T = Query.Results>(sql: string | Query.Options, callback?: Query.Callback<T>): Query;
  query<T = Query.Results>(sql: string | Query.Options, values: unknown, callback?: Query.Callback<T>): Query;
  ping(callback?: Connection.ErrorCallback): void;
  ping(options: Connection.CommandOptions, callback?: Connection.ErrorCallback): void;
  statistics(callback: Connection.StatisticsCallback): void;
  statistics(options: Connection.CommandOptions, callback: Connection.StatisticsCallback): void;
  end(callback?: Connection.EndCallback): void;
  end(options: Connection.CommandOptions, callback?: Connection.EndCallback): void;
  on(event: 'error', listener: (err: MysqlError) => void): this;
  on(event: 'end', listener: (err?: MysqlError) => void): this;
  on(event: 'connect' | 'drain', listener: () => void): this;
  on(event: 'enqueue', listener: (sequence: Sequence) => void): this;
  on(event: string | symbol, listener: (...args: unknown[]) => void): this;
  destroy(): void;
  pause(): void;
  resume(): void;
  _holdRows(): void;
  _releaseRows(): void;
  _endRows(): void;
  escape(value: unknown): string;
  escapeId(value: unknown, forbidQualified?: boolean): string;
  format(sql: string, values?: unknown): string;
  _startTLS(onSecure: (err?: MysqlError | null) => void): void;
  _handleConnectTimeout(): void;
  _handleNetworkError(err: MysqlError): void;
  _handleProtocolError(err: MysqlError): void;
  _handleProtocolDrain(): void;
  _handleProtocolConnect(): void;
  _handleProtocolHandshake(): void;
  _handleProtocolInitialize(packet: { threadId: number }): void;
  _handleProtocolEnd(err?: MysqlError): void;
  _handleProtocolEnqueue(sequence: Sequence): void;
  _implyConnect(): void;
}

interface ConnectionConstructor {
  new (options: Connection.Options): Connection;
  (this: Connection, options: Connection.Options): void;
  prototype: Connection;
  createQuery: typeof createQuery;
}

// A function constructor with prototype-assigned methods: PoolConnection (and code written for mysql) extends it
// with Connection.call(this, ...), and APM agents find and wrap `Connection.prototype.query = function` here.
const Connection = function Connection(this: Connection, options: Connection.Options) {
  EventEmitter.call(this);
  this.config = options.config;
  this._socket = options.socket;
  this._protocol = new Protocol({ config: this.config, connection: this });
  this._connectCalled = false;
  this.state = 'disconnected';
  this.threadId = null;
} as ConnectionConstructor;

util.inherits(Connection, EventEmitter);

Connection.createQuery = createQuery;

Connection.prototype.connect = function connect(this: Connection, options?: object | Connection.Callback,
  callback?: Connection.Callback) {
  if (!callback && typeof options === 'function') {
    callback = options as Connection.Callback;
    options = {};
  }
  if (!this._connectCalled) {
    this._connectCalled = true;
    this._socket = openSocket(this.config);
    // Socket events run in the domain the connection was created in, as with mysql.
    const domain = (this as { domain?: unknown }).domain;
    if (domain) (this._socket as { domain?: unknown }).domain = domain;
    wireSocket(this, this._socket);
  }
  const handshake = this._protocol.handshake(options as Record<string, unknown>, bindToDomain(callback));
  const connectTimeout = this.config.connectTimeout;
  if (connectTimeout && !handshake._ended) {
    // A deadline for the TCP connect and the whole handshake: a server that accepts and then stays silent, or
    // drips its greeting, times out too (mysqljs only timed out an idle TCP connect).
    const timer = setTimeout(() => this._handleConnectTimeout(), connectTimeout);
    handshake.once('end', () => clearTimeout(timer));
  }
};

/**
 * A bad port or address makes net throw synchronously; that becomes the socket's 'error' on the next tick, so it
 * reaches the connect callback like any other network error instead of throwing out of query() or connect().
 */
function openSocket(config: ConnectionConfig): net.Socket {
  try {
    const socket = config.socketPath
      ? net.createConnection(config.socketPath)
      : net.createConnection({ port: Number(config.port), host: config.host, localAddress: config.localAddress });
    // Commands are whole packets written at once; Nagle's algorithm would only delay the last segment.
    socket.setNoDelay(true);
    return socket;
  } catch (err) {
    const socket = new net.Socket();
    process.nextTick(() => socket.destroy(err as Error));
    return socket;
  }
}

function wireSocket(connection: Connection, socket: net.Socket): void {
  const protocol = connection._protocol;
  protocol.on('data', coalescedWriter(socket));
  // A socket of the application's own may be any stream, whose reads say nothing of the server's pace.
  const coalesce = connection.config.readCoalescing && socket instanceof net.Socket;
  socket.on('data', coalesce ? coalescedReader(connection, socket)
    : (data: Buffer) => rowBackpressure.receive(connection, socket, data));
  protocol.on('end', (err?: MysqlError) => {
    // After a fatal error nothing more will be read: close at once so no socket keeps the process alive.
    if (err) socket.destroy();
    else socket.end();
  });
  socket.on('end', () => protocol.end());
  socket.on('error', (err: MysqlError) => connection._handleNetworkError(err));
  socket.on('connect', () => connection._handleProtocolConnect());
  protocol.on('handshake', () => connection._handleProtocolHandshake());
  protocol.on('initialize', (packet: { threadId: number }) => connection._handleProtocolInitialize(packet));
  protocol.on('unhandledError', (err: MysqlError) => connection._handleProtocolError(err));
  protocol.on('drain', () => connection._handleProtocolDrain());
  protocol.on('end', (err?: MysqlError) => connection._handleProtocolEnd(err));
  protocol.on('enqueue', (sequence: Sequence) => connection._handleProtocolEnqueue(sequence));
}

Connection.prototype.changeUser = function changeUser(this: Connection,
  options?: Connection.ChangeUserOptions | Connection.Callback, callback?: Connection.Callback) {
  if (!callback && typeof options === 'function') {
    callback = options;
    options = {};
  }
  const opts = (options || {}) as Connection.ChangeUserOptions;
  this._implyConnect();
  const charsetNumber = opts.charset ? ConnectionConfig.getCharsetNumber(opts.charset) : this.config.charsetNumber;
  return this._protocol.changeUser({
    user: opts.user || this.config.user,
    password: opts.password || this.config.password,
    database: opts.database || this.config.database,
    timeout: opts.timeout,
    charsetNumber,
    currentConfig: this.config,
  }, bindToDomain(callback));
};

function transactionStatement(sql: string) {
  return function (this: Connection, options?: object | Connection.Callback, callback?: Connection.Callback) {
    if (!callback && typeof options === 'function') {
      callback = options as Connection.Callback;
      options = {};
    }
    const opts = (options || {}) as Record<string, unknown>;
    opts.sql = sql;
    opts.values = null;
    return this.query(opts, callback);
  };
}

Connection.prototype.beginTransaction = transactionStatement('START TRANSACTION');
Connection.prototype.commit = transactionStatement('COMMIT');
Connection.prototype.rollback = transactionStatement('ROLLBACK');

Connection.prototype.query = function query(this: Connection, sql: unknown, values?: unknown, cb?: Connection.Callback) {
  const query = createQuery(sql, values, cb);
  query._connection = this;
  if (!(typeof sql === 'object' && sql !== null && 'typeCast' in sql)) query.typeCast = this.config.typeCast;
  if (query.sql) query.sql = this.format(query.sql, query.values);
  query._callback = bindToDomain(query._callback);
  this._implyConnect();
  return this._protocol._enqueue(query) as Query;
};

Connection.prototype.ping = function ping(this: Connection, options?: Connection.CommandOptions | Connection.Callback,
  callback?: Connection.Callback) {
  if (!callback && typeof options === 'function') {
    callback = options;
    options = {};
  }
  this._implyConnect();
  this._protocol.ping(options, bindToDomain(callback));
};

Connection.prototype.statistics = function statistics(this: Connection,
  options?: Connection.CommandOptions | Connection.Callback, callback?: Connection.Callback) {
  if (!callback && typeof options === 'function') {
    callback = options;
    options = {};
  }
  this._implyConnect();
  this._protocol.stats(options, bindToDomain(callback));
};

const DEFAULT_END_TIMEOUT = 30000;

Connection.prototype.end = function end(this: Connection, options?: Connection.CommandOptions | Connection.Callback,
  callback?: Connection.Callback) {
  let cb = callback;
  let opts = options;
  if (!callback && typeof options === 'function') {
    cb = options;
    opts = undefined;
  }
  const quitOptions: Connection.CommandOptions = Object.create((opts as object | undefined) || null);
  if (quitOptions.timeout === undefined) quitOptions.timeout = DEFAULT_END_TIMEOUT;
  this._implyConnect();
  this._protocol.quit(quitOptions, bindToDomain(cb));
};

Connection.prototype.destroy = function destroy(this: Connection) {
  this.state = 'disconnected';
  this._implyConnect();
  (this._socket as net.Socket).destroy();
  this._protocol.destroy();
};

Connection.prototype.pause = function pause(this: Connection) {
  if (this._socket) this._socket.pause();
  this._protocol.pause();
};

Connection.prototype.resume = function resume(this: Connection) {
  if (this._socket) this._socket.resume();
  this._protocol.resume();
};

Connection.prototype._holdRows = function _holdRows(this: Connection) {
  rowBackpressure.holdRows(this);
};

Connection.prototype._releaseRows = function _releaseRows(this: Connection) {
  rowBackpressure.releaseRows(this);
};

Connection.prototype._endRows = function _endRows(this: Connection) {
  rowBackpressure.endRows(this);
};

Connection.prototype.escape = function escape(this: Connection, value: unknown) {
  return SqlString.escape(value, false, this.config.timezone);
};

// mysqljs ignored the second argument here, though its README documents it.
Connection.prototype.escapeId = function escapeId(value: unknown, forbidQualified?: boolean) {
  return SqlString.escapeId(value as string, Boolean(forbidQualified));
};

Connection.prototype.format = function format(this: Connection, sql: string, values?: unknown) {
  if (typeof this.config.queryFormat === 'function') {
    return this.config.queryFormat.call(this, sql, values, this.config.timezone);
  }
  return SqlString.format(sql, values as unknown[], this.config.stringifyObjects, this.config.timezone);
};

Connection.prototype._startTLS = function _startTLS(this: Connection, onSecure: (err?: MysqlError | null) => void) {
  startTLS(this, onSecure);
};

Connection.prototype._handleConnectTimeout = function _handleConnectTimeout(this: Connection) {
  if (this._socket) {
    this._socket.setTimeout(0);
    this._socket.destroy();
  }
  const err = createError('connect ETIMEDOUT', 'ETIMEDOUT', { errorno: 'ETIMEDOUT', syscall: 'connect' });
  this._handleNetworkError(err);
};

Connection.prototype._handleNetworkError = function _handleNetworkError(this: Connection, err: MysqlError) {
  this._protocol.handleNetworkError(err);
};

Connection.prototype._handleProtocolError = function _handleProtocolError(this: Connection, err: MysqlError) {
  this.state = 'protocol_error';
  this.emit('error', err);
};

Connection.prototype._handleProtocolDrain = function _handleProtocolDrain(this: Connection) {
  this.emit('drain');
};

Connection.prototype._handleProtocolConnect = function _handleProtocolConnect(this: Connection) {
  this.state = 'connected';
  this.emit('connect');
};

Connection.prototype._handleProtocolHandshake = function _handleProtocolHandshake(this: Connection) {
  this.state = 'authenticated';
};

Connection.prototype._handleProtocolInitialize = function _handleProtocolInitialize(this: Connection,
  packet: { threadId: number }) {
  this.threadId = packet.threadId;
};

Connection.prototype._handleProtocolEnd = function _handleProtocolEnd(this: Connection, err?: MysqlError) {
  this.state = 'disconnected';
  this.emit('end', err);
};

Connection.prototype._handleProtocolEnqueue = function _handleProtocolEnqueue(this: Connection, sequence: Sequence) {
  this.emit('enqueue', sequence);
};

Connection.prototype._implyConnect = function _implyConnect(this: Connection) {
  if (!this._connectCalled) this.connect();
};

export = Connection;
