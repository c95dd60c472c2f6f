import Sequence = require('./Sequence');
import Packets = require('../packets');

// COM_PING: the server answers OK.
class Ping extends Sequence {
  constructor(options?: Sequence.Options | Sequence.Callback, callback?: Sequence.Callback) {
    if (!callback && typeof options === 'function') {
      callback = options;
      options = {};
    }
    super(options, callback);
  }

  override start(): void {
    this.emit('packet', new Packets.ComPingPacket());
  }
}

export = Ping;
