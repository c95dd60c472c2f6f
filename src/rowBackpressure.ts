import type net = require('net');
import type Protocol = require('./protocol/Protocol');

// Backpressure for query.stream(). A Readable asks for more each time its consumer takes one row, and a push
// fills its highWaterMark-sized buffer again, so mysqljs pauses and resumes the socket for every row: two system
// calls each. Here only the parser stops between rows, which costs nothing. The socket is paused once
// HOLD_LIMIT bytes wait unparsed, and resumed when the consumer asks for more and no more than that is left (or
// the next packet is not whole yet, which only more bytes can complete), so memory stays bounded: highWaterMark
// rows, HOLD_LIMIT bytes and a read or two more.
const HOLD_LIMIT = 256 * 1024;

interface Holder {
  _protocol: Protocol;
  _socket: net.Socket | undefined;
}

/** Stops turning bytes into rows until releaseRows(). */
function holdRows(connection: Holder): void {
  connection._protocol._holdingRows = true;
  connection._protocol._parser.hold();
}

function releaseRows(connection: Holder): void {
  const protocol = connection._protocol;
  protocol._holdingRows = false;
  const parser = protocol._parser;
  if (parser.queuedBytes() <= HOLD_LIMIT || !parser.hasWholePacket()) resumeSocket(connection);
  protocol.resume();
}

/** At the end of a stream's rows: whatever follows is read as usual. */
function endRows(connection: Holder): void {
  connection._protocol._holdingRows = false;
  resumeSocket(connection);
}

function resumeSocket(connection: Holder): void {
  const protocol = connection._protocol;
  if (!protocol._socketHeld) return;
  protocol._socketHeld = false;
  if (connection._socket) connection._socket.resume();
}

/** Hands bytes read from `socket` to the protocol, and pauses the socket when rows are held and bytes pile up. */
function receive(connection: Holder, socket: net.Socket, data: Buffer): void {
  const protocol = connection._protocol;
  protocol.write(data);
  if (protocol._holdingRows && !protocol._socketHeld && protocol._parser.queuedBytes() > HOLD_LIMIT) {
    protocol._socketHeld = true;
    socket.pause();
  }
}

const rowBackpressure = { holdRows, releaseRows, endRows, receive };

declare namespace rowBackpressure {
  export { Holder };
}

export = rowBackpressure;
