import FieldPacket = require('./packets/FieldPacket');
import type Parser = require('./Parser');

const MAX_COLUMNS = 4096; // positions remembered; wider result sets parse the rest as usual
const HEADER_LENGTH = 4;

// A query that runs again sends the same column definitions, byte for byte. Column i of each result set is
// compared with the bytes of column i of the previous one on this connection, and when they match, its
// FieldPacket is a copy of the one parsed then: six strings less to decode per column. The cache keeps copies
// of its own, so what callers do with their FieldPackets does not reach it.
//
// The previous result set's definitions are also kept as one block, headers included. When the whole block is
// already in the parser's buffer at the first definition, one native comparison vouches for all of them, and
// each following definition only has to be where the block put it.
class ColumnDefinitionCache {
  _bytes: Buffer[] = [];
  _numbers: number[] = [];
  _packets: FieldPacket[] = [];
  _index = 0;
  _count = 0;
  /** Whether a definition of the current result set differed from the one remembered at its position. */
  _changed = false;
  _block: Buffer | null = null;
  _blockCount = 0;
  /** Where each definition's payload starts in the block, counted from the first one's. */
  _blockOffsets: number[] = [];
  /** The buffer and offset of the first definition, once the block matched there; else null. */
  _matchedIn: Buffer | null = null;
  _matchedAt = 0;

  /** A result set of `count` columns begins: its first column definition is column 0. */
  rewind(count: number): void {
    this._index = 0;
    this._count = count;
    this._changed = false;
    this._matchedIn = null;
  }

  /** The FieldPacket for the column definition at the parser, if the same bytes came at this position before. */
  lookup(parser: Parser): FieldPacket | null {
    const i = this._index;
    const bytes = this._bytes[i];
    if (bytes === undefined) return null;
    if (i === 0 && this._block !== null && this._blockCount === this._count && parser.upcomingBytesEqual(this._block)) {
      const position = parser.packetPosition();
      this._matchedIn = position.buffer;
      this._matchedAt = position.offset;
    }
    const vouched = this._matchedIn !== null &&
      parser.packetStartsAt(this._matchedIn, this._matchedAt + this._blockOffsets[i]);
    if (!vouched && !parser.packetRestEquals(bytes)) return null;
    parser.skipPacketRest();
    this._advance();
    return new FieldPacket(this._packets[i]);
  }

  /** Records a definition that lookup() did not find; `bytes` were taken before it was parsed. */
  remember(bytes: Buffer, packetNumber: number, packet: FieldPacket): void {
    const i = this._index;
    this._matchedIn = null;
    if (i < MAX_COLUMNS) {
      this._bytes[i] = bytes;
      this._numbers[i] = packetNumber;
      this._packets[i] = new FieldPacket(packet);
      this._changed = true;
    }
    this._advance();
  }

  _advance(): void {
    this._index++;
    if (this._index === this._count && this._changed) this._rebuildBlock();
  }

  // The block of the result set that just ended: each definition with its header, as the server sent them.
  _rebuildBlock(): void {
    const count = this._count;
    if (count > MAX_COLUMNS) {
      this._block = null;
      return;
    }
    const parts: Buffer[] = [];
    const offsets: number[] = [];
    let length = 0;
    for (let i = 0; i < count; i++) {
      const bytes = this._bytes[i];
      const header = Buffer.allocUnsafe(HEADER_LENGTH);
      header.writeUIntLE(bytes.length, 0, 3);
      header[3] = this._numbers[i];
      offsets.push(length);
      parts.push(header, bytes);
      length += HEADER_LENGTH + bytes.length;
    }
    this._block = Buffer.concat(parts, length);
    this._blockCount = count;
    this._blockOffsets = offsets;
  }
}

export = ColumnDefinitionCache;
