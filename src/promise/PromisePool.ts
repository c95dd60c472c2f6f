import PromisePoolConnection = require('./PromisePoolConnection');
import queryPromise = require('./queryPromise');
import poolRowIterator = require('./poolRowIterator');
import type RowIterator = require('./RowIterator');
import type Pool = require('../Pool');
import type PoolConfig = require('../PoolConfig');
import type PoolConnection = require('../PoolConnection');
import type Query = require('../protocol/sequences/Query');
import type { MysqlError } from '../MysqlError';

declare namespace PromisePool {
  type Listener = (...args: unknown[]) => void;
}

// The promise face of a callback Pool, which stays reachable as `.pool`.
class PromisePool {
  readonly pool: Pool;

  constructor(pool: Pool) {
    this.pool = pool;
  }

  get config(): PoolConfig {
    return this.pool.config;
  }

  getConnection(): Promise<PromisePoolConnection> {
    return new Promise((resolve, reject) => {
      this.pool.getConnection((err, connection) => {
        if (err || !connection) reject(err);
        else resolve(new PromisePoolConnection(connection));
      });
    });
  }

  /** Runs one query on a connection of the pool, which goes back to the pool when the query has ended. */
  query(sql: string | Query.Options, values?: unknown): Promise<queryPromise.Result<Query.Results>>;
  query<Row>(sql: string | Query.Options, values?: unknown): Promise<[Row[], Query.FieldInfo[]]>;
  query(sql: string | Query.Options, values?: unknown): Promise<queryPromise.Result<unknown>> {
    return queryPromise(this.pool, sql, values);
  }

  /** Streams the rows of a query on a pooled connection, released when the query ends (or after a break). */
  queryStream<Row = Query.RowData>(sql: string | Query.Options, values?: unknown,
    options?: RowIterator.Options): RowIterator<Row> {
    return poolRowIterator<Row>(this.pool, sql, values, options);
  }

  /** Closes every connection once its queued commands are done. */
  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pool.end((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }

  escape(value: unknown): string {
    return this.pool.escape(value);
  }

  escapeId(value: unknown): string {
    return this.pool.escapeId(value);
  }

  /** Events are the callback pool's, whose listeners receive its callback PoolConnection objects. */
  on(event: 'connection' | 'acquire' | 'release', listener: (connection: PoolConnection) => void): this;
  on(event: 'enqueue', listener: () => void): this;
  on(event: 'error', listener: (err: MysqlError) => void): this;
  on(event: string, listener: PromisePool.Listener): this;
  on(event: string, listener: (...args: never[]) => void): this {
    this.pool.on(event, listener as PromisePool.Listener);
    return this;
  }

  once(event: 'connection' | 'acquire' | 'release', listener: (connection: PoolConnection) => void): this;
  once(event: 'enqueue', listener: () => void): this;
  once(event: 'error', listener: (err: MysqlError) => void): this;
  once(event: string, listener: PromisePool.Listener): this;
  once(event: string, listener: (...args: never[]) => void): this {
    this.pool.once(event, listener as PromisePool.Listener);
    return this;
  }

  off(event: string, listener: (...args: never[]) => void): this {
    this.pool.off(event, listener as PromisePool.Listener);
    return this;
  }
}

export = PromisePool;
