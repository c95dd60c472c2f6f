import type net = require('net');

/**
 * Writes the protocol's packets to a socket. The first write of a tick goes out at once; when more follow in
 * the same tick (commands queued together and sent ahead by pipelining), the socket is corked for them and
 * uncorked after the tick, so they leave in one system call instead of one each.
 */
function coalescedWriter(socket: net.Socket): (data: Buffer) => void {
  let writtenThisTick = false;
  let corked = false;
  const endOfTick = () => {
    writtenThisTick = false;
    if (corked) {
      corked = false;
      socket.uncork();
    }
  };
  return (data: Buffer) => {
    if (socket.destroyed) return;
    if (!writtenThisTick) {
      writtenThisTick = true;
      process.nextTick(endOfTick);
    } else if (!corked) {
      corked = true;
      socket.cork();
    }
    socket.write(data);
  };
}

export = coalescedWriter;
