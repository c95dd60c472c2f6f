import buffer = require('buffer');
import createError = require('./createError');

// The module's own binding: global `Buffer` is an accessor in Node, called again at every use.
const { Buffer } = buffer;

const MAX_PACKET_LENGTH = 2 ** 24 - 1; // payloads this long continue in the next packet
const PACKET_HEADER_LENGTH = 4;
const INITIAL_SIZE = 256;
const BIT_16 = 2 ** 16;
const BIT_24 = 2 ** 24;
const MAX_SAFE_LENGTH = 2 ** 53; // beyond this a JS number no longer holds the exact value

// Builds one packet payload; toBuffer() frames it (splitting at 16 MB and stamping sequence ids). The payload is
// written after room for one header, so a packet under 16 MB is framed in place, without a copy.
class PacketWriter {
  _buffer: Buffer | null = null;
  _offset = 0;

  toBuffer(parser: PacketWriter.PacketNumbering): Buffer {
    const buf = this._buffer || this._allocate(0);
    const length = this._offset - PACKET_HEADER_LENGTH;
    if (length < MAX_PACKET_LENGTH) {
      buf.writeUIntLE(length, 0, 3);
      buf[3] = parser.incrementPacketNumber();
      const framed = this._offset === buf.length ? buf : buf.subarray(0, this._offset);
      this._buffer = framed;
      return framed;
    }
    return this._splitLongPacket(buf, length, parser);
  }

  /** A payload of 16 MB or more goes out as several packets; one of exactly n * 16 MB ends with an empty one. */
  _splitLongPacket(buf: Buffer, length: number, parser: PacketWriter.PacketNumbering): Buffer {
    const packets = Math.floor(length / MAX_PACKET_LENGTH) + 1;
    const out = Buffer.allocUnsafe(length + packets * PACKET_HEADER_LENGTH);
    let offset = 0;
    for (let i = 0; i < packets; i++) {
      const start = PACKET_HEADER_LENGTH + i * MAX_PACKET_LENGTH;
      const packetLength = i + 1 === packets ? length - i * MAX_PACKET_LENGTH : MAX_PACKET_LENGTH;
      out.writeUIntLE(packetLength, offset, 3);
      out[offset + 3] = parser.incrementPacketNumber();
      offset += PACKET_HEADER_LENGTH;
      offset += buf.copy(out, offset, start, start + packetLength);
    }
    this._buffer = out;
    this._offset = offset;
    return out;
  }

  writeUnsignedNumber(bytes: number, value: number): void {
    const buf = this._allocate(bytes);
    for (let i = 0; i < bytes; i++) {
      buf[this._offset++] = i < 4 ? (value >>> (i * 8)) & 0xff : Math.floor(value / 2 ** (i * 8)) & 0xff;
    }
  }

  writeFiller(bytes: number): void {
    const buf = this._allocate(bytes);
    buf.fill(0, this._offset, this._offset + bytes);
    this._offset += bytes;
  }

  writeNullTerminatedString(value: unknown, encoding: BufferEncoding = 'utf-8'): void {
    const str = value ? String(value) : '';
    const bytes = Buffer.byteLength(str, encoding);
    const buf = this._allocate(bytes + 1);
    buf.write(str, this._offset, encoding);
    buf[this._offset + bytes] = 0x00;
    this._offset += bytes + 1;
  }

  /** Sizes the buffer for a payload of exactly `bytes` before anything is written: one allocation, no slicing. */
  reserve(bytes: number): void {
    if (this._buffer) return;
    this._offset = PACKET_HEADER_LENGTH;
    this._buffer = Buffer.allocUnsafe(PACKET_HEADER_LENGTH + bytes);
  }

  writeString(value: unknown): void {
    const str = value ? String(value) : '';
    const bytes = Buffer.byteLength(str, 'utf-8');
    const buf = this._allocate(bytes);
    buf.write(str, this._offset, 'utf-8');
    this._offset += bytes;
  }

  writeBuffer(value: Buffer): void {
    const buf = this._allocate(value.length);
    value.copy(buf, this._offset);
    this._offset += value.length;
  }

  writeLengthCodedNumber(value: number | null): void {
    if (value === null) {
      this._allocate(1)[this._offset++] = 251;
      return;
    }
    if (value <= 250) {
      this._allocate(1)[this._offset++] = value;
      return;
    }
    if (value > MAX_SAFE_LENGTH) {
      throw createError(
        'writeLengthCodedNumber: JS precision range exceeded, your number is > 53 bit: "' + value + '"',
        'PACKET_WRITER_RANGE_EXCEEDED',
      );
    }
    if (value < BIT_16) {
      this._allocate(3)[this._offset++] = 252;
      this.writeUnsignedNumber(2, value);
    } else if (value < BIT_24) {
      this._allocate(4)[this._offset++] = 253;
      this.writeUnsignedNumber(3, value);
    } else {
      this._allocate(9)[this._offset++] = 254;
      this.writeUnsignedNumber(8, value);
    }
  }

  writeLengthCodedBuffer(value: Buffer): void {
    this.writeLengthCodedNumber(value.length);
    this.writeBuffer(value);
  }

  writeNullTerminatedBuffer(value: Buffer): void {
    this.writeBuffer(value);
    this.writeFiller(1);
  }

  writeLengthCodedString(value: unknown): void {
    if (value === null) {
      this.writeLengthCodedNumber(null);
      return;
    }
    const str = value === undefined ? '' : String(value);
    const bytes = Buffer.byteLength(str, 'utf-8');
    this.writeLengthCodedNumber(bytes);
    if (!bytes) return;
    const buf = this._allocate(bytes);
    buf.write(str, this._offset, 'utf-8');
    this._offset += bytes;
  }

  /** Ensures room for `bytes` more and returns the (possibly new) buffer; grows by doubling. */
  _allocate(bytes: number): Buffer {
    const current = this._buffer;
    if (!current) {
      this._offset = PACKET_HEADER_LENGTH;
      return (this._buffer = Buffer.allocUnsafe(Math.max(INITIAL_SIZE, PACKET_HEADER_LENGTH + bytes)));
    }
    if (current.length - this._offset >= bytes) return current;

    const grown = Buffer.allocUnsafe(Math.max(current.length * 2, this._offset + bytes));
    current.copy(grown, 0, 0, this._offset);
    return (this._buffer = grown);
  }
}

declare namespace PacketWriter {
  /** Stamps the sequence ids: the parser, or a counter of a command's own (see pipelining.ts). */
  interface PacketNumbering {
    incrementPacketNumber(): number;
  }
}

export = PacketWriter;
