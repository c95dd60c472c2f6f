import createError = require('./createError');
import type { MysqlError } from '../MysqlError';

// Errors of the authentication exchange (Handshake and ChangeUser, and the plugins they run). All are fatal: the
// server waits for an answer that will not come, so the connection is unusable.
const authErrors = {
  unsupportedAuthMethod(name: string): MysqlError {
    return createError(
      'MySQL is requesting the ' + name + ' authentication method, which is not supported.',
      'UNSUPPORTED_AUTH_METHOD',
      { fatal: true },
    );
  },

  insecureAuth(): MysqlError {
    return createError(
      'MySQL server is requesting the old and insecure pre-4.1 auth mechanism. ' +
        'Upgrade the user password or use the {insecureAuth: true} option.',
      'HANDSHAKE_INSECURE_AUTH',
      { fatal: true },
    );
  },

  publicKeyRequired(pluginName: string): MysqlError {
    return createError(
      'The ' + pluginName + ' authentication needs the password sent over a secure connection or encrypted with ' +
        "the server's RSA public key: use the ssl option, set serverPublicKey, or set " +
        'allowPublicKeyRetrieval: true to let the server send its key.',
      'HANDSHAKE_PUBLIC_KEY_REQUIRED',
      { fatal: true },
    );
  },

  cleartextDisabled(): MysqlError {
    return createError(
      'MySQL is requesting the mysql_clear_password authentication method, which sends the password as it is: ' +
        'use the ssl option, or set enableCleartextPlugin: true to allow it on this connection.',
      'HANDSHAKE_CLEARTEXT_DISABLED',
      { fatal: true },
    );
  },

  /** What a plugin threw: its own error when it has a code, otherwise wrapped under HANDSHAKE_AUTH_PLUGIN_ERROR. */
  pluginFailed(pluginName: string, thrown: unknown): MysqlError {
    const err = thrown as MysqlError;
    if (thrown instanceof Error && typeof err.code === 'string') {
      err.fatal = true;
      return err;
    }
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return createError('Authentication plugin ' + pluginName + ' failed: ' + reason, 'HANDSHAKE_AUTH_PLUGIN_ERROR',
      { fatal: true });
  },
};

export = authErrors;
