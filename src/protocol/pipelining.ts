import Sequences = require('./sequences');
import type Sequence = require('./sequences/Sequence');
import type PacketWriter = require('./PacketWriter');

// Which queued commands may be written before the ones ahead of them have been answered. The server reads
// commands in order and answers them in order, so a command can go early unless the client still has to talk
// inside the conversation ahead of it: the handshake (TLS, auth switches), changeUser (the same), quit (nothing
// follows it), and a query that may answer a LOCAL INFILE request, whose file bytes must come right after it.

// Broader than the LOAD DATA grammar on purpose: missing a LOCAL INFILE query would corrupt the stream, while
// holding back the followers of some other query that mentions the word only costs a round trip.
const MAY_LOAD_LOCAL_FILE = /\bLOCAL\b/i;

/** A command that is complete in one write and whose answer needs nothing more from the client. */
function canSendAhead(sequence: Sequence): boolean {
  return sequence instanceof Sequences.Query || sequence instanceof Sequences.Ping ||
    sequence instanceof Sequences.Statistics;
}

/** Whether the commands queued behind this one may be written before it is answered. */
function letsFollowersThrough(sequence: Sequence): boolean {
  if (!canSendAhead(sequence)) return false;
  return !(sequence instanceof Sequences.Query) || !MAY_LOAD_LOCAL_FILE.test(String(sequence.sql));
}

/** Numbers the packets of a command written ahead: a command starts at 0, whatever the parser is reading. */
class PacketCounter implements PacketWriter.PacketNumbering {
  next = 0;

  incrementPacketNumber(): number {
    const current = this.next;
    this.next = (current + 1) % 256;
    return current;
  }
}

export = { canSendAhead, letsFollowersThrough, PacketCounter };
