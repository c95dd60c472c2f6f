import mysql = require('./index');
import PromiseConnection = require('./promise/PromiseConnection');
import PromisePool = require('./promise/PromisePool');
import PromisePoolCluster = require('./promise/PromisePoolCluster');
import type ConnectionConfig = require('./ConnectionConfig');
import type PoolConfig = require('./PoolConfig');
import type PoolCluster = require('./PoolCluster');

// The factories are looked up on the callback module at each call, so whatever instrumentation has wrapped
// there (OpenTelemetry re-wraps createConnection/createPool) sees promise users too.

/** Connects, and resolves once the handshake is done (or rejects with the connect error). */
function createConnection(config: ConnectionConfig.Options | string): Promise<PromiseConnection> {
  const connection = mysql.createConnection(config);
  return new Promise((resolve, reject) => {
    connection.connect((err) => {
      if (err) reject(err);
      else resolve(new PromiseConnection(connection));
    });
  });
}

function createPool(config: PoolConfig.Options | string): PromisePool {
  return new PromisePool(mysql.createPool(config));
}

function createPoolCluster(config?: PoolCluster.Options): PromisePoolCluster {
  return new PromisePoolCluster(mysql.createPoolCluster(config));
}

// A plain object of writable properties, like the callback module's exports.
const promise = {
  createConnection,
  createPool,
  createPoolCluster,
  escape: mysql.escape,
  escapeId: mysql.escapeId,
  format: mysql.format,
  raw: mysql.raw,
  Types: mysql.Types,
};

// The promise API's classes by their public names, and the result, option and error types of the callback API.
declare namespace promise {
  type Connection = import('./promise/PromiseConnection');
  type PoolConnection = import('./promise/PromisePoolConnection');
  type Pool = import('./promise/PromisePool');
  type PoolCluster = import('./promise/PromisePoolCluster');
  type PoolNamespace = import('./promise/PromisePoolNamespace');
  type RowIterator<Row> = import('./promise/RowIterator')<Row>;
  type RowIteratorOptions = import('./promise/RowIterator').Options;
  /** What query() resolves to when no row type is named: `[results, fields]`. */
  type QueryResult<T = import('./protocol/sequences/Query').Results> = import('./promise/queryPromise').Result<T>;
  type MysqlError = mysql.MysqlError;
  type FieldInfo = mysql.FieldInfo;
  type OkPacket = mysql.OkPacket;
  type RowDataPacket = mysql.RowDataPacket;
  type QueryOptions = mysql.QueryOptions;
  type TypeCast = mysql.TypeCast;
  type ConnectionConfig = mysql.ConnectionConfig;
  type ConnectionOptions = mysql.ConnectionOptions;
  type PoolConfig = mysql.PoolConfig;
  type PoolClusterConfig = mysql.PoolClusterConfig;
  type Types = mysql.Types;
}

export = promise;
