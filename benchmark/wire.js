'use strict';

// The few MySQL wire-format constants and builders the floor client and the replay server share.

const HEADER_LENGTH = 4;
const COM_QUIT = 0x01;
const COM_QUERY = 0x03;
const COM_PING = 0x0e;
const OK_BYTE = 0x00;
const EOF_BYTE = 0xfe;
const ERR_BYTE = 0xff;
// A 0xfe packet shorter than this is an EOF; a longer one is a row whose first value is 8-byte length coded.
const EOF_MAX_LENGTH = 9;
const NATIVE_PASSWORD = 'mysql_native_password';
const UTF8MB4_GENERAL_CI = 45;

// Capabilities the floor client asks for and the replay server grants. CLIENT_DEPRECATE_EOF is left out on
// purpose: the captured result set keeps its EOF packets, so every driver can read the replay.
const CAPABILITIES =
  0x00000001 | // LONG_PASSWORD (also "not MariaDB-extended" in a server greeting)
  0x00000004 | // LONG_FLAG
  0x00000008 | // CONNECT_WITH_DB
  0x00000200 | // PROTOCOL_41
  0x00002000 | // TRANSACTIONS
  0x00008000 | // SECURE_CONNECTION
  0x00010000 | // MULTI_STATEMENTS
  0x00020000 | // MULTI_RESULTS
  0x00080000; // PLUGIN_AUTH

// One allocation per packet: header and payload written into the same buffer.
function packet(sequenceId, payload) {
  const buffer = Buffer.allocUnsafe(HEADER_LENGTH + payload.length);
  buffer.writeUIntLE(payload.length, 0, 3);
  buffer[3] = sequenceId & 0xff;
  payload.copy(buffer, HEADER_LENGTH);
  return buffer;
}

function queryPacket(sql) {
  const length = Buffer.byteLength(sql);
  const buffer = Buffer.allocUnsafe(HEADER_LENGTH + 1 + length);
  buffer.writeUIntLE(1 + length, 0, 3);
  buffer[3] = 0;
  buffer[4] = COM_QUERY;
  buffer.write(sql, HEADER_LENGTH + 1);
  return buffer;
}

function okPacket(sequenceId) {
  // affected rows 0, insert id 0, status AUTOCOMMIT, no warnings
  return packet(sequenceId, Buffer.from([OK_BYTE, 0, 0, 0x02, 0x00, 0x00, 0x00]));
}

module.exports = {
  HEADER_LENGTH,
  COM_QUIT,
  COM_QUERY,
  COM_PING,
  OK_BYTE,
  EOF_BYTE,
  ERR_BYTE,
  EOF_MAX_LENGTH,
  NATIVE_PASSWORD,
  UTF8MB4_GENERAL_CI,
  CAPABILITIES,
  packet,
  queryPacket,
  okPacket,
};
