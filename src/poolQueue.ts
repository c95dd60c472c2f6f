import util = require('util');

const MIN_CAPACITY = 16; // a power of two, so positions wrap with a mask

// The pool's queue of waiting getConnection() callbacks: a ring buffer, so shift() and unshift() are O(1) however
// long the queue grows (Array#shift copies the whole array once it is large).
//
//   _buffer: [ . . c d e . . . ]      length 3, capacity 8
//                  ^ _head             item i lives at (_head + i) & (capacity - 1)
//
// Tools and dashboards read pool._connectionQueue as an array (Array.isArray, .length, indexing, iteration), so
// `view` is a read-only Array proxy onto the live contents.
class PoolQueue<T> {
  _buffer: Array<T | undefined> = new Array(MIN_CAPACITY);
  _head = 0;
  length = 0;
  readonly view: readonly T[];

  constructor() {
    this.view = createView(this);
  }

  push(item: T): void {
    if (this.length === this._buffer.length) this._grow();
    this._buffer[(this._head + this.length) & (this._buffer.length - 1)] = item;
    this.length++;
  }

  unshift(item: T): void {
    if (this.length === this._buffer.length) this._grow();
    this._head = (this._head - 1) & (this._buffer.length - 1);
    this._buffer[this._head] = item;
    this.length++;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this._buffer[this._head];
    this._buffer[this._head] = undefined; // no reference kept to a callback that has left the queue
    this._head = (this._head + 1) & (this._buffer.length - 1);
    this.length--;
    if (this.length === 0 && this._buffer.length > MIN_CAPACITY) this._reset();
    return item;
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this._buffer[(this._head + index) & (this._buffer.length - 1)];
  }

  /** Removes and returns every item, oldest first. */
  drain(): T[] {
    const items: T[] = [];
    while (this.length > 0) items.push(this.shift() as T);
    return items;
  }

  _grow(): void {
    const buffer: Array<T | undefined> = new Array(this._buffer.length * 2);
    for (let i = 0; i < this.length; i++) buffer[i] = this.at(i);
    this._buffer = buffer;
    this._head = 0;
  }

  // Memory taken by a burst of waiters is given back once the queue is empty again.
  _reset(): void {
    this._buffer = new Array(MIN_CAPACITY);
    this._head = 0;
  }
}

function toIndex(key: string | symbol): number {
  if (typeof key !== 'string') return -1;
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && String(index) === key ? index : -1;
}

function readOnly(): never {
  throw new TypeError('pool._connectionQueue is a read-only view of the waiting callbacks');
}

function createView<T>(queue: PoolQueue<T>): readonly T[] {
  const target: T[] = [];
  // util.inspect shows a proxy's target rather than calling its traps: show the live items instead.
  Object.defineProperty(target, util.inspect.custom, {
    value: function inspectQueue(this: T[]) {
      return Array.prototype.slice.call(this);
    },
  });

  return new Proxy(target, {
    get(t, key, receiver) {
      if (key === 'length') return queue.length;
      const index = toIndex(key);
      if (index !== -1) return queue.at(index);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      const index = toIndex(key);
      return index !== -1 ? index < queue.length : Reflect.has(t, key);
    },
    ownKeys(t) {
      const keys: Array<string | symbol> = [];
      for (let i = 0; i < queue.length; i++) keys.push(String(i));
      return keys.concat(Reflect.ownKeys(t));
    },
    getOwnPropertyDescriptor(t, key) {
      if (key === 'length') return { value: queue.length, writable: true, enumerable: false, configurable: false };
      const index = toIndex(key);
      if (index === -1) return Reflect.getOwnPropertyDescriptor(t, key);
      if (index >= queue.length) return undefined;
      return { value: queue.at(index), writable: false, enumerable: true, configurable: true };
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
    setPrototypeOf: readOnly,
  });
}

export = PoolQueue;
