const EOF = 0xfe;
const ERROR = 0xff;
const EOF_MAX_LENGTH = 9; // an 0xFE packet shorter than this is an EOF; a longer one is a row

/**
 * Whether a packet of a result set's row phase is a row: the rows end with an EOF or an error packet. A row may
 * itself start with 0xFE, the length prefix of a value of 2 ** 24 bytes or more, but is then longer than an EOF.
 */
function isRowPacket(firstByte: number | undefined, length: number): boolean {
  return firstByte !== ERROR && !(firstByte === EOF && length < EOF_MAX_LENGTH);
}

export = isRowPacket;
