import createError = require('./createError');
import type { MysqlError } from '../MysqlError';

// Errors shared by the sequences that authenticate (Handshake and ChangeUser).
const authErrors = {
  unsupportedAuthMethod(name: string): MysqlError {
    return createError(
      'MySQL is requesting the ' + name + ' authentication method, which is not supported.',
      'UNSUPPORTED_AUTH_METHOD',
      { fatal: true },
    );
  },
};

export = authErrors;
