import os = require('os');

// A DOUBLE column's text usually has 17 significant digits ("142.85714285714286"): too many for the one exact
// division that Parser#parseLengthCodedNumeric uses below 2 ** 53, and building the text only to hand it to
// Number() costs two calls into C++. This finds the correctly rounded double of such a decimal with a handful
// of floating-point operations whose errors are known exactly, and gives up (NaN) in the rare case it cannot
// decide, where the caller falls back to Number(text).

/** The most decimals handled: below 5 ** 21 the remainder below is exact; 10 ** 20 is an exact double. */
const MAX_DECIMALS = 20;
const DIGITS_PER_INT32 = 9;
const TWO_TO_53 = 2 ** 53;
/** 2 ** 27 + 1: Veltkamp's constant, which splits a double into two halves of 26 bits. */
const SPLITTER = 134217729;
// w = high * 10 ** lowDigits + low; the product is exact when high * 5 ** lowDigits fits in 53 bits (canSplit).
const POWERS_OF_TEN = Array.from({ length: DIGITS_PER_INT32 + 1 }, (_, i) => 10 ** i);
const FIVES = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => 5 ** i);
const INVERSE_TWOS = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => 2 ** -i);

// The bits of a double, to read its exponent: word HIGH holds sign, exponent and the top of the mantissa.
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = os.endianness() === 'LE' ? 1 : 0;
const LOW = 1 - HIGH;
const MANTISSA_BITS = 52;
const EXPONENT_SHIFT = 20;
const HIGH_MANTISSA_MASK = 0xfffff;

/**
 * The double nearest to (high * 10 ** lowDigits + low) / 10 ** decimals, for integers high and low < 10 **
 * lowDigits that pass canSplit(), and decimals <= MAX_DECIMAL_PLACES; NaN when that value lies too close to
 * halfway between two doubles to settle here.
 *
 * Dividing by 10 ** d is dividing by 5 ** d, then scaling by 2 ** -d, which is exact. With w = s + err exactly
 * (TwoSum) and q = fl(s / 5 ** d), the remainder w - q * 5 ** d is computed without error (Dekker's product), so
 * comparing it with half an ulp of q times 5 ** d says whether q, its successor or its predecessor is nearest.
 */
function exactDecimal(high: number, low: number, lowDigits: number, decimals: number): number {
  const wHigh = high * POWERS_OF_TEN[lowDigits];
  const s = wHigh + low;
  const lowPart = s - wHigh;
  const err = (wHigh - (s - lowPart)) + (low - lowPart);

  const p = FIVES[decimals];
  const q = s / p;
  const product = q * p;
  let split = SPLITTER * q;
  const qHigh = split - (split - q);
  const qLow = q - qHigh;
  split = SPLITTER * p;
  const pHigh = split - (split - p);
  const pLow = p - pHigh;
  const productError = ((qHigh * pHigh - product) + qHigh * pLow + qLow * pHigh) + qLow * pLow;
  // Every term is a multiple of min(ulp(q), 1) and small, so these sums are exact.
  const remainder = ((s - product) - productError) + err;

  bits[0] = q;
  const highWord = words[HIGH];
  const mantissaIsZero = (highWord & HIGH_MANTISSA_MASK) === 0 && words[LOW] === 0;
  words[HIGH] = ((highWord >>> EXPONENT_SHIFT) - MANTISSA_BITS) << EXPONENT_SHIFT;
  words[LOW] = 0;
  const ulp = bits[0];
  const half = p * ulp * 0.5;

  let nearest: number;
  if (remainder < half && remainder > -half) nearest = q;
  else if (remainder > half && remainder < 3 * half) nearest = q + ulp;
  // Below a power of two the spacing halves: left to Number(), as are exact ties.
  else if (remainder < -half && remainder > -3 * half && !mantissaIsZero) nearest = q - ulp;
  else return NaN;
  return nearest * INVERSE_TWOS[decimals];
}

namespace exactDecimal {
  export const MAX_DECIMAL_PLACES = MAX_DECIMALS;
  /** Whether high * 10 ** lowDigits is an exact double: 10 ** k is 5 ** k * 2 ** k. */
  export function canSplit(high: number, lowDigits: number): boolean {
    return lowDigits <= DIGITS_PER_INT32 && high * FIVES[lowDigits] < TWO_TO_53;
  }
}

export = exactDecimal;
