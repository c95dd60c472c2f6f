import authErrors = require('../authErrors');
import scramble = require('./scramble');
import type { AuthPlugin } from './types';

// MySQL 8's default. The client first proves it knows the password with a SHA-256 scramble; a server that has the
// account in its cache answers "fast auth success", otherwise it asks for the password itself, which goes in the
// clear only over TLS or a Unix socket and otherwise encrypted with the server's RSA key.
const FAST_AUTH_SUCCESS = 0x03;
const PERFORM_FULL_AUTHENTICATION = 0x04;
const REQUEST_PUBLIC_KEY = 0x02;

const cachingSha2Password: AuthPlugin = (context) => {
  let seed: Buffer = Buffer.alloc(0);
  let state: 'scramble' | 'result' | 'publicKey' = 'scramble';
  const name = context.pluginName;

  return (data) => {
    switch (state) {
      case 'scramble':
        seed = scramble.seedOf(data);
        state = 'result';
        return scramble.sha256Scramble(context.password, seed);
      case 'result':
        if (data[0] === FAST_AUTH_SUCCESS && data.length === 1) return undefined; // an OK packet follows
        if (data[0] !== PERFORM_FULL_AUTHENTICATION || data.length !== 1) {
          throw authErrors.pluginFailed(name, new Error('unexpected server data 0x' + data.toString('hex')));
        }
        if (context.secure) return scramble.cleartext(context.password);
        if (context.options.serverPublicKey) {
          return scramble.encryptPassword(name, context.password, seed, context.options.serverPublicKey);
        }
        if (!context.options.allowPublicKeyRetrieval) throw authErrors.publicKeyRequired(name);
        state = 'publicKey';
        return Buffer.from([REQUEST_PUBLIC_KEY]);
      case 'publicKey':
        return scramble.encryptPassword(name, context.password, seed, data);
    }
  };
};

export = cachingSha2Password;
