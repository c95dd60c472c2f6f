import type net = require('net');
import process = require('process');

// Writes corked in one tick are flushed after this many, so the server starts on the first commands of a long
// batch while the client still encodes the rest (measured best between 16 and 32 on 100 queued queries).
const FLUSH_EVERY = 16;

/**
 * Writes the protocol's packets to a socket. The first write of a tick goes out at once; when more follow in
 * the same tick (commands queued together and sent ahead by pipelining), the socket is corked for them and
 * uncorked every FLUSH_EVERY writes and after the tick, so they leave in a few system calls instead of one each.
 */
function coalescedWriter(socket: net.Socket): (data: Buffer) => void {
  let writtenThisTick = 0;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  const endOfTick = () => {
    writtenThisTick = 0;
    if (corked) uncork();
  };
  return (data: Buffer) => {
    if (socket.destroyed) return;
    if (writtenThisTick === 0) {
      process.nextTick(endOfTick);
    } else if (!corked) {
      corked = true;
      socket.cork();
    }
    socket.write(data);
    if (++writtenThisTick % FLUSH_EVERY === 0 && corked) uncork();
  };
}

export = coalescedWriter;
