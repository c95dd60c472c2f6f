import PromisePoolConnection = require('./PromisePoolConnection');
import PromisePoolNamespace = require('./PromisePoolNamespace');
import type PoolCluster = require('../PoolCluster');
import type PoolConfig = require('../PoolConfig');

declare namespace PromisePoolCluster {
  type Listener = (...args: unknown[]) => void;
}

// The promise face of a callback PoolCluster, which stays reachable as `.poolCluster`.
class PromisePoolCluster {
  readonly poolCluster: PoolCluster;

  constructor(poolCluster: PoolCluster) {
    this.poolCluster = poolCluster;
  }

  add(config: PoolConfig.Options | string): void;
  add(id: string, config: PoolConfig.Options | string): void;
  add(id: string | PoolConfig.Options, config?: PoolConfig.Options | string): void {
    this.poolCluster.add(id, config);
  }

  remove(pattern: PoolCluster.Pattern): void {
    this.poolCluster.remove(pattern);
  }

  /** A connection from a node matching `pattern` (default: every node), chosen by `selector`. */
  getConnection(pattern?: PoolCluster.Pattern, selector?: string): Promise<PromisePoolConnection> {
    return new Promise((resolve, reject) => {
      this.poolCluster.getConnection(pattern || '*', selector, (err, connection) => {
        if (err || !connection) reject(err);
        else resolve(new PromisePoolConnection(connection));
      });
    });
  }

  of(pattern?: PoolCluster.Pattern, selector?: string): PromisePoolNamespace {
    return new PromisePoolNamespace(this.poolCluster.of(pattern, selector));
  }

  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.poolCluster.end((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }

  /** Events are the callback cluster's: 'online', 'offline' and 'remove', with the node id. */
  on(event: 'online' | 'offline' | 'remove', listener: (nodeId: string) => void): this;
  on(event: string, listener: PromisePoolCluster.Listener): this;
  on(event: string, listener: (...args: never[]) => void): this {
    this.poolCluster.on(event, listener as PromisePoolCluster.Listener);
    return this;
  }

  once(event: 'online' | 'offline' | 'remove', listener: (nodeId: string) => void): this;
  once(event: string, listener: PromisePoolCluster.Listener): this;
  once(event: string, listener: (...args: never[]) => void): this {
    this.poolCluster.once(event, listener as PromisePoolCluster.Listener);
    return this;
  }

  off(event: string, listener: (...args: never[]) => void): this {
    this.poolCluster.off(event, listener as PromisePoolCluster.Listener);
    return this;
  }
}

export = PromisePoolCluster;
