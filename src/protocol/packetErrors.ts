import type { MysqlError } from '../MysqlError';

// Malformed column-definition bytes. These are TypeErrors, as in mysqljs; the PARSER_ code prefix is what
// routes them to the current sequence instead of crashing the socket handler.
function parserTypeError(message: string, code: string): MysqlError {
  const err = new TypeError(message) as MysqlError;
  err.code = code;
  return err;
}

function invalidFieldLength(): MysqlError {
  return parserTypeError('Received invalid field length', 'PARSER_INVALID_FIELD_LENGTH');
}

function invalidFiller(): MysqlError {
  return parserTypeError('Received invalid filler', 'PARSER_INVALID_FILLER');
}

export = { invalidFieldLength, invalidFiller };
