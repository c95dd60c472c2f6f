import crypto = require('crypto');

// Password scrambles of the classic MySQL authentication methods, with mysqljs's function names
// (fake servers and tools call Auth.token and Auth.scramble323 to check what a client sent).

type Pair = [number, number]; // a 32-bit value as [high 16 bits, low 16 bits], the form mysqljs used

interface RandomState {
  max_value: number;
  max_value_dbl: number;
  seed1: number;
  seed2: number;
}

const SCRAMBLE_LENGTH = 20;
const OLD_SCRAMBLE_LENGTH = 8;
const OLD_RANDOM_MAX = 0x3fffffff;

function sha1(msg: Buffer | string): Buffer {
  return crypto.createHash('sha1').update(typeof msg === 'string' ? Buffer.from(msg, 'binary') : msg).digest();
}

function xor(a: Buffer | string, b: Buffer | string): Buffer {
  const x = typeof a === 'string' ? Buffer.from(a, 'binary') : a;
  const y = typeof b === 'string' ? Buffer.from(b, 'binary') : b;
  const result = Buffer.allocUnsafe(x.length);
  for (let i = 0; i < x.length; i++) result[i] = x[i] ^ y[i];
  return result;
}

/** mysql_native_password: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). */
function token(password: string | undefined, scramble: Buffer): Buffer {
  if (!password) return Buffer.alloc(0);
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  const stage3 = sha1(Buffer.concat([scramble, stage2]));
  return xor(stage3, stage1);
}

/** The pre-4.1 password hash (sql/password.c hash_password): two 31-bit words, big-endian. */
function hashPassword(password: string | Buffer): Buffer {
  const bytes = typeof password === 'string' ? Buffer.from(password) : password;
  let nr = 0x50305735;
  let nr2 = 0x12345671;
  let add = 7;
  for (const c of bytes) {
    if (c === 32 || c === 9) continue; // spaces and tabs do not count
    nr = (nr ^ ((Math.imul((nr & 63) + add, c) + (nr << 8)) >>> 0)) >>> 0;
    nr2 = (nr2 + ((nr2 << 8) ^ nr)) >>> 0;
    add += c;
  }
  const result = Buffer.alloc(8);
  result.writeUInt32BE((nr & 0x7fffffff) >>> 0, 0);
  result.writeUInt32BE((nr2 & 0x7fffffff) >>> 0, 4);
  return result;
}

function randomInit(seed1: number, seed2: number): RandomState {
  return { max_value: OLD_RANDOM_MAX, max_value_dbl: OLD_RANDOM_MAX, seed1: seed1 % OLD_RANDOM_MAX, seed2: seed2 % OLD_RANDOM_MAX };
}

function myRnd(r: RandomState): number {
  r.seed1 = (r.seed1 * 3 + r.seed2) % r.max_value;
  r.seed2 = (r.seed1 + r.seed2 + 33) % r.max_value;
  return r.seed1 / r.max_value_dbl;
}

function int32Read(buffer: Buffer, offset: number): number {
  return buffer.readInt32BE(offset);
}

function int31Write(buffer: Buffer, number: Pair, offset: number): void {
  buffer.writeUInt32BE((((number[0] & 0x7fff) << 16) | (number[1] & 0xffff)) >>> 0, offset);
}

/** mysql_old_password (pre-4.1): an 8-byte reply derived from the hashes of the password and the scramble. */
function scramble323(message: Buffer, password: string | undefined): Buffer {
  if (!password) return Buffer.alloc(0);
  const hashPass = hashPassword(password);
  const hashMessage = hashPassword(message.subarray(0, OLD_SCRAMBLE_LENGTH));
  const r = randomInit(
    int32Read(hashPass, 0) ^ int32Read(hashMessage, 0),
    int32Read(hashPass, 4) ^ int32Read(hashMessage, 4),
  );
  const to = Buffer.allocUnsafe(OLD_SCRAMBLE_LENGTH);
  for (let i = 0; i < OLD_SCRAMBLE_LENGTH; i++) to[i] = Math.floor(myRnd(r) * 31) + 64;
  const extra = Math.floor(myRnd(r) * 31);
  for (let i = 0; i < OLD_SCRAMBLE_LENGTH; i++) to[i] ^= extra;
  return to;
}

const toPair = (v: number): Pair => [(v >>> 16) & 0xffff, v & 0xffff];
const fromPair = (p: Pair): number => ((p[0] << 16) | p[1]) >>> 0;

/** The reply to an auth switch request, or undefined when the method is not one this module knows. */
function auth(name: string, data: Buffer, options: { password?: string } = {}): Buffer | undefined {
  switch (name) {
    case 'mysql_native_password':
      return token(options.password, data.subarray(0, SCRAMBLE_LENGTH));
    default:
      return undefined;
  }
}

const Auth = {
  auth,
  sha1,
  xor,
  token,
  hashPassword,
  randomInit,
  myRnd,
  scramble323,
  int32Read,
  int31Write,
  xor32: (a: Pair, b: Pair): Pair => toPair(fromPair(a) ^ fromPair(b)),
  add32: (a: Pair, b: Pair): Pair => toPair(fromPair(a) + fromPair(b)),
  mul32: (a: Pair, b: Pair): Pair => toPair(Math.imul(fromPair(a), fromPair(b))),
  and32: (a: Pair, b: Pair): Pair => toPair(fromPair(a) & fromPair(b)),
  shl32: (a: Pair, b: number): Pair => toPair(fromPair(a) << b),
};

export = Auth;
