import type net = require('net');

/**
 * Writes the protocol's packets to a socket. The writes made in one tick (commands queued together and sent
 * ahead by pipelining) are corked and leave in one system call after it, instead of one call per command.
 */
function coalescedWriter(socket: net.Socket): (data: Buffer) => void {
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  return (data: Buffer) => {
    if (socket.destroyed) return;
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    socket.write(data);
  };
}

export = coalescedWriter;
