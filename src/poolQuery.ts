import type Query = require('./protocol/sequences/Query');
import type PoolConnection = require('./PoolConnection');
import type { MysqlError } from './MysqlError';

/**
 * Runs a pool-level query once a connection was (or could not be) acquired: an acquire error ends the query (its
 * callback is read from query._callback now, 'error' listeners are optional), otherwise the query runs on the
 * connection, which goes back to the pool when the query ends.
 */
function runPoolQuery(query: Query, err: MysqlError | null, connection: PoolConnection | undefined): void {
  if (err || !connection) {
    query.on('error', function () {});
    query.end(err);
    return;
  }
  query.once('end', function () {
    connection.release();
  });
  connection.query(query);
}

export = runPoolQuery;
