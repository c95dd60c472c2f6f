import type net = require('net');

// Writes corked in one tick are flushed after this many, so the server starts on the first commands of a long
// batch while the client still encodes the rest (measured best between 16 and 32 on 100 queued queries).
const FLUSH_EVERY = 16;

// The end of a tick is marked by a reaction to a settled promise: it runs once the code that wrote has returned,
// like process.nextTick(), but without a trip through Node's tick queue and its async hooks, which a callback
// queued with nextTick() makes every query pay (W2's query in process: 2.7% of its instructions).
const settled = Promise.resolve();

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
      void settled.then(endOfTick);
    } else if (!corked) {
      corked = true;
      socket.cork();
    }
    socket.write(data);
    if (++writtenThisTick % FLUSH_EVERY === 0 && corked) uncork();
  };
}

export = coalescedWriter;
