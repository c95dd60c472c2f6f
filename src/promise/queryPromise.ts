import type Query = require('../protocol/sequences/Query');
import type { MysqlError } from '../MysqlError';

declare namespace queryPromise {
  /** Results and fields, as the callback API passes them to a query callback. */
  type Result<T> = [T, Query.FieldInfo[] | undefined];
  /** A Connection, Pool or PoolNamespace: anything with the callback API's query(sql, values, callback). */
  interface Target {
    query(sql: string | Query.Options, values: unknown, callback: Query.Callback<unknown>): unknown;
  }
}

// Runs target.query() as a method call, so instrumentation that wrapped the prototype sees the real object.
function queryPromise(target: queryPromise.Target, sql: string | Query.Options,
  values: unknown): Promise<queryPromise.Result<unknown>> {
  return new Promise((resolve, reject) => {
    target.query(sql, values, (err: MysqlError | null, results: unknown, fields?: Query.FieldInfo[]) => {
      if (err) reject(err);
      else resolve([results, fields]);
    });
  });
}

export = queryPromise;
