import type { MysqlError } from '../MysqlError';
import type Query = require('../protocol/sequences/Query');

const DEFAULT_HIGH_WATER_MARK = 100;
const COMPACT_AFTER = 1024; // consumed rows kept in the buffer array before it is sliced

declare namespace RowIterator {
  interface Options {
    /** Rows buffered before the connection is paused (default 100); reading resumes at half of it. */
    highWaterMark?: number;
  }
  /** The connection the rows arrive on: paused while the consumer is behind. */
  interface Pausable {
    pause(): void;
    resume(): void;
  }
  /** Starts the query (for a pool: once a connection is acquired) and hands it to attach() or fail(). */
  type Open<Row> = (iterator: RowIterator<Row>) => void;
}

interface Waiter<Row> {
  resolve(result: IteratorResult<Row, undefined>): void;
  reject(err: MysqlError): void;
}

const DONE: IteratorResult<never, undefined> = { done: true, value: undefined };

// The rows of a streaming query as an async iterator. The connection is paused while highWaterMark rows
// wait unread, so a result of any size is read at bounded memory. When the consumer stops early (break,
// throw, return()), the rest of the result is still read, so the connection stays usable, but each row is
// dropped as it arrives instead of being buffered.
class RowIterator<Row> implements AsyncIterableIterator<Row, undefined, undefined> {
  // Buffered rows are _rows[_head..]: an index instead of Array#shift, which is O(n) on a large buffer.
  _rows: Row[] = [];
  _head = 0;
  _waiters: Array<Waiter<Row>> = [];
  _error: MysqlError | null = null;
  _queryEnded = false;
  // Set once the consumer will get no more rows: it returned, or it has been given the end or the error.
  _finished = false;
  _connection: RowIterator.Pausable | null = null;
  _paused = false;
  _open: RowIterator.Open<Row> | null;
  _highWaterMark: number;
  _lowWaterMark: number;

  constructor(options: RowIterator.Options = {}, open?: RowIterator.Open<Row>) {
    this._highWaterMark = Math.max(1, options.highWaterMark || DEFAULT_HIGH_WATER_MARK);
    this._lowWaterMark = Math.floor(this._highWaterMark / 2);
    this._open = open || null;
  }

  /** Connects the iterator to a query that has no callback: its rows arrive as 'result' events. */
  _attach(query: Query, connection: RowIterator.Pausable, onQueryEnd?: () => void): void {
    this._connection = connection;
    query.on('result', (row: unknown) => this._onRow(row as Row));
    // Listening for 'error' also keeps a failing query from becoming an 'error' event of the connection.
    query.on('error', (err: MysqlError) => this._onError(err));
    query.on('end', () => {
      this._queryEnded = true;
      this._setPaused(false);
      this._settleWaiters();
      if (onQueryEnd) onQueryEnd();
    });
  }

  /** Ends the iteration with an error before any query ran (for a pool: no connection could be had). */
  _fail(err: MysqlError): void {
    this._queryEnded = true;
    this._onError(err);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Row, undefined>> {
    this._start();
    if (this._head < this._rows.length) {
      const row = this._takeRow();
      if (this._rows.length - this._head <= this._lowWaterMark) this._setPaused(false);
      return Promise.resolve({ done: false, value: row });
    }
    if (this._error && !this._finished) {
      this._finished = true;
      return Promise.reject(this._error);
    }
    if (this._finished || this._queryEnded) {
      this._finished = true;
      return Promise.resolve(DONE);
    }
    return new Promise((resolve, reject) => this._waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<Row, undefined>> {
    // Never started (a pool stream that was not iterated): no connection is taken at all.
    this._open = null;
    this._finished = true;
    this._rows = [];
    this._head = 0;
    this._setPaused(false);
    this._settleWaiters();
    return Promise.resolve(DONE);
  }

  _start(): void {
    const open = this._open;
    if (!open) return;
    this._open = null;
    open(this);
  }

  _onRow(row: Row): void {
    if (this._finished) return;
    const waiter = this._waiters.shift();
    if (waiter) {
      waiter.resolve({ done: false, value: row });
      return;
    }
    this._rows.push(row);
    if (this._rows.length - this._head >= this._highWaterMark) this._setPaused(true);
  }

  _takeRow(): Row {
    const row = this._rows[this._head];
    this._head++;
    if (this._head === this._rows.length) {
      this._rows = [];
      this._head = 0;
    } else if (this._head >= COMPACT_AFTER && this._head * 2 >= this._rows.length) {
      // A buffer that never runs empty would otherwise keep every row it ever held.
      this._rows = this._rows.slice(this._head);
      this._head = 0;
    }
    return row;
  }

  _onError(err: MysqlError): void {
    if (this._finished || this._error) return;
    this._error = err;
    const waiter = this._waiters.shift();
    if (!waiter) return; // delivered by next() after the rows that came before it
    this._finished = true;
    waiter.reject(err);
    this._settleWaiters();
  }

  // Waiters exist only while no row is buffered and no error is pending, so once the query is over (or the
  // consumer has stopped) each of them gets the end.
  _settleWaiters(): void {
    if (!this._finished && !this._queryEnded) return;
    for (const waiter of this._waiters.splice(0)) waiter.resolve(DONE);
  }

  _setPaused(paused: boolean): void {
    if (this._paused === paused || !this._connection) return;
    this._paused = paused;
    if (paused) this._connection.pause();
    else this._connection.resume();
  }
}

export = RowIterator;
