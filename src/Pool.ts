import EventEmitter = require('events');
import perfHooks = require('perf_hooks');
import util = require('util');
import Connection = require('./Connection');
import PoolConnection = require('./PoolConnection');
import PoolQueue = require('./poolQueue');
import PoolIdleTimer = require('./poolIdleTimer');
import SqlString = require('./protocol/SqlString');
import createError = require('./protocol/createError');
import runPoolQuery = require('./poolQuery');
import bindToDomain = require('./domains');
import type PoolConfig = require('./PoolConfig');
import type Query = require('./protocol/sequences/Query');
import type Sequence = require('./protocol/sequences/Sequence');
import type { MysqlError } from './MysqlError';

declare namespace Pool {
  interface Options {
    config: PoolConfig;
  }
  type GetConnectionCallback = (err: MysqlError | null, connection?: PoolConnection) => void;
  type EndCallback = (err?: MysqlError | null) => void;
}

interface Pool extends EventEmitter {
  config: PoolConfig;
  /** Connections being connected, pinged or reset for a caller; a release() of one of them is ignored. */
  _acquiringConnections: PoolConnection[];
  _allConnections: PoolConnection[];
  /** Idle connections, oldest release first; bounded by connectionLimit, so Array#shift stays cheap. */
  _freeConnections: PoolConnection[];
  /** A read-only array view of _waiting, for the tools that read pool._connectionQueue.length. */
  _connectionQueue: readonly Pool.GetConnectionCallback[];
  _closed: boolean;
  /** The getConnection() callbacks waiting for a connection, first come first served. */
  _waiting: PoolQueue<Pool.GetConnectionCallback>;
  _idleTimer: PoolIdleTimer<PoolConnection> | null;
  /** When each free connection was released (performance.now()), kept for idleTimeout and minDelayValidation. */
  _releasedAt: WeakMap<PoolConnection, number>;
  getConnection(cb: Pool.GetConnectionCallback): void;
  acquireConnection(connection: PoolConnection, cb: Pool.GetConnectionCallback): void;
  releaseConnection(connection: PoolConnection): void;
  end(cb?: Pool.EndCallback): void;
  query: Query.QueryFunction;
  escape(value: unknown): string;
  escapeId(value: unknown): string;
  _enqueueCallback(callback: Pool.GetConnectionCallback): void;
  _needsChangeUser(connection: PoolConnection): boolean;
  _releasedRecently(connection: PoolConnection): boolean;
  _purgeConnection(connection: PoolConnection, callback?: Pool.EndCallback): void;
  _removeConnection(connection: PoolConnection): void;
}

interface PoolConstructor {
  new (options: Pool.Options): Pool;
  (this: Pool, options: Pool.Options): void;
  prototype: Pool;
}

// A function constructor with prototype-assigned methods, as in mysqljs: APM agents rewrite this file's source
// or wrap the prototype, and find getConnection and query only in that form.
const Pool = function Pool(this: Pool, options: Pool.Options) {
  EventEmitter.call(this);
  this.config = options.config;
  this.config.connectionConfig.pool = this;

  this._acquiringConnections = [];
  this._allConnections = [];
  this._freeConnections = [];
  this._waiting = new PoolQueue();
  this._connectionQueue = this._waiting.view;
  this._closed = false;
  this._releasedAt = new WeakMap();

  const idleTimeout = this.config.idleTimeout;
  this._idleTimer = idleTimeout > 0
    ? new PoolIdleTimer(idleTimeout, () => this._freeConnections, (connection) => this._releasedAt.get(connection),
      (connection) => this._purgeConnection(connection))
    : null;
} as PoolConstructor;

util.inherits(Pool, EventEmitter);

function poolClosedError(): MysqlError {
  return createError('Pool is closed.', 'POOL_CLOSED');
}

function callBackLater(cb: Pool.GetConnectionCallback, err: MysqlError): void {
  process.nextTick(() => cb(err));
}

function spliceConnection(list: PoolConnection[], connection: PoolConnection): void {
  const index = list.indexOf(connection);
  if (index !== -1) list.splice(index, 1);
}

Pool.prototype.getConnection = function getConnection(this: Pool, callback: Pool.GetConnectionCallback) {
  const cb = bindToDomain(callback);
  if (this._closed) {
    callBackLater(cb, poolClosedError());
    return;
  }

  if (this._freeConnections.length > 0) {
    this.acquireConnection(this._freeConnections.shift() as PoolConnection, cb);
    return;
  }

  if (this.config.connectionLimit === 0 || this._allConnections.length < this.config.connectionLimit) {
    openConnection(this, cb);
    return;
  }

  if (!this.config.waitForConnections) {
    callBackLater(cb, createError('No connections available.', 'POOL_CONNLIMIT'));
    return;
  }

  this._enqueueCallback(cb);
};

function openConnection(pool: Pool, cb: Pool.GetConnectionCallback): void {
  const connection = new PoolConnection(pool, { config: pool.config.newConnectionConfig() });
  connection.connect({ timeout: pool.config.acquireTimeout }, function onConnect(err: MysqlError | null) {
    spliceConnection(pool._acquiringConnections, connection);
    const failure = pool._closed ? poolClosedError() : err;
    if (failure) {
      pool._purgeConnection(connection);
      cb(failure);
      return;
    }
    pool.emit('connection', connection);
    pool.emit('acquire', connection);
    cb(null, connection);
  });
  // Counted only once connect() has returned: when it throws (a bad port option), no place stays taken.
  pool._acquiringConnections.push(connection);
  pool._allConnections.push(connection);
}

Pool.prototype.acquireConnection = function acquireConnection(this: Pool, connection: PoolConnection,
  cb: Pool.GetConnectionCallback) {
  if (connection._pool !== this) throw new Error('Connection acquired from wrong pool.');

  const pool = this;
  const changeUser = this._needsChangeUser(connection);
  this._acquiringConnections.push(connection);

  function onOperationComplete(err?: MysqlError | null) {
    spliceConnection(pool._acquiringConnections, connection);
    const failure = pool._closed ? poolClosedError() : err;
    if (failure) {
      // The connection is unusable, not the caller's request: it goes first in line for the next connection
      // (or gets POOL_CLOSED when the pool has ended meanwhile).
      pool._waiting.unshift(cb);
      pool._purgeConnection(connection);
      return;
    }
    if (changeUser) pool.emit('connection', connection);
    pool.emit('acquire', connection);
    cb(null, connection);
  }

  if (changeUser) {
    // Back to the pool's own user, database and charset: whatever the last borrower switched to is reset.
    connection.config = this.config.newConnectionConfig();
    connection.changeUser({ timeout: this.config.acquireTimeout }, onOperationComplete);
  } else if (this._releasedRecently(connection)) {
    // minDelayValidation: a connection that was in use a moment ago is trusted without a round trip.
    process.nextTick(onOperationComplete, null);
  } else {
    // A connection that sat in the pool may have been dropped by the server meanwhile.
    connection.ping({ timeout: this.config.acquireTimeout }, onOperationComplete);
  }
};

Pool.prototype._releasedRecently = function _releasedRecently(this: Pool, connection: PoolConnection) {
  const window = this.config.minDelayValidation;
  if (window <= 0) return false;
  const releasedAt = this._releasedAt.get(connection);
  return releasedAt !== undefined && perfHooks.performance.now() - releasedAt < window;
};

Pool.prototype.releaseConnection = function releaseConnection(this: Pool, connection: PoolConnection) {
  if (this._acquiringConnections.indexOf(connection) !== -1) return;

  if (connection._pool) {
    if (connection._pool !== this) throw new Error('Connection released to wrong pool');
    // Catches a second release() while the connection is still free, not one after it was handed out again.
    if (this._freeConnections.indexOf(connection) !== -1) throw new Error('Connection already released');
    this._freeConnections.push(connection);
    if (this._idleTimer || this.config.minDelayValidation > 0) {
      this._releasedAt.set(connection, perfHooks.performance.now());
    }
    if (this._idleTimer) this._idleTimer.released();
    this.emit('release', connection);
  }

  if (this._closed) {
    failWaiting(this);
  } else {
    serveWaiting(this);
  }
};

// Hands free or newly allowed connections to waiting callbacks, oldest first, for as long as there are any.
// Unlike mysqljs (one waiter per release), this may run any number of times for one freed connection without
// ever taking more waiters than there are connections for them.
function serveWaiting(pool: Pool): void {
  const limit = pool.config.connectionLimit;
  while (pool._waiting.length > 0 && !pool._closed &&
    (pool._freeConnections.length > 0 || limit === 0 || pool._allConnections.length < limit)) {
    pool.getConnection(pool._waiting.shift() as Pool.GetConnectionCallback);
  }
}

function failWaiting(pool: Pool): void {
  for (const cb of pool._waiting.drain()) callBackLater(cb, poolClosedError());
}

Pool.prototype.end = function end(this: Pool, cb?: Pool.EndCallback) {
  this._closed = true;
  if (this._idleTimer) this._idleTimer.stop();

  const callback: Pool.EndCallback = typeof cb === 'function' ? cb : function (err) {
    if (err) throw err;
  };

  let calledBack = false;
  let waitingClose = 0;
  function onEnd(err?: MysqlError | null) {
    if (!calledBack && (err || --waitingClose <= 0)) {
      calledBack = true;
      callback(err);
    }
  }

  while (this._allConnections.length !== 0) {
    waitingClose++;
    this._purgeConnection(this._allConnections[0], onEnd);
  }
  failWaiting(this);

  if (waitingClose === 0) process.nextTick(onEnd);
};

Pool.prototype.query = function query(this: Pool, sql: unknown, values?: unknown, cb?: Sequence.Callback) {
  // Looked up on Connection at call time: agents wrap Connection.createQuery.
  const query = Connection.createQuery(sql, values, cb);

  if (!(typeof sql === 'object' && sql !== null && 'typeCast' in sql)) {
    query.typeCast = this.config.connectionConfig.typeCast;
  }
  if (this.config.connectionConfig.trace) {
    // The caller's stack, for long stack traces: the query is enqueued later, from a pool callback.
    query._callSite = new Error();
  }

  // Synchronously, with a plain callback: dd-trace checks that query() reaches getConnection before returning.
  this.getConnection(function (err, conn) {
    runPoolQuery(query, err, conn as PoolConnection | undefined);
  });

  return query;
};

Pool.prototype._enqueueCallback = function _enqueueCallback(this: Pool, callback: Pool.GetConnectionCallback) {
  if (this.config.queueLimit && this._waiting.length >= this.config.queueLimit) {
    callBackLater(callback, createError('Queue limit reached.', 'POOL_ENQUEUELIMIT'));
    return;
  }
  this._waiting.push(callback);
  this.emit('enqueue');
};

Pool.prototype._needsChangeUser = function _needsChangeUser(this: Pool, connection: PoolConnection) {
  const connConfig = connection.config;
  const poolConfig = this.config.connectionConfig;
  return connConfig.user !== poolConfig.user
    || connConfig.database !== poolConfig.database
    || connConfig.password !== poolConfig.password
    || connConfig.charsetNumber !== poolConfig.charsetNumber;
};

Pool.prototype._purgeConnection = function _purgeConnection(this: Pool, connection: PoolConnection,
  callback?: Pool.EndCallback) {
  const cb = callback || function () {};

  if (connection.state === 'disconnected') connection.destroy();
  this._removeConnection(connection);

  if (connection.state !== 'disconnected' && !connection._protocol._quitSequence) {
    connection._realEnd(cb);
    return;
  }
  process.nextTick(cb);
};

Pool.prototype._removeConnection = function _removeConnection(this: Pool, connection: PoolConnection) {
  connection._pool = null;
  spliceConnection(this._allConnections, connection);
  spliceConnection(this._freeConnections, connection);
  // Its place is free now: a waiting callback may get a new connection.
  this.releaseConnection(connection);
};

Pool.prototype.escape = function escape(this: Pool, value: unknown) {
  const config = this.config.connectionConfig;
  return SqlString.escape(value, config.stringifyObjects, config.timezone);
};

Pool.prototype.escapeId = function escapeId(value: unknown) {
  return SqlString.escapeId(value as string, false);
};

export = Pool;
