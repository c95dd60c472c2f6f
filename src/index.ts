import Connection = require('./Connection');
import ConnectionConfig = require('./ConnectionConfig');
import SqlString = require('./protocol/SqlString');
import Types = require('./protocol/constants/types');
import createQueryFromArgs = require('./createQuery');
import type Query = require('./protocol/sequences/Query');
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

function createQuery(sql: unknown, values?: unknown, callback?: Query.Callback): Query {
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

// The type names of @types/mysql (plus RowDataPacket and PoolNamespace), so code written against it compiles
// unchanged: `mysql.MysqlError`, `mysql.FieldInfo`, `mysql.PoolConnection`, ...
declare namespace mysql {
  type MysqlError = import('./MysqlError').MysqlError;
  type Connection = import('./Connection');
  type ConnectionConfig = import('./ConnectionConfig').Options;
  type ConnectionOptions = import('./Connection').ChangeUserOptions;
  type Pool = import('./Pool');
  type PoolConnection = import('./PoolConnection');
  type PoolConfig = import('./PoolConfig').Options;
  type PoolSpecificConfig = Omit<PoolConfig, keyof ConnectionConfig>;
  type PoolActualConfig = import('./PoolConfig');
  type PoolCluster = import('./PoolCluster');
  type PoolClusterConfig = import('./PoolCluster').Options;
  type PoolNamespace = import('./PoolNamespace');
  type Query = import('./protocol/sequences/Query');
  type QueryOptions = import('./protocol/sequences/Query').Options;
  type QueryFunction = import('./protocol/sequences/Query').QueryFunction;
  type queryCallback<T = import('./protocol/sequences/Query').Results> = import('./protocol/sequences/Query').Callback<T>;
  type TypeCast = import('./protocol/sequences/Query').TypeCast;
  type RowDataPacket = import('./protocol/sequences/Query').RowData;
  type OkPacket = import('./protocol/sequences/Query').OkResult;
  type FieldInfo = import('./protocol/sequences/Query').FieldInfo;
  type UntypedFieldInfo = import('./protocol/sequences/Query').UntypedFieldInfo;
  type GeometryType = import('./protocol/Parser').Geometry;
  /** A column type code: one of the values of `mysql.Types`. */
  type Types = number;
  interface EscapeFunctions {
    escape(value: unknown, stringifyObjects?: boolean, timeZone?: string): string;
    escapeId(value: string, forbidQualified?: boolean): string;
    format(sql: string, values?: unknown, stringifyObjects?: boolean, timeZone?: string): string;
  }
}

export = mysql;
