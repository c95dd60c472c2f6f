import Sequence = require('./Sequence');
import Packets = require('../packets');
import type { MysqlError } from '../../MysqlError';

// COM_QUIT: the server closes the connection instead of answering.
class Quit extends Sequence {
  _started = false;

  override end(...args: unknown[]): void {
    if (this._ended) return;
    const err = args[0] as MysqlError | null | undefined;
    // Once COM_QUIT is sent, a reset while reading is the server hanging up as asked, not a failure.
    if (this._started && err && err.code === 'ECONNRESET' && err.syscall === 'read') {
      super.end();
      return;
    }
    super.end(...(args as [MysqlError | null | undefined, ...unknown[]]));
  }

  override start(): void {
    this._started = true;
    this.emit('packet', new Packets.ComQuitPacket());
  }
}

export = Quit;
