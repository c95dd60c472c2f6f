import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// A packet with no payload: the end of a LOCAL INFILE upload, or an empty auth response.
class EmptyPacket {
  parse(_parser: Parser): void {}

  write(_writer: PacketWriter): void {}
}

export = EmptyPacket;
