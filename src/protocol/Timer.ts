// A restartable inactivity timer: active() pushes the deadline back, as socket timeouts do.
interface TimerTarget {
  _onTimeout(): void;
}

class Timer {
  _object: TimerTarget;
  _timeout: NodeJS.Timeout | null = null;

  constructor(object: TimerTarget) {
    this._object = object;
  }

  active(): void {
    if (this._timeout) this._timeout.refresh();
  }

  start(msecs: number): void {
    this.stop();
    this._timeout = setTimeout(() => this._onTimeout(), msecs);
  }

  stop(): void {
    if (this._timeout) {
      clearTimeout(this._timeout);
      this._timeout = null;
    }
  }

  _onTimeout(): void {
    this._object._onTimeout();
  }
}

export = Timer;
