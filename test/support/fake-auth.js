'use strict';

/*
 * The server side of the authentication plugins MySQL 8 and MariaDB use, for
 * the fake servers' auth hook. Each really checks what the client sent: the
 * scramble against the password's hashes, an RSA-encrypted password by
 * decrypting it with the private key, a signature with Node's own Ed25519.
 *
 *   const account = fakeAuth.cachingSha2({ password, cached, keys });
 *   conn.handshake({ pluginName: 'caching_sha2_password', auth: account.auth });
 *   ... account.steps  what happened, in order (for asserting the path taken)
 *
 * One account object per connection. Its auth handles the handshake response
 * and a COM_CHANGE_USER alike: if the client answered for another plugin, it
 * sends an auth switch request first. Failures answer ER_ACCESS_DENIED_ERROR.
 *
 *   cachingSha2({ password, cached = false, keys })  keys: rsaKeys() below;
 *       cached: whether the server has the account in its fast-auth cache
 *   sha256({ password, keys })
 *   clearPassword({ password })
 *   ed25519({ publicKey })   publicKey: base64, as MariaDB stores it
 *   rsaKeys()  a fresh 2048-bit RSA key pair in PEM
 *   moreData(conn, bytes)  sends an AuthMoreData packet (0x01, then bytes)
 */

const crypto = require('crypto');

const ER_ACCESS_DENIED_ERROR = 1045;
const FAST_AUTH_SUCCESS = 0x03;
const PERFORM_FULL_AUTHENTICATION = 0x04;

function rsaKeys() {
  return crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const sha256 = (...parts) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();

// fake-server.js lets the client continue a sequence only after packets it
// knows by class name, and AuthMoreData is not one of them: this class writes
// the 0x01 packet under the name of one that is.
class AuthSwitchRequestPacket {
  constructor(data) {
    this.data = data;
  }

  write(writer) {
    writer.writeUnsignedNumber(1, 0x01);
    writer.writeBuffer(this.data);
  }
}

function moreData(conn, data) {
  conn.writePacket(new AuthSwitchRequestPacket(Buffer.from(data)));
}

function denied(conn, account, step) {
  account.steps.push(step);
  conn.error("Access denied for user 'test'@'localhost' (using password: YES)", ER_ACCESS_DENIED_ERROR, '28000');
}

function isFirstPacket(packet) {
  const name = packet.constructor.name;
  return name === 'ClientAuthenticationPacket' || name === 'ComChangeUserPacket';
}

function nonce(length) {
  const bytes = crypto.randomBytes(length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x21 + (bytes[i] % 94); // printable, as servers send
  return bytes;
}

// The common frame of a plugin: the first packet either carries this
// plugin's response (for the greeting's seed) or gets an auth switch request
// with a new seed; every response after that goes to respond(data, conn,
// state), where state.round counts the responses of this attempt from 0.
function account(pluginName, seedLength, respond) {
  const state = { steps: [], seed: null, round: 0 };
  state.auth = function (packet, conn) {
    let data = Buffer.from(packet.data || []);
    if (isFirstPacket(packet)) {
      state.round = 0;
      if (packet.pluginName !== pluginName) {
        state.seed = nonce(seedLength);
        state.steps.push('switch');
        conn.authSwitch(pluginName, Buffer.concat([state.seed, Buffer.from([0])]));
        return;
      }
      state.seed = conn.scramble;
      data = Buffer.from(packet.scrambleBuff || []);
    }
    respond(data, conn, state);
    state.round++;
  };
  return state;
}

// Decrypts an RSA-OAEP password (XORed with the seed); null when it does not decrypt.
function decryptPassword(data, seed, privateKey) {
  let plain;
  try {
    plain = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, data);
  } catch (err) {
    return null;
  }
  for (let i = 0; i < plain.length; i++) plain[i] ^= seed[i % seed.length];
  return plain;
}

const zeroTerminated = (password) => Buffer.from(password + '\0', 'utf8');

// Full authentication, shared by caching_sha2_password and sha256_password:
// the password in the clear on a secure transport, otherwise RSA-encrypted
// (after sending the public key when the client asks for it).
function fullAuthentication(data, conn, state, options, keyRequest) {
  if (data.length === 1 && data[0] === keyRequest) {
    state.steps.push('public key sent');
    moreData(conn, options.keys.publicKey);
    return;
  }
  const expected = zeroTerminated(options.password);
  let step;
  let received;
  if (conn.socket.secure) {
    step = 'cleartext';
    received = data;
  } else {
    step = 'rsa';
    received = decryptPassword(data, state.seed, options.keys.privateKey);
  }
  if (received && received.equals(expected)) {
    state.steps.push(step + ' password accepted');
    conn.ok();
  } else {
    denied(conn, state, step + ' password refused');
  }
}

function cachingSha2(options) {
  const stage2 = sha256(sha256(Buffer.from(options.password, 'utf8')));
  return account('caching_sha2_password', 20, function (data, conn, state) {
    if (state.round > 0) {
      fullAuthentication(data, conn, state, options, 0x02);
      return;
    }
    // The server knows SHA256(SHA256(password)): it takes the client's stage 1 out of the scramble and hashes it.
    const mask = sha256(stage2, state.seed.subarray(0, 20));
    const stage1 = Buffer.from(data.map((byte, i) => byte ^ mask[i]));
    if (options.cached && data.length === 32 && sha256(stage1).equals(stage2)) {
      state.steps.push('fast auth');
      moreData(conn, [FAST_AUTH_SUCCESS]);
      conn.ok();
      return;
    }
    state.steps.push('full auth requested');
    moreData(conn, [PERFORM_FULL_AUTHENTICATION]);
  });
}

function sha256Password(options) {
  return account('sha256_password', 20, function (data, conn, state) {
    // An empty password is a lone zero byte on any transport.
    if (data.length === 1 && data[0] === 0) {
      if (options.password === '') conn.ok();
      else denied(conn, state, 'empty password refused');
      return;
    }
    fullAuthentication(data, conn, state, options, 0x01);
  });
}

function clearPassword(options) {
  return account('mysql_clear_password', 20, function (data, conn, state) {
    state.steps.push('cleartext ' + data.toString('hex'));
    if (data.equals(zeroTerminated(options.password))) conn.ok();
    else denied(conn, state, 'refused');
  });
}

function ed25519(options) {
  const key = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(options.publicKey, 'base64').toString('base64url') },
    format: 'jwk',
  });
  return account('client_ed25519', 32, function (data, conn, state) {
    const seed = state.seed.subarray(0, 32);
    if (data.length === 64 && crypto.verify(null, seed, key, data)) {
      state.steps.push('signature verified');
      conn.ok();
    } else {
      denied(conn, state, 'signature refused');
    }
  });
}

module.exports = { rsaKeys, moreData, cachingSha2, sha256: sha256Password, clearPassword, ed25519 };
