'use strict';

// Known answers for every password transformation, computed outside the library: Python's hashlib for the hash
// chains, the MariaDB server itself (OLD_PASSWORD(), the key CREATE USER ... VIA ed25519 stores) and Node's own
// Ed25519 for signatures.
const assert = require('assert');
const crypto = require('crypto');
const path = require('path');
const common = require('../../support/common');

const SEED = Buffer.from('ABCDEFGHIJKLMNOPQRST');
// What MariaDB 10.11 stores for IDENTIFIED VIA ed25519 USING PASSWORD('foo').
const ED25519_FOO = 'vubFBzIrapbfHct1/J72dnUryz5VS7lA6XHH8sIx4TI';

describe('auth: scramble functions against fixed vectors', function () {
  let Auth;
  before(function () {
    Auth = require(path.join(common.lib, 'protocol', 'Auth'));
  });

  it('mysql_native_password: SHA1(password) XOR SHA1(seed + SHA1(SHA1(password)))', function () {
    assert.strictEqual(Auth.token('pa55word', SEED).toString('hex'), 'be1971e94ca0c429143a8bf5e3944c3e07cd5ffa');
    assert.strictEqual(Auth.token('', SEED).length, 0);
  });

  it('mysql_old_password: the password hash is what OLD_PASSWORD() gives, and the reply is fixed', function () {
    assert.strictEqual(Auth.hashPassword('pa55word').toString('hex'), '1d35c6556b8cab45');
    assert.strictEqual(Auth.scramble323(Buffer.from('ABCDEFGH'), 'pa55word').toString('hex'), '53465f504b50475b');
  });
});

(common.isUpstream ? describe.skip : describe)('auth: scramble functions of mysql-ts', function () {
  let scramble;
  let ed25519;
  before(function () {
    scramble = require(path.join(common.lib, 'protocol', 'auth', 'scramble'));
    ed25519 = require(path.join(common.lib, 'protocol', 'auth', 'ed25519'));
  });

  it('caching_sha2_password: SHA256(password) XOR SHA256(SHA256(SHA256(password)) + seed), on UTF-8', function () {
    assert.strictEqual(scramble.sha256Scramble('pa55word', SEED).toString('hex'),
      'd30a2007f4d3e662d0c0c4dacc51f3e82179353d2ddbf7e5e4b6cb1e9465c69f');
    assert.strictEqual(scramble.sha256Scramble('pässwörd', SEED).toString('hex'),
      '307104eac2e350903d9fa0a02a55cc40d07e1d4c5fbbe9a33777a51effacedaa');
    assert.strictEqual(scramble.sha256Scramble(undefined, SEED).length, 0);
  });

  it('RSA: encrypts the zero-terminated password XOR the seed with OAEP', function () {
    const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' });
    const encrypted = scramble.encryptPassword('caching_sha2_password', 'pässwörd', SEED, pem);
    assert.strictEqual(encrypted.length, 256);
    const plain = crypto.privateDecrypt({ key: keys.privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING },
      encrypted);
    const expected = Buffer.from('pässwörd\0');
    assert.deepStrictEqual(Buffer.from(plain.map((byte, i) => byte ^ SEED[i % SEED.length])), expected);
  });

  it('RSA: a key that is not one gives HANDSHAKE_AUTH_PLUGIN_ERROR', function () {
    assert.throws(() => scramble.encryptPassword('sha256_password', 'x', SEED, 'not a key'),
      (err) => err.code === 'HANDSHAKE_AUTH_PLUGIN_ERROR' && err.fatal === true);
  });

  it('client_ed25519: derives the public keys MariaDB stores for a password', function () {
    // SELECT authentication_string FROM mysql.user after CREATE USER ... IDENTIFIED VIA ed25519 (MariaDB 10.11)
    const stored = {
      foo: ED25519_FOO,
      foobar: 'qv2mG6HWCuy32Slb5xhV4THStewNz2VINVPbgk+XAJ8',
      'pässwörd with a longer text than thirty-two bytes': '4vc+S74IVnSULxihmImmvv/pbcmYYf0bkP3oNQWROXo',
    };
    for (const password of Object.keys(stored)) {
      const key = ed25519.publicKey(Buffer.from(password)).toString('base64').replace(/=+$/, '');
      assert.strictEqual(key, stored[password], password);
    }
  });

  it('client_ed25519: signs the nonce so that Node verifies it with the stored key', function () {
    const nonce = Buffer.from('0123456789abcdefghijklmnopqrstuv');
    const signature = ed25519.sign(nonce, Buffer.from('foo'));
    assert.strictEqual(signature.toString('hex'),
      '92b19b5926cc068de48a17887a3e35900236c9eab77b3316fea474ee8975c73c' +
      '829b221577ec35cf34576d1fc73c45e63fb3b719ae0a4489f551f9a6874d790f');
    const key = crypto.createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(ED25519_FOO, 'base64').toString('base64url') },
      format: 'jwk',
    });
    assert.ok(crypto.verify(null, nonce, key, signature));
  });

  it('client_ed25519: with a 32-byte password equals standard Ed25519 with that seed', function () {
    const seed = crypto.randomBytes(32);
    const message = crypto.randomBytes(32);
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const privateKey = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    assert.deepStrictEqual(ed25519.sign(message, seed), crypto.sign(null, message, privateKey));
  });
});
