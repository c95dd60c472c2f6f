import Connection = require('./Connection');
import ConnectionConfig = require('./ConnectionConfig');
import SqlString = require('./protocol/SqlString');
import Types = require('./protocol/constants/types');
import createQueryFromArgs = require('./createQuery');
import type Query = require('./protocol/sequences/Query');
import type Sequence = require('./protocol/sequences/Sequence');
import type Pool = require('./Pool');
import type PoolCluster = require('./PoolCluster');
import type PoolConfig = require('./PoolConfig');

// The pool modules are loaded on first use, as mysqljs does, so a plain connection loads less.
function createConnection(config: ConnectionConfig.Options | string): Connection {
  return new Connection({ config: new ConnectionConfig(config) });
}

function createPool(config: PoolConfig.Options | string): Pool {
  const PoolClass = require('./Pool') as typeof Pool;
  const PoolConfigClass = require('./PoolConfig') as typeof PoolConfig;
  return new PoolClass({ config: new PoolConfigClass(config) });
}

function createPoolCluster(config?: PoolCluster.Options): PoolCluster {
  const PoolClusterClass = require('./PoolCluster') as typeof PoolCluster;
  return new PoolClusterClass(config);
}

function createQuery(sql: unknown, values?: unknown, callback?: Sequence.Callback): Query {
  return createQueryFromArgs(sql, values, callback);
}

function escape(value: unknown, stringifyObjects?: boolean, timeZone?: string): string {
  return SqlString.escape(value, stringifyObjects, timeZone);
}

function escapeId(value: unknown, forbidQualified?: boolean): string {
  return SqlString.escapeId(value as string, forbidQualified);
}

function format(sql: string, values?: unknown, stringifyObjects?: boolean, timeZone?: string): string {
  return SqlString.format(sql, values as unknown[], stringifyObjects, timeZone);
}

function raw(sql: string): { toSqlString(): string } {
  return SqlString.raw(sql);
}

// A plain object of writable data properties: instrumentation re-assigns createConnection/createPool here.
const mysql = {
  createConnection,
  createPool,
  createPoolCluster,
  createQuery,
  escape,
  escapeId,
  format,
  raw,
  Types,
};

export = mysql;
