import nativePassword = require('./nativePassword');
import oldPassword = require('./oldPassword');
import cachingSha2Password = require('./cachingSha2Password');
import sha256Password = require('./sha256Password');
import clearPassword = require('./clearPassword');
import clientEd25519 = require('./clientEd25519');
import type { AuthPlugin } from './types';

// The authentication plugins this client knows, by the name a server asks for. The authPlugins option adds to
// them and takes precedence.
const builtinPlugins: Readonly<Record<string, AuthPlugin>> = Object.freeze({
  mysql_native_password: nativePassword,
  mysql_old_password: oldPassword,
  caching_sha2_password: cachingSha2Password,
  sha256_password: sha256Password,
  mysql_clear_password: clearPassword,
  client_ed25519: clientEd25519,
});

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The plugin for a name sent by the server; own properties only, so "constructor" finds nothing. */
function findPlugin(name: string, userPlugins?: Record<string, AuthPlugin>): AuthPlugin | undefined {
  if (userPlugins && hasOwn(userPlugins, name) && typeof userPlugins[name] === 'function') return userPlugins[name];
  return hasOwn(builtinPlugins, name) ? builtinPlugins[name] : undefined;
}

export = { builtinPlugins, findPlugin };
