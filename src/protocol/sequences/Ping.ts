import Sequence = require('./Sequence');
import Packets = require('../packets');

// COM_PING: the server answers OK.
class Ping extends Sequence {
  override start(): void {
    this.emit('packet', new Packets.ComPingPacket());
  }
}

export = Ping;
