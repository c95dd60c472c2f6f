'use strict';

// What a server expects from a client's password, computed here from the
// MySQL algorithms (not from the library under test), so the unit tests can
// check the bytes the client sends.

const crypto = require('crypto');

function sha1(...buffers) {
  const hash = crypto.createHash('sha1');
  for (const buffer of buffers) hash.update(buffer);
  return hash.digest();
}

// mysql_native_password: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))).
function nativePasswordToken(password, scramble) {
  if (!password) return Buffer.alloc(0);
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage3 = sha1(scramble, sha1(stage1));
  return Buffer.from(stage3.map((byte, i) => byte ^ stage1[i]));
}

const MASK_31 = 0x7fffffffn;
const MASK_32 = 0xffffffffn;

// sql/password.c hash_password(), in BigInt to keep the 32-bit wrap-around exact.
function hashPassword323(bytes) {
  let nr = 1345345333n;
  let add = 7n;
  let nr2 = 0x12345671n;
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x09) continue; // spaces and tabs do not count
    const c = BigInt(byte);
    nr = (nr ^ ((((nr & 63n) + add) * c) + (nr << 8n))) & MASK_32;
    nr2 = (nr2 + (((nr2 << 8n) & MASK_32) ^ nr)) & MASK_32;
    add += c;
  }
  return [nr & MASK_31, nr2 & MASK_31];
}

// The pre-4.1 ("old password") answer to the first 8 bytes of the scramble.
function oldPasswordToken(password, scramble) {
  if (!password) return Buffer.alloc(0);
  const pass = hashPassword323(Buffer.from(password, 'utf8'));
  const message = hashPassword323(scramble.subarray(0, 8));
  const max = 0x3fffffffn;
  let seed1 = (pass[0] ^ message[0]) % max;
  let seed2 = (pass[1] ^ message[1]) % max;
  const rnd = () => {
    seed1 = (seed1 * 3n + seed2) % max;
    seed2 = (seed1 + seed2 + 33n) % max;
    return Number(seed1) / Number(max);
  };

  const token = Buffer.alloc(8);
  for (let i = 0; i < 8; i++) token[i] = Math.floor(rnd() * 31) + 64;
  const extra = Math.floor(rnd() * 31);
  for (let i = 0; i < 8; i++) token[i] ^= extra;
  return token;
}

module.exports = { nativePasswordToken, oldPasswordToken };
