import perfHooks = require('perf_hooks');

// The opt-in idleTimeout of a pool: closes free connections that nobody has used for `timeout` ms. Released
// connections join the end of the free list and are taken from its front, so the list is in release order and
// its first entry is always the one idle longest: one timer, aimed at that entry, is enough. The owner records when
// each item was released (performance.now()); the timer only reads it.
class PoolIdleTimer<T extends object> {
  _timeout: number;
  _freeList: () => readonly T[];
  _close: (item: T) => void;
  _releasedAt: (item: T) => number | undefined;
  _timer: NodeJS.Timeout | null = null;

  constructor(timeout: number, freeList: () => readonly T[], releasedAt: (item: T) => number | undefined,
    close: (item: T) => void) {
    this._timeout = timeout;
    this._freeList = freeList;
    this._releasedAt = releasedAt;
    this._close = close;
  }

  /** Call when an item has joined the end of the free list. */
  released(): void {
    if (!this._timer) this._schedule(this._timeout);
  }

  stop(): void {
    if (this._timer) clearTimeout(this._timer);
    this._timer = null;
  }

  _schedule(delay: number): void {
    this._timer = setTimeout(() => this._sweep(), Math.max(Math.ceil(delay), 1));
    // Idle connections may hold the process open (their sockets do, as in mysqljs); this timer must not.
    this._timer.unref();
  }

  _sweep(): void {
    this._timer = null;
    const now = perfHooks.performance.now();
    // A copy: closing an entry removes it from the live list.
    for (const item of this._freeList().slice()) {
      const idle = now - (this._releasedAt(item) ?? now);
      if (idle < this._timeout) {
        this._schedule(this._timeout - idle);
        return;
      }
      this._close(item);
    }
  }
}

export = PoolIdleTimer;
