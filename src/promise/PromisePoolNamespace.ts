import PromisePoolConnection = require('./PromisePoolConnection');
import queryPromise = require('./queryPromise');
import poolRowIterator = require('./poolRowIterator');
import type RowIterator = require('./RowIterator');
import type PoolNamespace = require('../PoolNamespace');
import type Query = require('../protocol/sequences/Query');

// The promise face of cluster.of(pattern, selector); the callback PoolNamespace stays reachable as `.namespace`.
class PromisePoolNamespace {
  readonly namespace: PoolNamespace;

  constructor(namespace: PoolNamespace) {
    this.namespace = namespace;
  }

  /** A connection from one of the matching nodes, chosen by the namespace's selector. */
  getConnection(): Promise<PromisePoolConnection> {
    return new Promise((resolve, reject) => {
      this.namespace.getConnection((err, connection) => {
        if (err || !connection) reject(err);
        else resolve(new PromisePoolConnection(connection));
      });
    });
  }

  query(sql: string | Query.Options, values?: unknown): Promise<queryPromise.Result<Query.Results>>;
  query<Row>(sql: string | Query.Options, values?: unknown): Promise<[Row[], Query.FieldInfo[]]>;
  query(sql: string | Query.Options, values?: unknown): Promise<queryPromise.Result<unknown>> {
    return queryPromise(this.namespace, sql, values);
  }

  queryStream<Row = Query.RowData>(sql: string | Query.Options, values?: unknown,
    options?: RowIterator.Options): RowIterator<Row> {
    return poolRowIterator<Row>(this.namespace, sql, values, options);
  }
}

export = PromisePoolNamespace;
