import authErrors = require('../authErrors');
import ed25519 = require('./ed25519');
import type { AuthPlugin } from './types';

// MariaDB's ed25519 plugin: the server sends a 32-byte nonce (a zero byte may follow) and checks an Ed25519
// signature of it against the public key it stores for the password.
const NONCE_LENGTH = 32;

const clientEd25519: AuthPlugin = (context) => (data) => {
  if (data.length < NONCE_LENGTH) {
    throw authErrors.pluginFailed(context.pluginName, new Error('the server sent a ' + data.length + '-byte nonce'));
  }
  // An empty password is signed too: the server stores a key for it.
  return ed25519.sign(data.subarray(0, NONCE_LENGTH), Buffer.from(context.password || '', 'utf8'));
};

export = clientEd25519;
