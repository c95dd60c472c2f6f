import type { MysqlError } from '../MysqlError';

// The one place that builds the library's own errors: a plain Error (so err.name and util.inspect stay those of
// Error) with the properties assigned in the order mysqljs assigns them.
function createError(message: string, code: string, props?: Partial<MysqlError>): MysqlError {
  const err = new Error(message) as MysqlError;
  err.code = code;
  if (props) Object.assign(err, props);
  return err;
}

export = createError;
