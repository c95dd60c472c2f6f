import Auth = require('../Auth');
import type { AuthPlugin } from './types';

// mysql_native_password: the SHA-1 token for the 20-byte seed (Auth.token, as mysqljs computes it).
const SEED_LENGTH = 20;

const nativePassword: AuthPlugin = (context) => (data) => Auth.token(context.password, data.subarray(0, SEED_LENGTH));

export = nativePassword;
