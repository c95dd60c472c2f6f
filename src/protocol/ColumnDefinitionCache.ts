import FieldPacket = require('./packets/FieldPacket');
import type Parser = require('./Parser');

const MAX_COLUMNS = 4096; // positions remembered; wider result sets parse the rest as usual

// A query that runs again sends the same column definitions, byte for byte. Column i of each result set is
// compared with the bytes of column i of the previous one on this connection, and when they match, its
// FieldPacket is a copy of the one parsed then: six strings less to decode per column. The cache keeps copies
// of its own, so what callers do with their FieldPackets does not reach it.
class ColumnDefinitionCache {
  _bytes: Buffer[] = [];
  _packets: FieldPacket[] = [];
  _index = 0;

  /** A result set begins: its first column definition is column 0. */
  rewind(): void {
    this._index = 0;
  }

  /** The FieldPacket for the column definition at the parser, if the same bytes came at this position before. */
  lookup(parser: Parser): FieldPacket | null {
    const i = this._index;
    const bytes = this._bytes[i];
    if (bytes === undefined || !parser.packetRestEquals(bytes)) return null;
    this._index = i + 1;
    parser.skipPacketRest();
    return new FieldPacket(this._packets[i]);
  }

  /** Records a definition that lookup() did not find; `bytes` were taken before it was parsed. */
  remember(bytes: Buffer, packet: FieldPacket): void {
    const i = this._index++;
    if (i >= MAX_COLUMNS) return;
    this._bytes[i] = bytes;
    this._packets[i] = new FieldPacket(packet);
  }
}

export = ColumnDefinitionCache;
