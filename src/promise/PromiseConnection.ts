import RowIterator = require('./RowIterator');
import queryPromise = require('./queryPromise');
import type Connection = require('../Connection');
import type ConnectionConfig = require('../ConnectionConfig');
import type Query = require('../protocol/sequences/Query');
import type Sequence = require('../protocol/sequences/Sequence');
import type StatisticsPacket = require('../protocol/packets/StatisticsPacket');
import type { MysqlError } from '../MysqlError';

declare namespace PromiseConnection {
  type Listener = (...args: unknown[]) => void;
}

// The promise face of one callback Connection, which stays reachable as `.connection` (APM agents keep
// instrumenting it: every command goes through its prototype methods).
class PromiseConnection {
  readonly connection: Connection;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  get config(): ConnectionConfig {
    return this.connection.config;
  }

  get threadId(): number | null {
    return this.connection.threadId;
  }

  get state(): Connection.State {
    return this.connection.state;
  }

  /**
   * Resolves to `[results, fields]`. Without a type argument `results` is typed loosely (rows or an OkPacket);
   * `query<Row>()` types the rows of a SELECT.
   */
  query(sql: string | Query.Options, values?: unknown): Promise<queryPromise.Result<Query.Results>>;
  query<Row>(sql: string | Query.Options, values?: unknown): Promise<[Row[], Query.FieldInfo[]]>;
  query(sql: string | Query.Options, values?: unknown): Promise<queryPromise.Result<unknown>> {
    return queryPromise(this.connection, sql, values);
  }

  /** The rows of a query, read with back-pressure: `for await (const row of conn.queryStream(sql)) ...`. */
  queryStream<Row = Query.RowData>(sql: string | Query.Options, values?: unknown,
    options?: RowIterator.Options): RowIterator<Row> {
    const iterator = new RowIterator<Row>(options);
    iterator._attach(this.connection.query(sql, values), this.connection);
    return iterator;
  }

  ping(options?: Connection.CommandOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection.ping(options || {}, settleVoid(resolve, reject));
    });
  }

  statistics(options?: Connection.CommandOptions): Promise<StatisticsPacket> {
    return new Promise((resolve, reject) => {
      this.connection.statistics(options || {}, (err, statistics) => {
        if (err) reject(err);
        else resolve(statistics);
      });
    });
  }

  changeUser(options?: Connection.ChangeUserOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection.changeUser(options || {}, settleVoid(resolve, reject));
    });
  }

  beginTransaction(options?: Query.Options): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection.beginTransaction(options || {}, settleVoid(resolve, reject));
    });
  }

  commit(options?: Query.Options): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection.commit(options || {}, settleVoid(resolve, reject));
    });
  }

  rollback(options?: Query.Options): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection.rollback(options || {}, settleVoid(resolve, reject));
    });
  }

  /** Sends COM_QUIT after the queued commands and resolves once the server has closed the connection. */
  end(options?: Connection.CommandOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection.end(options || {}, settleVoid(resolve, reject));
    });
  }

  destroy(): void {
    this.connection.destroy();
  }

  pause(): void {
    this.connection.pause();
  }

  resume(): void {
    this.connection.resume();
  }

  escape(value: unknown): string {
    return this.connection.escape(value);
  }

  escapeId(value: unknown): string {
    return this.connection.escapeId(value);
  }

  format(sql: string, values?: unknown): string {
    return this.connection.format(sql, values);
  }

  /** Events are the callback connection's ('error', 'end', 'enqueue', 'drain'), with the same arguments. */
  on(event: 'error', listener: (err: MysqlError) => void): this;
  on(event: 'end', listener: (err?: MysqlError) => void): this;
  on(event: 'enqueue', listener: (sequence: Sequence) => void): this;
  on(event: 'connect' | 'drain', listener: () => void): this;
  on(event: string, listener: PromiseConnection.Listener): this;
  on(event: string, listener: (...args: never[]) => void): this {
    this.connection.on(event, listener as PromiseConnection.Listener);
    return this;
  }

  once(event: 'error', listener: (err: MysqlError) => void): this;
  once(event: 'end', listener: (err?: MysqlError) => void): this;
  once(event: 'enqueue', listener: (sequence: Sequence) => void): this;
  once(event: 'connect' | 'drain', listener: () => void): this;
  once(event: string, listener: PromiseConnection.Listener): this;
  once(event: string, listener: (...args: never[]) => void): this {
    this.connection.once(event, listener as PromiseConnection.Listener);
    return this;
  }

  off(event: string, listener: (...args: never[]) => void): this {
    this.connection.off(event, listener as PromiseConnection.Listener);
    return this;
  }
}

// A callback that settles a promise with no value: the callback API passes an OkPacket or nothing here.
function settleVoid(resolve: () => void, reject: (err: MysqlError) => void): (err?: MysqlError | null) => void {
  return (err) => {
    if (err) reject(err);
    else resolve();
  };
}

export = PromiseConnection;
