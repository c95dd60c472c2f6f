import FieldPacket = require('./packets/FieldPacket');
import type Parser = require('./Parser');

const MAX_COLUMNS = 4096; // column definitions remembered per connection, over all shapes
const MAX_SHAPES = 16; // column lists remembered per connection
const HEADER_LENGTH = 4;

// The column definitions of one result set, as the server sent them, and the FieldPackets parsed from them.
class Shape {
  count: number;
  bytes: Buffer[] = [];
  numbers: number[] = [];
  packets: FieldPacket[] = [];
  /** Every definition with its header, back to back; null until the shape is complete. */
  block: Buffer | null = null;
  /** Where each definition's payload starts in the block, counted from the first one's. */
  blockOffsets: number[] = [];

  constructor(count: number) {
    this.count = count;
  }

  /** A new shape that starts with the first `length` definitions of this one. */
  prefix(length: number): Shape {
    const shape = new Shape(this.count);
    shape.bytes = this.bytes.slice(0, length);
    shape.numbers = this.numbers.slice(0, length);
    shape.packets = this.packets.slice(0, length);
    return shape;
  }

  buildBlock(): void {
    const parts: Buffer[] = [];
    const offsets: number[] = [];
    let length = 0;
    for (let i = 0; i < this.count; i++) {
      const bytes = this.bytes[i];
      const header = Buffer.allocUnsafe(HEADER_LENGTH);
      header.writeUIntLE(bytes.length, 0, 3);
      header[3] = this.numbers[i];
      offsets.push(length);
      parts.push(header, bytes);
      length += HEADER_LENGTH + bytes.length;
    }
    this.block = Buffer.concat(parts, length);
    this.blockOffsets = offsets;
  }
}

// A query that runs again sends the same column definitions, byte for byte. The cache remembers the column lists
// of the last few result sets on this connection (an application's queries take turns on a pooled connection),
// and when the definitions of a new result set are those of a list it has, each FieldPacket is a copy of the one
// parsed then: six strings less to decode per column. The cache keeps copies of its own, so what callers do with
// their FieldPackets does not reach it.
//
// When a list's definitions are already whole in the parser's buffer at the first one, one native comparison with
// the list's block vouches for all of them, and each following definition only has to be where the block put it.
// Otherwise the list whose first definition matches is followed definition by definition; where one differs, the
// rest of the result set is parsed and remembered as a new list that shares the matched beginning.
class ColumnDefinitionCache {
  /** Most recently used first. */
  _shapes: Shape[] = [];
  /** The list the current result set follows or fills; null until its first definition is read. */
  _shape: Shape | null = null;
  /** Whether the current result set has definitions the shape did not have (it is being filled). */
  _filling = false;
  _index = 0;
  _count = 0;
  /** The buffer and offset of the first definition, once a block matched there; else null. */
  _matchedIn: Buffer | null = null;
  _matchedAt = 0;

  /** A result set of `count` columns begins: its first column definition is column 0. */
  rewind(count: number): void {
    this._index = 0;
    this._count = count;
    this._shape = null;
    this._filling = false;
    this._matchedIn = null;
  }

  /** The FieldPacket for the column definition at the parser, if a remembered list has these bytes here. */
  lookup(parser: Parser): FieldPacket | null {
    const i = this._index;
    // The first definition was compared while choosing the list (by itself, or with the whole block).
    const shape = i === 0 ? (this._shape = this._choose(parser)) : this._shape;
    if (shape === null || this._filling) return null;
    if (i > 0) {
      const bytes = shape.bytes[i];
      if (bytes === undefined) return null;
      const vouched = this._matchedIn !== null &&
        parser.packetStartsAt(this._matchedIn, this._matchedAt + shape.blockOffsets[i]);
      if (!vouched && !parser.packetRestEquals(bytes)) return null;
    }
    parser.skipPacketRest();
    this._advance();
    return new FieldPacket(shape.packets[i]);
  }

  /** Records a definition that lookup() did not find; `bytes` were taken before it was parsed. */
  remember(bytes: Buffer, packetNumber: number, packet: FieldPacket): void {
    const i = this._index;
    this._matchedIn = null;
    if (!this._filling && this._count <= MAX_COLUMNS) {
      // The matched beginning of the list followed so far (nothing at the first definition) starts a new one.
      const shape = this._shape === null ? new Shape(this._count) : this._shape.prefix(i);
      this._shape = shape;
      this._filling = true;
      this._add(shape);
    }
    const shape = this._shape;
    // Filling always has a list (set just above); past MAX_COLUMNS nothing is remembered.
    if (this._filling && shape !== null) {
      shape.bytes[i] = bytes;
      shape.numbers[i] = packetNumber;
      shape.packets[i] = new FieldPacket(packet);
    }
    this._advance();
  }

  /** The remembered list the result set's first definition begins, its whole block first: null if none. */
  _choose(parser: Parser): Shape | null {
    const shapes = this._shapes;
    let first = -1;
    for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s];
      if (shape.count !== this._count) continue;
      if (shape.block !== null && parser.upcomingBytesEqual(shape.block)) {
        const position = parser.packetPosition();
        this._matchedIn = position.buffer;
        this._matchedAt = position.offset;
        return this._use(s);
      }
      if (first < 0 && parser.packetRestEquals(shape.bytes[0])) first = s;
    }
    return first < 0 ? null : this._use(first);
  }

  /** Moves the list at `index` to the front, as the most recently used. */
  _use(index: number): Shape {
    const shape = this._shapes[index];
    if (index > 0) {
      this._shapes.splice(index, 1);
      this._shapes.unshift(shape);
    }
    return shape;
  }

  /** Adds a list at the front, and forgets the least recently used past the limits. */
  _add(shape: Shape): void {
    const shapes = this._shapes;
    shapes.unshift(shape);
    let columns = 0;
    for (let s = 0; s < shapes.length; s++) {
      columns += shapes[s].count;
      if (s > 0 && (s >= MAX_SHAPES || columns > MAX_COLUMNS)) {
        shapes.length = s;
        return;
      }
    }
  }

  _advance(): void {
    this._index++;
    const shape = this._shape;
    if (this._index === this._count && this._filling && shape !== null) shape.buildBlock();
  }
}

export = ColumnDefinitionCache;
