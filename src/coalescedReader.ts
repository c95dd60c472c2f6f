import net = require('net');
import rowBackpressure = require('./rowBackpressure');

// While a large reply streams in from a server on the same host and the client reads faster than the server
// writes, each write of the server (16 KB, its net buffer) finds the client asleep, and waking it up is paid for
// on the server's CPU: 7% of the server's time on a 100k-row SELECT on the benchmark machine, where the server is
// what limits the rows per second; the client pays a read per 16 KB. Pausing the socket for a moment between
// reads lets several writes gather in the kernel, which the next reads take at once, with no wake-up per write.
// A server on another host does not pay for the client's wake-ups, so only loopback connections pause.
//
// A reply is coalesced only once COALESCE_AFTER of its bytes have arrived, and only when the reads have shown
// that the server is the slower side: BULK_STREAK reads in a row of at least BULK_READ bytes that still emptied
// the socket (a read takes up to READ_SIZE). From then until the reply ends, each read that empties the socket
// pauses it for NAP_MS. A reply that ends during a nap is read up to about 2 ms later (the nap, then the rows
// that gathered); COALESCE_AFTER keeps that small next to what the reply has taken so far (about 25 ms). A client
// slower than the server has full reads and never pauses.
const READ_SIZE = 65536; // what Node asks one socket read for
const BULK_READ = 8192;
const BULK_STREAK = 4;
const COALESCE_AFTER = 8 * 1024 * 1024;
const NAP_MS = 1;

/** Whether the socket's peer is this host: a loopback address, or a Unix socket (no remote address). */
function isLoopback(socket: net.Socket): boolean {
  const address = socket.remoteAddress;
  if (address === undefined) return true;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

/** The socket's 'data' listener: hands each read to the protocol, and pauses between the reads of a bulk reply. */
function coalescedReader(connection: rowBackpressure.Holder, socket: net.Socket): (data: Buffer) => void {
  const protocol = connection._protocol;
  /** The command whose reply is being read (the head of the queue), and what has been read of it. */
  let reply: unknown;
  let replyBytes = 0;
  /** Reads in a row that emptied the socket mid-reply, counted up to BULK_STREAK, which starts the coalescing. */
  let drainedReads = 0;
  let napping = false;
  /** Decided at the first read, once the socket is connected; null until then. */
  let loopback: boolean | null = null;

  const wake = () => {
    napping = false;
    // Left paused when it was paused for another reason meanwhile: by connection.pause() (the parser stopped
    // while no stream holds its rows), or by a stream's backpressure (rowBackpressure.ts), which resumes it itself.
    const pausedByUser = protocol._parser._paused && !protocol._holdingRows;
    if (!socket.destroyed && !protocol._socketHeld && !pausedByUser) socket.resume();
  };

  return (data: Buffer) => {
    rowBackpressure.receive(connection, socket, data);
    if (loopback === null) loopback = isLoopback(socket);
    if (!loopback) return;
    const head = protocol._queue[0];
    if (head !== reply) {
      reply = head;
      replyBytes = 0;
      drainedReads = 0;
    }
    if (head === undefined) return;
    const length = data.length;
    replyBytes += length;
    if (drainedReads < BULK_STREAK) {
      drainedReads = length >= BULK_READ && length < READ_SIZE ? drainedReads + 1 : 0;
      if (drainedReads < BULK_STREAK) return;
    }
    if (length >= READ_SIZE || replyBytes < COALESCE_AFTER || napping) return;
    if (socket.isPaused() || protocol._holdingRows || socket.destroyed) return;
    napping = true;
    socket.pause();
    // Not unref()ed: a paused socket does not keep the process alive, so during the nap this timer must.
    setTimeout(wake, NAP_MS);
  };
}

export = coalescedReader;
