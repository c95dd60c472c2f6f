import type PacketWriter = require('./PacketWriter');

// Integers from here on no longer fit a JS number exactly (2^53 is the first value whose neighbour is lost).
const IEEE_754_BINARY_64_PRECISION = 2 ** 53;
const LENGTH_CODED_64BIT = 0xfe;
const LOW_32_BITS = 0xffffffffn;

// Writes a length-coded integer that may be beyond 2^53: such values travel as decimal strings (the way the
// Parser returns them with supportBigNumbers), so a fake server can send any 64-bit affectedRows or insertId.
function writeLengthCodedInteger(writer: PacketWriter, value: number | string | null): void {
  if (typeof value !== 'string') {
    writer.writeLengthCodedNumber(value);
    return;
  }
  const big = BigInt(value);
  if (big <= BigInt(IEEE_754_BINARY_64_PRECISION)) {
    writer.writeLengthCodedNumber(Number(big));
    return;
  }
  writer.writeUnsignedNumber(1, LENGTH_CODED_64BIT);
  writer.writeUnsignedNumber(4, Number(big & LOW_32_BITS));
  writer.writeUnsignedNumber(4, Number((big >> 32n) & LOW_32_BITS));
}

export = { IEEE_754_BINARY_64_PRECISION, writeLengthCodedInteger };
