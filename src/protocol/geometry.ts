import createError = require('./createError');

declare namespace parseGeometry {
  export type Point = { x: number; y: number };
  export type GeometryValue = Point | GeometryValue[] | null;
}
type GeometryValue = parseGeometry.GeometryValue;

// WKB geometry types (OGC Simple Features)
const WKB_POINT = 1;
const WKB_LINESTRING = 2;
const WKB_POLYGON = 3;
const WKB_COLLECTION_FIRST = 4; // MultiPoint, MultiLineString, MultiPolygon, GeometryCollection: 4..7
const WKB_COLLECTION_LAST = 7;
const SRID_LENGTH = 4; // MySQL stores a 4-byte SRID before the WKB

class WkbReader {
  buffer: Buffer;
  offset = SRID_LENGTH;
  littleEndian = true;

  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }

  uint32(): number {
    const v = this.littleEndian ? this.buffer.readUInt32LE(this.offset) : this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  point(): parseGeometry.Point {
    const b = this.buffer;
    const le = this.littleEndian;
    const x = le ? b.readDoubleLE(this.offset) : b.readDoubleBE(this.offset);
    const y = le ? b.readDoubleLE(this.offset + 8) : b.readDoubleBE(this.offset + 8);
    this.offset += 16;
    return { x, y };
  }

  points(): parseGeometry.Point[] {
    const out: parseGeometry.Point[] = [];
    for (let n = this.uint32(); n > 0; n--) out.push(this.point());
    return out;
  }

  geometry(): GeometryValue {
    this.littleEndian = this.buffer.readUInt8(this.offset) !== 0;
    this.offset += 1;
    const type = this.uint32();
    if (type === WKB_POINT) return this.point();
    if (type === WKB_LINESTRING) return this.points();
    if (type === WKB_POLYGON) {
      const rings: GeometryValue[] = [];
      for (let n = this.uint32(); n > 0; n--) rings.push(this.points());
      return rings;
    }
    if (type >= WKB_COLLECTION_FIRST && type <= WKB_COLLECTION_LAST) {
      const parts: GeometryValue[] = [];
      for (let n = this.uint32(); n > 0; n--) parts.push(this.geometry());
      return parts;
    }
    return null;
  }
}

// Decodes MySQL's internal geometry format into the shapes mysqljs returns ({x, y}, arrays of them, nested).
// Truncated data is a PARSER_ error, so it is routed like any other malformed packet.
function parseGeometry(buffer: Buffer): GeometryValue {
  try {
    return new WkbReader(buffer).geometry();
  } catch (err) {
    if (err instanceof RangeError) {
      throw createError('Parser: truncated geometry value', 'PARSER_READ_PAST_END');
    }
    throw err;
  }
}

export = parseGeometry;
