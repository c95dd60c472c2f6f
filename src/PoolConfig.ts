import ConnectionConfig = require('./ConnectionConfig');

declare namespace PoolConfig {
  interface Options extends ConnectionConfig.Options {
    /** Milliseconds a connect, ping or changeUser made while acquiring may take (default 10000). */
    acquireTimeout?: number;
    /** Queue getConnection() calls while every connection is busy, instead of failing (default true). */
    waitForConnections?: boolean;
    /** The most connections open at once; 0 means no limit (default 10). */
    connectionLimit?: number;
    /** The most queued getConnection() calls; 0 means no limit (default 0). */
    queueLimit?: number;
    /** mysql-ts extension: close a free connection once it has been idle this many milliseconds (default 0: never). */
    idleTimeout?: number;
    /**
     * mysql-ts extension: hand out a connection released less than this many milliseconds ago without pinging
     * it first (default 0: ping on every reuse, as mysql does).
     */
    minDelayValidation?: number;
  }
}

// The pool's own options with mysqljs's defaults, plus the connection options every pooled connection copies.
class PoolConfig {
  acquireTimeout: number;
  connectionConfig: ConnectionConfig;
  waitForConnections: boolean;
  connectionLimit: number;
  queueLimit: number;
  idleTimeout: number;
  minDelayValidation: number;

  constructor(input: PoolConfig.Options | string) {
    const options = typeof input === 'string' ? (ConnectionConfig.parseUrl(input) as PoolConfig.Options) : input;

    this.acquireTimeout = options.acquireTimeout === undefined ? 10 * 1000 : Number(options.acquireTimeout);
    this.connectionConfig = new ConnectionConfig(options);
    this.waitForConnections = options.waitForConnections === undefined ? true : Boolean(options.waitForConnections);
    this.connectionLimit = options.connectionLimit === undefined ? 10 : Number(options.connectionLimit);
    this.queueLimit = options.queueLimit === undefined ? 0 : Number(options.queueLimit);
    this.idleTimeout = Math.max(Number(options.idleTimeout) || 0, 0);
    this.minDelayValidation = Math.max(Number(options.minDelayValidation) || 0, 0);
  }

  /** A fresh copy of the connection options for one pooled connection, so changeUser() on it leaves these alone. */
  newConnectionConfig(): ConnectionConfig {
    const connectionConfig = new ConnectionConfig(this.connectionConfig as unknown as ConnectionConfig.Options);
    // Already derived from the user's flags and defaults: copy, do not derive again.
    connectionConfig.clientFlags = this.connectionConfig.clientFlags;
    connectionConfig.maxPacketSize = this.connectionConfig.maxPacketSize;
    return connectionConfig;
  }
}

export = PoolConfig;
