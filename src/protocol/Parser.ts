import PacketHeader = require('./PacketHeader');
import BufferList = require('./BufferList');
import createError = require('./createError');
import parseGeometry = require('./geometry');
import shortAscii = require('./shortAscii');
import dates = require('./dates');
import exactDecimal = require('./exactDecimal');
import isRowPacket = require('./isRowPacket');
import type { MysqlError } from '../MysqlError';

const MAX_PACKET_LENGTH = 2 ** 24 - 1; // 0xffffff: the payload continues in the next packet
const PACKET_HEADER_LENGTH = 4; // 3-byte length + 1-byte sequence id
const MUL_32BIT = 2 ** 32;
// 17 significant digits, a sign, a point and a few leading zeros; longer texts go through Number()
const MAX_FAST_NUMERIC_LENGTH = 22;
const DIGITS_PER_INT32 = 9;
const POWERS_OF_TEN = Array.from({ length: exactDecimal.MAX_DECIMAL_PLACES + 1 }, (_, i) => 10 ** i); // all exact

type Utf8Slice = (this: Buffer, start: number, end: number) => string;
// Called with .call() rather than as buf.utf8Slice(): TurboFan compiles that load from Buffer.prototype into a call
// of the generic LoadIC on every value (W10 in process: 1.9% of perf's samples).
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice: Utf8Slice }).utf8Slice;

/** The unsigned three-byte little-endian number at buf[at]: packet lengths, among others. */
function uint24At(buf: Buffer, at: number): number {
  return buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16);
}

function parserError(message: string, code: string, offset: number): MysqlError {
  return createError(message, code, { offset });
}

// Turns the byte stream into packets (joining payloads split at 16 MB) and offers typed reads on the current
// packet. Every read is bounded by the packet's end, so a malformed packet raises a PARSER_* error that the
// protocol routes to the current sequence instead of reading the next packet's bytes or throwing a RangeError.
class Parser {
  _supportBigNumbers: boolean;
  _buffer: Buffer = Buffer.alloc(0);
  _nextBuffers = new BufferList();
  _longPacketBuffers = new BufferList();
  _offset = 0;
  _packetEnd: number | null = null;
  _packetHeader: PacketHeader | null = null;
  /** Rewritten for every packet instead of allocating one per packet: onPacket reads it during its call only. */
  _header = new PacketHeader(0, 0);
  _packetOffset: number | null = null;
  _onError: (err: MysqlError) => void;
  _onPacket: (header: PacketHeader) => void;
  _nextPacketNumber = 0;
  _encoding: BufferEncoding = 'utf-8';
  _paused = false;

  constructor(options: Parser.Options = {}) {
    this._supportBigNumbers = Boolean(options.config && options.config.supportBigNumbers);
    this._onError =
      options.onError ||
      ((err) => {
        throw err;
      });
    this._onPacket = options.onPacket || (() => undefined);
  }

  write(chunk?: Buffer): void {
    if (chunk) this._nextBuffers.push(chunk);

    while (!this._paused) {
      const header = this._tryReadPacketHeader();
      if (!header) break;
      if (!this._combineNextBuffers(header.length)) break;
      this._parsePacket(header);
    }
  }

  /** Makes `chunk` (or chunks) readable after the unread bytes of the current buffer. */
  append(chunk: Buffer | Buffer[]): void {
    const chunks = Array.isArray(chunk) ? chunk : [chunk];
    let length = 0;
    for (const c of chunks) length += c.length;
    if (length === 0) return;

    const sliceStart = this._packetOffset === null ? this._offset : this._packetOffset;
    const kept = this._buffer.length - sliceStart;
    let buffer: Buffer;
    if (kept === 0 && chunks.length === 1) {
      buffer = chunks[0];
    } else {
      buffer = Buffer.allocUnsafe(kept + length);
      let offset = this._buffer.copy(buffer, 0, sliceStart);
      for (const c of chunks) offset += c.copy(buffer, offset);
    }

    this._buffer = buffer;
    this._offset -= sliceStart;
    if (this._packetEnd !== null) this._packetEnd -= sliceStart;
    if (this._packetOffset !== null) this._packetOffset -= sliceStart;
  }

  pause(): void {
    this._paused = true;
    // While paused, everything received and not yet read is in _buffer after _offset, as with mysqljs: code that
    // takes over the socket then (a fake server starting TLS) reads the rest from there.
    if (this._nextBuffers.size) {
      const rest: Buffer[] = [];
      for (let buf = this._nextBuffers.shift(); buf; buf = this._nextBuffers.shift()) rest.push(buf);
      this.append(rest);
    }
  }

  /**
   * Stops at the next packet boundary like pause(), but leaves what was received where it is: for the pauses
   * between rows of a stream, many per read, where gathering the unread bytes each time would copy them again.
   */
  hold(): void {
    this._paused = true;
  }

  /** Bytes received and not yet parsed. */
  queuedBytes(): number {
    return this._buffer.length - this._offset + this._nextBuffers.size;
  }

  /** Whether the next packet has arrived whole (false too when its header is split across reads). */
  hasWholePacket(): boolean {
    const buf = this._buffer;
    const o = this._offset;
    if (buf.length - o < PACKET_HEADER_LENGTH) return false;
    const length = uint24At(buf, o);
    return PACKET_HEADER_LENGTH + length <= this.queuedBytes();
  }

  resume(): void {
    this._paused = false;
    // write() mutates the parser's state, so it must not be re-entered from inside a packet handler.
    process.nextTick(() => this.write());
  }

  peak(offset = 0): number | undefined {
    return this._buffer[this._offset + (offset >>> 0)];
  }

  parseUnsignedNumber(bytes: number): number {
    if (bytes > 4) {
      throw parserError('parseUnsignedNumber: Supports only up to 4 bytes', 'PARSER_UNSIGNED_TOO_LONG', this._relOffset());
    }
    this._need(bytes);
    const buf = this._buffer;
    const o = this._offset;
    this._offset = o + bytes;
    switch (bytes) {
      case 1:
        return buf[o];
      case 2:
        return buf[o] | (buf[o + 1] << 8);
      case 3:
        return uint24At(buf, o);
      default:
        return uint24At(buf, o) + buf[o + 3] * 0x1000000;
    }
  }

  parseLengthCodedString(): string | null {
    const length = this.parseLengthCodedNumber();
    return length === null ? null : this.parseString(length as number);
  }

  parseLengthCodedBuffer(): Buffer | null {
    const length = this.parseLengthCodedNumber();
    return length === null ? null : this.parseBuffer(length as number);
  }

  parseLengthCodedNumber(): number | string | null {
    this._need(1);
    const bits = this._buffer[this._offset++];
    if (bits <= 250) return bits;
    switch (bits) {
      case 251:
        return null; // a NULL column value
      case 252:
        return this.parseUnsignedNumber(2);
      case 253:
        return this.parseUnsignedNumber(3);
      case 254:
        return this._parseLengthCoded64();
      default:
        throw parserError(
          'Unexpected first byte' + (bits ? ': 0x' + bits.toString(16) : ''),
          'PARSER_BAD_LENGTH_BYTE',
          this._relOffset() - 1,
        );
    }
  }

  /**
   * A length-coded column value that the server sends as decimal text (integers, FLOAT, DOUBLE) as the number
   * Number(text) gives, read straight from the bytes without building a string: the hot path of numeric columns.
   * When the digits form an integer of at most 2 ** 53 - 1 it is exact, and one division by an exact power of ten
   * rounds correctly; above that (a DOUBLE's usual 17 digits), exactDecimal() rounds correctly. Anything
   * else (more digits, exponents, NaN) goes through Number().
   */
  parseLengthCodedNumeric(): number | null {
    this._need(1);
    const buf = this._buffer;
    const start = this._offset;
    const length = buf[start];
    if (length === 251) {
      this._offset++;
      return null;
    }
    const end = start + 1 + length;
    if (length > 0 && length <= MAX_FAST_NUMERIC_LENGTH && end <= this._end()) {
      let o = start + 1;
      const negative = buf[o] === 0x2d; // '-'
      if (negative) o++;
      // The digits are gathered nine at a time in int32 arithmetic: the earlier ones in `high`, the last in `low`.
      let high = 0;
      let low = 0;
      let lowDigits = 0; // at least 1 once there was a digit
      let dot = -1;
      for (; o < end; o++) {
        const digit = buf[o] - 0x30;
        if (digit >>> 0 > 9) {
          if (digit === 0x2e - 0x30 && dot < 0) { // the one '.'
            dot = o;
            continue;
          }
          break;
        }
        if (lowDigits === DIGITS_PER_INT32) {
          high = high * POWERS_OF_TEN[DIGITS_PER_INT32] + low;
          low = 0;
          lowDigits = 0;
        }
        low = low * 10 + digit;
        lowDigits++;
      }
      const places = dot < 0 ? 0 : end - dot - 1;
      if (o === end && lowDigits > 0 && places <= exactDecimal.MAX_DECIMAL_PLACES) {
        // Exact below 2 ** 53, and never rounded back below it from above.
        const mantissa = high * POWERS_OF_TEN[lowDigits] + low;
        let value = NaN;
        if (mantissa <= Number.MAX_SAFE_INTEGER) {
          value = places > 0 ? mantissa / POWERS_OF_TEN[places] : mantissa;
        } else if (exactDecimal.canSplit(high, lowDigits)) {
          value = exactDecimal(high, low, lowDigits, places);
        }
        if (!Number.isNaN(value)) {
          this._offset = end;
          return negative ? -value : value;
        }
      }
    }
    const text = this.parseLengthCodedString();
    return text === null ? null : Number(text);
  }

  /**
   * A length-coded DATE/DATETIME/TIMESTAMP value as mysqljs converts it: a Date (decoded straight from the bytes
   * for the usual shapes), the text when it is not a valid date (zero dates), or null for NULL. With localOffsets
   * (dates.localOffsets()), local times are converted with the cached offset of their hour.
   */
  parseLengthCodedDate(dateOnly: boolean, timeZone: string, localOffsets: dates.LocalOffsets | null = null):
  Date | string | null {
    this._need(1);
    const length = this._buffer[this._offset];
    if (length < 251 && this._offset + 1 + length <= this._end()) {
      const date = dates.fromBytes(this._buffer, this._offset + 1, length, dateOnly, timeZone, localOffsets);
      if (date !== undefined) {
        this._offset += 1 + length;
        return date;
      }
    }
    const text = this.parseLengthCodedString();
    return text === null ? null : dates.parseDateValue(text, dateOnly, timeZone);
  }

  parseFiller(length: number): Buffer {
    return this.parseBuffer(length);
  }

  parseNullTerminatedBuffer(): Buffer {
    const end = this._nullByteOffset();
    const value = Buffer.from(this._buffer.subarray(this._offset, end));
    this._offset = end + 1;
    return value;
  }

  parseNullTerminatedString(): string {
    const end = this._nullByteOffset();
    const value = this._buffer.toString(this._encoding, this._offset, end);
    this._offset = end + 1;
    return value;
  }

  parsePacketTerminatedBuffer(): Buffer {
    return this.parseBuffer(this._end() - this._offset);
  }

  parsePacketTerminatedString(): string {
    return this.parseString(this._end() - this._offset);
  }

  /** A copy: rows and packets outlive the socket buffer they came from. */
  parseBuffer(length: number): Buffer {
    this._need(length);
    const value = Buffer.allocUnsafe(length);
    this._buffer.copy(value, 0, this._offset, this._offset + length);
    this._offset += length;
    return value;
  }

  parseString(length: number): string {
    this._need(length);
    const start = this._offset;
    this._offset = start + length;
    if (this._encoding === 'utf-8') {
      // The row decoding hot path: short ASCII values in JavaScript, the rest through Buffer#utf8Slice, which
      // skips toString()'s argument checks and encoding lookup.
      if (length <= shortAscii.MAX_LENGTH) {
        const ascii = shortAscii(this._buffer, start, length);
        if (ascii !== undefined) return ascii;
      }
      return utf8Slice.call(this._buffer, start, start + length);
    }
    return this._buffer.toString(this._encoding, start, start + length);
  }

  parseGeometryValue(): parseGeometry.GeometryValue | null {
    const buffer = this.parseLengthCodedBuffer();
    if (buffer === null || !buffer.length) return null;
    return parseGeometry(buffer);
  }

  /** A copy of the current packet's unread bytes. */
  copyPacketRest(): Buffer {
    const end = this._end();
    const copy = Buffer.allocUnsafe(end - this._offset);
    this._buffer.copy(copy, 0, this._offset, end);
    return copy;
  }

  skipPacketRest(): void {
    this._offset = this._end();
  }

  /** Whether the current packet's unread bytes are exactly `bytes`. */
  packetRestEquals(bytes: Buffer): boolean {
    const start = this._offset;
    const length = this._end() - start;
    if (length !== bytes.length) return false;
    const buf = this._buffer;
    for (let i = 0; i < length; i++) {
      if (buf[start + i] !== bytes[i]) return false;
    }
    return true;
  }

  /**
   * Whether `bytes` come next in the current buffer, from the current packet's header on: one comparison for many
   * packets. False when that header is no longer in the buffer (the payload was copied out on its own).
   */
  upcomingBytesEqual(bytes: Buffer): boolean {
    const payload = this._packetOffset;
    const header = this._packetHeader;
    if (payload === null || header === null || payload < PACKET_HEADER_LENGTH) return false;
    const start = payload - PACKET_HEADER_LENGTH;
    const buf = this._buffer;
    const end = start + bytes.length;
    if (end > buf.length || uint24At(buf, start) !== header.length || buf[start + 3] !== header.number) return false;
    return buf.compare(bytes, 0, bytes.length, start, end) === 0;
  }

  /** Whether the current packet's payload starts at `offset` of `buffer`: bytes compared there before. */
  packetStartsAt(buffer: Buffer, offset: number): boolean {
    return this._buffer === buffer && this._packetOffset === offset && this._offset === offset;
  }

  /** The buffer the current packet is read from, and where its payload starts. */
  packetPosition(): { buffer: Buffer; offset: number } {
    return { buffer: this._buffer, offset: this._packetOffset as number };
  }

  packetNumber(): number {
    return (this._packetHeader as PacketHeader).number;
  }

  reachedPacketEnd(): boolean {
    return this._offset === this._packetEnd;
  }

  incrementPacketNumber(): number {
    const current = this._nextPacketNumber;
    this._nextPacketNumber = (this._nextPacketNumber + 1) & 0xff;
    return current;
  }

  resetPacketNumber(): void {
    this._nextPacketNumber = 0;
  }

  setPacketNumber(number: number): void {
    this._nextPacketNumber = number;
  }

  packetLength(): number | null {
    if (!this._packetHeader) return null;
    return this._packetHeader.length + this._longPacketBuffers.size;
  }

  _parseLengthCoded64(): number | string {
    const low = this.parseUnsignedNumber(4);
    const high = this.parseUnsignedNumber(4);
    if (high >>> 21 === 0) return low + MUL_32BIT * high;

    const value = ((BigInt(high) << 32n) + BigInt(low)).toString();
    if (this._supportBigNumbers) return value;
    throw parserError(
      'parseLengthCodedNumber: JS precision range exceeded, number is >= 53 bit: "' + value + '"',
      'PARSER_JS_PRECISION_RANGE_EXCEEDED',
      this._relOffset() - 8,
    );
  }

  /** The end of what may be read: the current packet's end, or the buffered bytes while reading a header. */
  _end(): number {
    return this._packetEnd === null ? this._buffer.length : this._packetEnd;
  }

  _relOffset(): number {
    return this._offset - (this._packetOffset === null ? 0 : this._packetOffset);
  }

  _need(bytes: number): void {
    if (!(bytes >= 0) || this._offset + bytes > this._end()) {
      throw parserError('Parser: read past end', 'PARSER_READ_PAST_END', this._relOffset());
    }
  }

  _nullByteOffset(): number {
    const end = this._buffer.indexOf(0, this._offset);
    if (end === -1 || end >= this._end()) {
      throw parserError('Offset of null terminated string not found.', 'PARSER_MISSING_NULL_BYTE', this._relOffset());
    }
    return end;
  }

  /**
   * Makes `bytes` bytes readable at the cursor. Whole received chunks are read in place; only a packet (or header)
   * that straddles two chunks is copied, into a buffer of its own, so the bytes are not copied once per chunk.
   */
  _combineNextBuffers(bytes: number): boolean {
    const available = this._buffer.length - this._offset;
    if (available >= bytes) return true;
    if (available + this._nextBuffers.size < bytes) return false;

    if (available === 0) {
      this._buffer = this._nextBuffers.shift() as Buffer;
      this._offset = 0;
      if (this._buffer.length >= bytes) return true;
    }

    const joined = Buffer.allocUnsafe(bytes);
    let filled = this._buffer.copy(joined, 0, this._offset);
    while (filled < bytes) {
      const next = this._nextBuffers.shift() as Buffer;
      const take = Math.min(next.length, bytes - filled);
      next.copy(joined, filled, 0, take);
      filled += take;
      if (take < next.length) this._nextBuffers.unshift(next.subarray(take));
    }
    this._buffer = joined;
    this._offset = 0;
    return true;
  }

  /** Puts the earlier 16 MB pieces of a long packet in front of its last piece, so it parses as one. */
  _combineLongPacketBuffers(): void {
    if (!this._longPacketBuffers.size || this._packetEnd === null) return;

    const trailing = this._buffer.length - this._packetEnd;
    const remaining = this._buffer.length - this._offset;
    const buffer = Buffer.allocUnsafe(remaining + this._longPacketBuffers.size);
    let offset = 0;
    for (let buf = this._longPacketBuffers.shift(); buf; buf = this._longPacketBuffers.shift()) {
      offset += buf.copy(buffer, offset);
    }
    this._buffer.copy(buffer, offset, this._offset);

    this._buffer = buffer;
    this._offset = 0;
    this._packetEnd = buffer.length - trailing;
    this._packetOffset = 0;
  }

  _parsePacket(header: PacketHeader): void {
    this._packetEnd = this._offset + header.length;
    this._packetOffset = this._offset;

    if (header.length === MAX_PACKET_LENGTH) {
      this._longPacketBuffers.push(this._buffer.subarray(this._packetOffset, this._packetEnd));
      this._advanceToNextPacket();
      return;
    }

    this._combineLongPacketBuffers();

    let hadException = true;
    try {
      this._onPacket(header);
      hadException = false;
    } catch (err) {
      const code = err && (err as MysqlError).code;
      if (typeof code !== 'string' || code.substring(0, 7) !== 'PARSER_') {
        throw err; // not a parse failure: a user callback threw, and that must surface to the user
      }
      this._onError(err as MysqlError);
      hadException = false;
    } finally {
      this._advanceToNextPacket();
      // A rethrown exception breaks out of write()'s loop; schedule an empty write so the bytes already
      // received are still parsed.
      if (hadException) process.nextTick(() => this.write());
    }
  }

  /**
   * Moves from the current packet to the next when that is a row (isRowPacket) wholly in the current buffer, in
   * order, shorter than 16 MB, and the parser is not paused; otherwise stays and returns false, and write()'s loop
   * reads the next packet as usual.
   */
  enterNextRow(): boolean {
    if (this._paused || this._packetEnd === null || this._longPacketBuffers.size) return false;
    const buf = this._buffer;
    const headerStart = this._packetEnd;
    const start = headerStart + PACKET_HEADER_LENGTH;
    if (start >= buf.length) return false;
    const length = uint24At(buf, headerStart);
    const end = start + length;
    if (end > buf.length || length === MAX_PACKET_LENGTH || buf[headerStart + 3] !== this._nextPacketNumber ||
      !isRowPacket(buf[start], length)) {
      return false;
    }
    const header = this._header;
    header.length = length;
    header.number = buf[headerStart + 3];
    this._packetHeader = header;
    this.incrementPacketNumber();
    this._offset = start;
    this._packetOffset = start;
    this._packetEnd = end;
    return true;
  }

  _tryReadPacketHeader(): PacketHeader | null {
    if (this._packetHeader) return this._packetHeader;
    if (!this._combineNextBuffers(PACKET_HEADER_LENGTH)) return null;

    // The four bytes are there (just checked): read without parseUnsignedNumber's bounds checks, once per packet.
    const header = this._header;
    const buf = this._buffer;
    const o = this._offset;
    header.length = uint24At(buf, o);
    header.number = buf[o + 3];
    this._offset = o + PACKET_HEADER_LENGTH;
    this._packetHeader = header;

    if (header.number !== this._nextPacketNumber) {
      const err = createError(
        'Packets out of order. Got: ' + header.number + ' Expected: ' + this._nextPacketNumber,
        'PROTOCOL_PACKETS_OUT_OF_ORDER',
        { fatal: true },
      );
      this._onError(err);
    }
    this.incrementPacketNumber();
    return header;
  }

  _advanceToNextPacket(): void {
    if (this._packetEnd !== null) this._offset = this._packetEnd;
    this._packetHeader = null;
    this._packetEnd = null;
    this._packetOffset = null;
  }
}

namespace Parser {
  export interface Options {
    config?: { supportBigNumbers?: boolean };
    onPacket?: (header: PacketHeader) => void;
    onError?: (err: MysqlError) => void;
  }
  export type Geometry = parseGeometry.GeometryValue;
}

export = Parser;
