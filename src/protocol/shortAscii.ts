// Decoding a string through Buffer#utf8Slice costs a fixed call into C++ (~50-80 ns) whatever its length. Column
// values of a few ASCII bytes (codes, flags, small numbers as text) are built in JavaScript instead, where that is
// several times cheaper; ASCII decodes the same under UTF-8.
const fromCharCode = String.fromCharCode;

/** The longest value decoded here; beyond it the native decoder is as fast. */
const SHORT_ASCII_MAX = 8;

/** The bytes buf[start, start + length) as a string when they are all ASCII and few; otherwise undefined. */
function shortAscii(buf: Buffer, start: number, length: number): string | undefined {
  let bits = 0;
  for (let i = start; i < start + length; i++) bits |= buf[i];
  if (bits > 0x7f) return undefined;
  const b = buf;
  const s = start;
  switch (length) {
    case 0:
      return '';
    case 1:
      return fromCharCode(b[s]);
    case 2:
      return fromCharCode(b[s], b[s + 1]);
    case 3:
      return fromCharCode(b[s], b[s + 1], b[s + 2]);
    case 4:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    default:
      return undefined;
  }
}

namespace shortAscii {
  export const MAX_LENGTH = SHORT_ASCII_MAX;
}

export = shortAscii;
