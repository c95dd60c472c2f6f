import Auth = require('../Auth');
import authErrors = require('../authErrors');
import type { AuthPlugin } from './types';

// mysql_old_password, the pre-4.1 hash: broken cryptography, so only with the insecureAuth option. The answer is
// the 8-byte scramble and a zero byte, or nothing for an empty password (as libmysqlclient sends it).
const SEED_LENGTH = 8;

const oldPassword: AuthPlugin = (context) => (data) => {
  if (!context.options.insecureAuth) throw authErrors.insecureAuth();
  const reply = Auth.scramble323(data.subarray(0, SEED_LENGTH), context.password);
  return reply.length ? Buffer.concat([reply, Buffer.alloc(1)]) : reply;
};

export = oldPassword;
