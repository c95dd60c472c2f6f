import authErrors = require('../authErrors');
import scramble = require('./scramble');
import type { AuthPlugin } from './types';

// MySQL 5.6+'s sha256_password: the password itself, in the clear over TLS or a Unix socket, otherwise encrypted
// with the server's RSA public key (configured, or requested from the server when that is allowed).
const REQUEST_PUBLIC_KEY = 0x01;

const sha256Password: AuthPlugin = (context) => {
  let seed: Buffer = Buffer.alloc(0);
  let requested = false;
  const name = context.pluginName;

  return (data) => {
    if (requested) return scramble.encryptPassword(name, context.password, seed, data);
    seed = scramble.seedOf(data);
    // An empty password is a single zero byte, whatever the transport (as libmysqlclient sends it).
    if (context.secure || !context.password) return scramble.cleartext(context.password);
    if (context.options.serverPublicKey) {
      return scramble.encryptPassword(name, context.password, seed, context.options.serverPublicKey);
    }
    if (!context.options.allowPublicKeyRetrieval) throw authErrors.publicKeyRequired(name);
    requested = true;
    return Buffer.from([REQUEST_PUBLIC_KEY]);
  };
};

export = sha256Password;
