// Server status flags of OK and EOF packets (include/mysql_com.h of MySQL 9.x; MariaDB uses the
// same bits).

const ServerStatus = {
  // A multi-statement transaction has been started, explicitly (BEGIN, COMMIT AND CHAIN) or
  // implicitly by the first transactional statement when autocommit=off.
  SERVER_STATUS_IN_TRANS: 1,
  SERVER_STATUS_AUTOCOMMIT: 2, // server in auto_commit mode
  SERVER_MORE_RESULTS_EXISTS: 8, // multi query: the next result follows
  SERVER_QUERY_NO_GOOD_INDEX_USED: 16,
  SERVER_QUERY_NO_INDEX_USED: 32,
  // COM_STMT_EXECUTE opened a read-only non-scrollable cursor; rows come with COM_STMT_FETCH.
  SERVER_STATUS_CURSOR_EXISTS: 64,
  SERVER_STATUS_LAST_ROW_SENT: 128, // the cursor is exhausted (reply to COM_STMT_FETCH)
  SERVER_STATUS_DB_DROPPED: 256, // a database was dropped
  SERVER_STATUS_NO_BACKSLASH_ESCAPES: 512,
  // A re-prepared statement now returns a different number of result set columns.
  SERVER_STATUS_METADATA_CHANGED: 1024,
  SERVER_QUERY_WAS_SLOW: 2048,
  SERVER_PS_OUT_PARAMS: 4096, // this result set holds a procedure's output parameters
  SERVER_STATUS_IN_TRANS_READONLY: 8192, // the transaction is read-only
  SERVER_SESSION_STATE_CHANGED: 16384, // the OK packet carries session state changes
} as const;

export = ServerStatus;
