import PromiseConnection = require('./PromiseConnection');
import type PoolConnection = require('../PoolConnection');

// A connection taken from a promise pool: release() gives it back, destroy() closes it and leaves the pool.
class PromisePoolConnection extends PromiseConnection {
  declare readonly connection: PoolConnection;

  release(): void {
    this.connection.release();
  }

  /** Releases the connection, as end() on a pooled connection of the callback API does (with its warning). */
  override end(): Promise<void> {
    this.connection.end();
    return Promise.resolve();
  }
}

export = PromisePoolConnection;
