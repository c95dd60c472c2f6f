import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// COM_QUIT: tells the server the client is closing the connection.
class ComQuitPacket {
  command = 0x01;

  parse(parser: Parser): void {
    this.command = parser.parseUnsignedNumber(1);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.command);
  }
}

export = ComQuitPacket;
