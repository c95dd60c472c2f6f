import crypto = require('crypto');
import authErrors = require('../authErrors');

// Helpers shared by the SHA-256 based plugins (caching_sha2_password, sha256_password).

const SEED_LENGTH = 20;

/** The 20-byte seed: servers send it with a terminating zero byte, which is not part of it. */
function seedOf(data: Buffer): Buffer {
  return Buffer.from(data.subarray(0, SEED_LENGTH));
}

const sha256 = (...parts: Buffer[]): Buffer => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();

/** caching_sha2_password: SHA256(password) XOR SHA256(SHA256(SHA256(password)) + seed). */
function sha256Scramble(password: string | undefined, seed: Buffer): Buffer {
  if (!password) return Buffer.alloc(0);
  const stage1 = sha256(Buffer.from(password, 'utf8'));
  const stage3 = sha256(sha256(stage1), seed);
  for (let i = 0; i < stage1.length; i++) stage1[i] ^= stage3[i];
  return stage1;
}

/** The password as the server reads it in the clear: UTF-8 with a terminating zero byte. */
function cleartext(password: string | undefined): Buffer {
  return Buffer.from((password || '') + '\0', 'utf8');
}

/** The zero-terminated password XOR the seed (repeated), encrypted with RSA-OAEP under the server's key. */
function encryptPassword(pluginName: string, password: string | undefined, seed: Buffer,
  publicKey: string | Buffer): Buffer {
  const message = cleartext(password);
  for (let i = 0; i < message.length; i++) message[i] ^= seed[i % seed.length];
  try {
    return crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, message);
  } catch (err) {
    const reason = "cannot encrypt with the server's public key: " + (err as Error).message;
    throw authErrors.pluginFailed(pluginName, new Error(reason));
  }
}

export = { seedOf, sha256Scramble, cleartext, encryptPassword };
