// DATE, DATETIME and TIMESTAMP text values become Date objects exactly as mysqljs makes them: it hands
// "YYYY-MM-DD HH:MM:SS[.ffffff]" (DATE values get " 00:00:00"), plus " " + timezone unless that is 'local',
// to the JS Date parser, and keeps the original string when the result is invalid (zero dates such as
// 0000-00-00). The common shapes are decoded here directly, which is faster; anything else, including the
// parser's quirks (two-digit years, hour 24, odd zone spellings), still goes through the JS Date parser.

const CHAR_0 = 48;
const MS_PER_MINUTE = 60000;
const NOT_AN_OFFSET = NaN;

/** The decimal value of s[start, end), or -1 if any of those characters is not a digit. */
function readDigits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - CHAR_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Minutes east of UTC for 'Z' or '+HH:MM' / '-HH:MM'; NaN for anything else (left to the JS parser). */
function zoneOffset(timeZone: string): number {
  if (timeZone === 'Z') return 0;
  if (timeZone.length !== 6 || timeZone[3] !== ':') return NOT_AN_OFFSET;
  const sign = timeZone[0] === '+' ? 1 : timeZone[0] === '-' ? -1 : 0;
  const hours = readDigits(timeZone, 1, 3);
  const minutes = readDigits(timeZone, 4, 6);
  if (sign === 0 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NOT_AN_OFFSET;
  return sign * (hours * 60 + minutes);
}

/** Milliseconds from a fraction of one to six digits after the dot at `dot`; -1 if malformed. */
function readMilliseconds(s: string, dot: number): number {
  if (s[dot] !== '.' || readDigits(s, dot + 1, s.length) < 0) return -1;
  const digits = s.length - dot - 1;
  if (digits < 1 || digits > 6) return -1;
  // The JS parser keeps the first three digits and drops the rest, without rounding.
  const kept = Math.min(digits, 3);
  return readDigits(s, dot + 1, dot + 1 + kept) * 10 ** (3 - kept);
}

/** The Date for the shapes decoded here; undefined when the JS parser must decide. */
function fastParse(s: string, dateOnly: boolean, timeZone: string): Date | undefined {
  const len = s.length;
  if (dateOnly ? len !== 10 : len !== 19 && (len < 21 || len > 26)) return undefined;
  if (s[4] !== '-' || s[7] !== '-') return undefined;
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 7);
  const day = readDigits(s, 8, 10);
  // Years below 100 are read as 19xx/20xx by the JS parser; day 31 of a short month rolls over in both.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;

  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (!dateOnly) {
    if (s[10] !== ' ' || s[13] !== ':' || s[16] !== ':') return undefined;
    hour = readDigits(s, 11, 13);
    minute = readDigits(s, 14, 16);
    second = readDigits(s, 17, 19);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
    if (len > 19) {
      ms = readMilliseconds(s, 19);
      if (ms < 0) return undefined;
    }
  }

  if (timeZone === 'local') return new Date(year, month - 1, day, hour, minute, second, ms);
  const offset = zoneOffset(timeZone);
  if (Number.isNaN(offset)) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * MS_PER_MINUTE);
}

/** The decimal value of buf[start, end), or -1 if any of those bytes is not a digit. */
function readDigitBytes(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - CHAR_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DASH = 0x2d;
const SPACE = 0x20;
const COLON = 0x3a;

/**
 * The Date for "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" read straight from the row bytes, without building the text;
 * undefined for every other shape (fractions, zero dates, ...), which then go through the text path.
 */
function fromBytes(buf: Buffer, start: number, length: number, dateOnly: boolean, timeZone: string): Date | undefined {
  if (length !== (dateOnly ? 10 : 19)) return undefined;
  if (buf[start + 4] !== DASH || buf[start + 7] !== DASH) return undefined;
  const year = readDigitBytes(buf, start, start + 4);
  const month = readDigitBytes(buf, start + 5, start + 7);
  const day = readDigitBytes(buf, start + 8, start + 10);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (!dateOnly) {
    if (buf[start + 10] !== SPACE || buf[start + 13] !== COLON || buf[start + 16] !== COLON) return undefined;
    hour = readDigitBytes(buf, start + 11, start + 13);
    minute = readDigitBytes(buf, start + 14, start + 16);
    second = readDigitBytes(buf, start + 17, start + 19);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  }
  if (timeZone === 'local') return new Date(year, month - 1, day, hour, minute, second);
  const offset = zoneOffset(timeZone);
  if (Number.isNaN(offset)) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * MS_PER_MINUTE);
}

function parseDateValue(value: string, dateOnly: boolean, timeZone: string): Date | string {
  const fast = fastParse(value, dateOnly, timeZone);
  if (fast !== undefined) return fast;

  let text = dateOnly ? value + ' 00:00:00' : value;
  if (timeZone !== 'local') text += ' ' + timeZone;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? value : date;
}

export = { parseDateValue, fromBytes };
