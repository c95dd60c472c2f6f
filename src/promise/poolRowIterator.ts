import RowIterator = require('./RowIterator');
import type PoolConnection = require('../PoolConnection');
import type Query = require('../protocol/sequences/Query');
import type { MysqlError } from '../MysqlError';

declare namespace poolRowIterator {
  /** A Pool or PoolNamespace. */
  interface Source {
    getConnection(callback: (err: MysqlError | null, connection?: PoolConnection) => void): void;
  }
}

// Streams a query on a pooled connection. The connection is taken on the first next() (an iterator that is
// never read takes none) and goes back to the pool when the query has ended, after an early stop too.
function poolRowIterator<Row>(source: poolRowIterator.Source, sql: string | Query.Options, values: unknown,
  options?: RowIterator.Options): RowIterator<Row> {
  return new RowIterator<Row>(options, (iterator) => {
    source.getConnection((err, connection) => {
      if (err || !connection) {
        iterator._fail(err as MysqlError);
        return;
      }
      if (iterator._finished) {
        connection.release();
        return;
      }
      iterator._attach(connection.query(sql, values), connection, () => connection.release());
    });
  });
}

export = poolRowIterator;
