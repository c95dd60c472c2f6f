import crypto = require('crypto');

// Ed25519 signing as MariaDB's client_ed25519 does it (its ref10 crypto_sign): the 64-byte SHA-512 of the
// password takes the place of the hashed 32-byte seed of RFC 8032, so any password length works. Node's crypto
// only signs from a 32-byte seed, hence this small BigInt implementation of the group arithmetic.
// Not constant-time: every bit costs one addition and one doubling, but BigInt timing still varies.

type Point = [bigint, bigint, bigint, bigint]; // extended coordinates X, Y, Z, T with x = X/Z, y = Y/Z, xy = T/Z

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n; // order of the base point

function mod(a: bigint, m: bigint = P): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function pow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

const invert = (a: bigint): bigint => pow(a, P - 2n);

const D = mod(-121665n * invert(121666n));
const D2 = mod(2n * D);
const BASE_X = 15112221349535400772501151409588531511454012693041857206046113283949847762202n;
const BASE_Y = 46316835694926478169428394003475163141307993866256225615783033603165251855960n;
const BASE: Point = [BASE_X, BASE_Y, 1n, mod(BASE_X * BASE_Y)];
const IDENTITY: Point = [0n, 1n, 1n, 0n];

// Addition and doubling on the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2 (RFC 8032, section 5.1.4).
function add(p: Point, q: Point): Point {
  const a = mod((p[1] - p[0]) * (q[1] - q[0]));
  const b = mod((p[1] + p[0]) * (q[1] + q[0]));
  const c = mod(p[3] * D2 * q[3]);
  const d = mod(p[2] * 2n * q[2]);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function double(p: Point): Point {
  const a = mod(p[0] * p[0]);
  const b = mod(p[1] * p[1]);
  const c = mod(2n * p[2] * p[2]);
  const h = a + b;
  const e = h - mod((p[0] + p[1]) * (p[0] + p[1]));
  const g = a - b;
  const f = c + g;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

/** k·B by a Montgomery ladder over 256 bits. */
function multiplyBase(k: bigint): Point {
  let r0 = IDENTITY;
  let r1 = BASE;
  for (let i = 255n; i >= 0n; i--) {
    if ((k >> i) & 1n) {
      r0 = add(r0, r1);
      r1 = double(r1);
    } else {
      r1 = add(r0, r1);
      r0 = double(r0);
    }
  }
  return r0;
}

/** The 32-byte encoding: y little-endian, with the parity of x in the top bit. */
function encodePoint(p: Point): Buffer {
  const zInv = invert(p[2]);
  const x = mod(p[0] * zInv);
  const y = mod(p[1] * zInv);
  const bytes = littleEndian(y, 32);
  if (x & 1n) bytes[31] |= 0x80;
  return bytes;
}

function littleEndian(n: bigint, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let v = n;
  for (let i = 0; i < length; i++) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return bytes;
}

function fromLittleEndian(bytes: Buffer): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

const sha512 = (...parts: Buffer[]): Buffer => crypto.createHash('sha512').update(Buffer.concat(parts)).digest();

/** The clamped secret scalar and the nonce prefix derived from the password. */
function expandPassword(password: Buffer): { scalar: bigint; prefix: Buffer } {
  const az = sha512(password);
  az[0] &= 248;
  az[31] &= 63;
  az[31] |= 64;
  return { scalar: fromLittleEndian(az.subarray(0, 32)), prefix: az.subarray(32) };
}

/** The public key the server stores for this password (what MariaDB's ed25519_password() shows, in base64). */
function publicKey(password: Buffer): Buffer {
  return encodePoint(multiplyBase(expandPassword(password).scalar));
}

/** The 64-byte signature R || S of message, with the key derived from password. */
function sign(message: Buffer, password: Buffer): Buffer {
  const { scalar, prefix } = expandPassword(password);
  const a = encodePoint(multiplyBase(scalar));
  const r = mod(fromLittleEndian(sha512(prefix, message)), L);
  const R = encodePoint(multiplyBase(r));
  const k = mod(fromLittleEndian(sha512(R, a, message)), L);
  const s = mod(r + k * scalar, L);
  return Buffer.concat([R, littleEndian(s, 32)]);
}

export = { sign, publicKey };
