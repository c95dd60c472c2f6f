// DATE, DATETIME and TIMESTAMP text values become Date objects exactly as mysqljs makes them: it hands
// "YYYY-MM-DD HH:MM:SS[.ffffff]" (DATE values get " 00:00:00"), plus " " + timezone unless that is 'local',
// to the JS Date parser, and keeps the original string when the result is invalid (zero dates such as
// 0000-00-00). The common shapes are decoded here straight from the row bytes, which is faster; anything else,
// including the parser's quirks (two-digit years, hour 24, odd zone spellings), still goes through the JS parser.

const CHAR_0 = 0x30;
const DASH = 0x2d;
const SPACE = 0x20;
const COLON = 0x3a;
const DOT = 0x2e;
const MS_PER_MINUTE = 60000;
const MS_PER_HOUR = 3600000;
const MS_PER_DAY = 86400000;
const MAX_CACHED_HOURS = 100000; // local hours whose offset is kept, per TZ setting
const DATE_LENGTH = 10; // YYYY-MM-DD
const DATETIME_LENGTH = 19; // YYYY-MM-DD HH:MM:SS
const MAX_FRACTION_DIGITS = 6;

/** The decimal value of buf[start, end), or -1 if any of those bytes is not a digit. */
function readDigits(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - CHAR_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The two digits at buf[i] and buf[i + 1] as a number, or -1: the fixed fields of a date, without a loop. */
function twoDigits(buf: Buffer, i: number): number {
  const tens = buf[i] - CHAR_0;
  const ones = buf[i + 1] - CHAR_0;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

// Minutes east of UTC by timezone option, parsed once per distinct value: 'Z' or '+HH:MM' / '-HH:MM'; NaN for
// anything else (left to the JS parser).
const zoneOffsets = new Map<string, number>();
function zoneOffset(timeZone: string): number {
  let offset = zoneOffsets.get(timeZone);
  if (offset === undefined) {
    const m = /^([+-])([01]\d|2[0-3]):([0-5]\d)$/.exec(timeZone);
    offset = timeZone === 'Z' ? 0 : m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : NaN;
    zoneOffsets.set(timeZone, offset);
  }
  return offset;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1-12), as Date.UTC counts them: linear in the day, so
 * a day past the month's end rolls over the same way. Integer arithmetic (H. Hinnant's days_from_civil), far
 * cheaper than Date.UTC().
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // counted from March 1st
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/**
 * The local zone's offset (ms, local minus UTC) for each hour of local wall-clock time, learnt from the JS Date
 * once per hour seen; NaN for an hour inside which the offset changes (a DST switch), where only the JS Date
 * decides. One cache per TZ setting, since assigning process.env.TZ changes the zone of later Dates.
 */
type LocalOffsets = Map<number, number>;
const localOffsetsByZone = new Map<string | undefined, LocalOffsets>();

/** The offsets cache for the current TZ setting: looked up once per result set, not per value. */
function localOffsets(): LocalOffsets {
  const zone = process.env.TZ;
  let offsets = localOffsetsByZone.get(zone);
  if (!offsets) {
    offsets = new Map();
    localOffsetsByZone.set(zone, offsets);
  }
  return offsets;
}

// In front of the offsets Map, a direct-mapped cache of recently seen hours: from the date's fields, without
// days-from-civil arithmetic or hashing, to the UTC time at which that local hour starts (NaN: a DST switch).
const RECENT_HOURS = 4096; // a power of two
const recentKeys = new Int32Array(RECENT_HOURS).fill(-1);
const recentStarts = new Float64Array(RECENT_HOURS);
let recentOwner: LocalOffsets | null = null;

/** The UTC time at which local hour `hourKey` (hours since 1970 in wall-clock time) starts; NaN at a DST switch. */
function localHourStart(offsets: LocalOffsets, hourKey: number, year: number, month: number, day: number,
  hour: number): number {
  const hourWall = hourKey * MS_PER_HOUR;
  let offset = offsets.get(hourKey);
  if (offset === undefined) {
    const first = hourWall - new Date(year, month - 1, day, hour, 0, 0, 0).getTime();
    const last = hourWall + MS_PER_HOUR - 1 - new Date(year, month - 1, day, hour, 59, 59, 999).getTime();
    offset = first === last ? first : NaN;
    if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
    offsets.set(hourKey, offset);
  }
  return hourWall - offset;
}

function localDate(offsets: LocalOffsets | null, year: number, month: number, day: number, hour: number,
  minute: number, second: number, ms: number): Date {
  if (offsets === null) return new Date(year, month - 1, day, hour, minute, second, ms);
  if (recentOwner !== offsets) {
    recentKeys.fill(-1);
    recentOwner = offsets;
  }
  // Distinct for every hour of years 0-9999 (month < 13, day < 32), and below 2 ** 31.
  const key = (((year * 13 + month) * 32 + day) * 24 + hour) | 0;
  const slot = key & (RECENT_HOURS - 1);
  if (recentKeys[slot] !== key) {
    // Hours since 1970 as the Map's key: a small integer, which a Map hashes faster than a millisecond count.
    recentStarts[slot] = localHourStart(offsets, daysFromCivil(year, month, day) * 24 + hour, year, month, day, hour);
    recentKeys[slot] = key;
  }
  // Read back from the typed array even after a miss, so the value stays an unboxed double on the hot path.
  const start = recentStarts[slot];
  if (Number.isNaN(start)) return new Date(year, month - 1, day, hour, minute, second, ms);
  return new Date(start + (minute * 60 + second) * 1000 + ms);
}

/** Milliseconds from a fraction of one to six digits after the dot at `dot`; -1 if malformed. */
function readMilliseconds(buf: Buffer, dot: number, end: number): number {
  const digits = end - dot - 1;
  if (buf[dot] !== DOT || digits < 1 || digits > MAX_FRACTION_DIGITS || readDigits(buf, dot + 1, end) < 0) return -1;
  // The JS parser keeps the first three digits and drops the rest, without rounding.
  const kept = Math.min(digits, 3);
  return readDigits(buf, dot + 1, dot + 1 + kept) * 10 ** (3 - kept);
}

/**
 * The Date for "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS[.f...]" at buf[start, start + length), read without building
 * the text; undefined for every other shape (zero dates, ...), which the JS parser then decides.
 */
function fromBytes(buf: Buffer, start: number, length: number, dateOnly: boolean, timeZone: string,
  offsets: LocalOffsets | null): Date | undefined {
  if (dateOnly ? length !== DATE_LENGTH : length < DATETIME_LENGTH || length > DATETIME_LENGTH + 1 + MAX_FRACTION_DIGITS) {
    return undefined;
  }
  if (buf[start + 4] !== DASH || buf[start + 7] !== DASH) return undefined;
  const century = twoDigits(buf, start);
  const yearOfCentury = twoDigits(buf, start + 2);
  const month = twoDigits(buf, start + 5);
  const day = twoDigits(buf, start + 8);
  // Years below 100 are read as 19xx/20xx by the JS parser; day 31 of a short month rolls over in both.
  if (century < 1 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const year = century * 100 + yearOfCentury;

  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (!dateOnly) {
    if (buf[start + 10] !== SPACE || buf[start + 13] !== COLON || buf[start + 16] !== COLON) return undefined;
    hour = twoDigits(buf, start + 11);
    minute = twoDigits(buf, start + 14);
    second = twoDigits(buf, start + 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
    if (length > DATETIME_LENGTH) {
      ms = readMilliseconds(buf, start + DATETIME_LENGTH, start + length);
      if (ms < 0) return undefined;
    }
  }

  if (timeZone === 'local') return localDate(offsets, year, month, day, hour, minute, second, ms);
  const offset = zoneOffset(timeZone);
  if (Number.isNaN(offset)) return undefined;
  const utc = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  return new Date(utc - offset * MS_PER_MINUTE);
}

/** What mysqljs makes of a date text that fromBytes() left alone: the JS parser's Date, or the text itself. */
function parseDateValue(value: string, dateOnly: boolean, timeZone: string): Date | string {
  let text = dateOnly ? value + ' 00:00:00' : value;
  if (timeZone !== 'local') text += ' ' + timeZone;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? value : date;
}

const dates = { parseDateValue, fromBytes, localOffsets };

declare namespace dates {
  export { LocalOffsets };
}

export = dates;
