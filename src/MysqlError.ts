// The shape of every error this library hands to a callback or an 'error' event (as in @types/mysql).
export interface MysqlError extends Error {
  /** Either a MySQL server error name (ER_DUP_ENTRY) or a client code (PROTOCOL_CONNECTION_LOST, ...). */
  code: string;
  /** The server's numeric error code, for server errors. */
  errno?: number;
  /** The server's message without the code prefix. */
  sqlMessage?: string;
  /** The five-character SQLSTATE of a server error. */
  sqlState?: string;
  /** Which statement of a multi-statement query failed (0-based). */
  index?: number;
  /** The SQL of the failed query. */
  sql?: string;
  /** True when the error ended the connection. */
  fatal?: boolean;
  /** Milliseconds, on PROTOCOL_SEQUENCE_TIMEOUT. */
  timeout?: number;
  /** Byte offset in the packet, on PARSER_* errors. */
  offset?: number;
  /** The Node socket error number, on connect timeouts (ETIMEDOUT), as mysqljs sets it. */
  errorno?: string;
  syscall?: string;
}
