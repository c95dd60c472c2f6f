import authErrors = require('../authErrors');
import scramble = require('./scramble');
import type { AuthPlugin } from './types';

// mysql_clear_password (PAM, LDAP and similar server plugins): the password as it is, so only over TLS or a
// Unix socket, or where the enableCleartextPlugin option says so.
const clearPassword: AuthPlugin = (context) => () => {
  if (!context.secure && !context.options.enableCleartextPlugin) throw authErrors.cleartextDisabled();
  return scramble.cleartext(context.password);
};

export = clearPassword;
