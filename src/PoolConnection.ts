import util = require('util');
import Connection = require('./Connection');
import type Pool = require('./Pool');
import type { MysqlError } from './MysqlError';

interface PoolConnection extends Connection {
  /** The owning pool; null once the connection has left it (destroyed, died, or the pool purged it). */
  _pool: Pool | null;
  /** Set by PoolCluster: the id of the node the connection came from. */
  _clusterId?: string;
  release(): void;
  /** Connection#end itself: end() on a pooled connection only releases it. */
  _realEnd: Connection['end'];
  _removeFromPool(): void;
}

interface PoolConnectionConstructor {
  new (pool: Pool, options: Connection.Options): PoolConnection;
  (this: PoolConnection, pool: Pool, options: Connection.Options): void;
  prototype: PoolConnection;
}

// Extends Connection the way mysqljs does (Connection.call + util.inherits), so code that patches
// Connection.prototype sees pooled connections too.
const PoolConnection = function PoolConnection(this: PoolConnection, pool: Pool, options: Connection.Options) {
  Connection.call(this, options);
  this._pool = pool;

  // A dead connection leaves the pool at once, before any callback could hand it out again: on 'end', or on
  // the fatal 'error' that precedes it.
  this.on('end', this._removeFromPool);
  this.on('error', function onError(this: PoolConnection, err: MysqlError) {
    if (err.fatal) this._removeFromPool();
  });
} as PoolConnectionConstructor;

util.inherits(PoolConnection, Connection);

PoolConnection.prototype.release = function release(this: PoolConnection) {
  const pool = this._pool;
  if (!pool || pool._closed) return undefined;
  return pool.releaseConnection(this);
};

PoolConnection.prototype._realEnd = Connection.prototype.end;

PoolConnection.prototype.end = function end(this: PoolConnection) {
  console.warn(
    'Calling conn.end() to release a pooled connection is ' +
    'deprecated. In next version calling conn.end() will be ' +
    'restored to default conn.end() behavior. Use ' +
    'conn.release() instead.',
  );
  this.release();
};

PoolConnection.prototype.destroy = function destroy(this: PoolConnection) {
  Connection.prototype.destroy.call(this);
  this._removeFromPool();
};

PoolConnection.prototype._removeFromPool = function _removeFromPool(this: PoolConnection) {
  const pool = this._pool;
  if (!pool || pool._closed) return;
  this._pool = null;
  pool._purgeConnection(this);
};

export = PoolConnection;
