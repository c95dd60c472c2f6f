// Capability flags exchanged in the handshake (include/mysql_com.h of MySQL 9.x, and MariaDB's
// protocol documentation for the bits it gives other meanings or adds).

const Client = {
  CLIENT_LONG_PASSWORD: 1, // new more secure passwords; a MariaDB 10.2+ server clears it ("CLIENT_MYSQL")
  CLIENT_FOUND_ROWS: 2, // found instead of affected rows
  CLIENT_LONG_FLAG: 4, // get all column flags
  CLIENT_CONNECT_WITH_DB: 8, // one can specify db on connect
  CLIENT_NO_SCHEMA: 16, // don't allow database.table.column
  CLIENT_COMPRESS: 32, // can use compression protocol
  CLIENT_ODBC: 64, // odbc client
  CLIENT_LOCAL_FILES: 128, // can use LOAD DATA LOCAL
  CLIENT_IGNORE_SPACE: 256, // ignore spaces before '('
  CLIENT_PROTOCOL_41: 512, // new 4.1 protocol
  CLIENT_INTERACTIVE: 1024, // this is an interactive client
  CLIENT_SSL: 2048, // switch to SSL after handshake
  CLIENT_IGNORE_SIGPIPE: 4096, // ignore sigpipes
  CLIENT_TRANSACTIONS: 8192, // client knows about transactions
  CLIENT_RESERVED: 16384, // old flag for 4.1 protocol
  CLIENT_SECURE_CONNECTION: 32768, // new 4.1 authentication
  CLIENT_MULTI_STATEMENTS: 65536, // enable/disable multi-stmt support
  CLIENT_MULTI_RESULTS: 131072, // enable/disable multi-results
  CLIENT_PS_MULTI_RESULTS: 262144, // multi-results in PS-protocol
  CLIENT_PLUGIN_AUTH: 524288, // client supports plugin authentication
  CLIENT_CONNECT_ATTRS: 1048576, // client sends connection attributes
  CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA: 2097152, // auth response is length-encoded, may exceed 255 bytes
  CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS: 4194304, // keep the connection when the password has expired
  CLIENT_SESSION_TRACK: 8388608, // OK packets may carry session state changes
  CLIENT_DEPRECATE_EOF: 16777216, // OK packets replace EOF packets
  CLIENT_OPTIONAL_RESULTSET_METADATA: 33554432, // MySQL 8.0.3+: result set metadata may be left out
  CLIENT_ZSTD_COMPRESSION_ALGORITHM: 67108864, // MySQL 8.0.18+: zstd compressed protocol
  CLIENT_QUERY_ATTRIBUTES: 134217728, // MySQL 8.0.23+: query attributes in COM_QUERY and COM_STMT_EXECUTE
  CLIENT_MULTI_FACTOR_AUTHENTICATION: 268435456, // MySQL 8.0.27+: multi-factor authentication
  CLIENT_CAPABILITY_EXTENSION: 536870912, // MySQL: reserved to extend the flags (MariaDB: obsolete progress bit)
  CLIENT_SSL_VERIFY_SERVER_CERT: 1073741824, // verify the server certificate (client side only)
  CLIENT_REMEMBER_OPTIONS: 2147483648, // don't reset options after an error (client side only)

} as const;

export = Client;
