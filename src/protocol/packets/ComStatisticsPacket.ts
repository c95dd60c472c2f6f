import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// COM_STATISTICS: asks for the server's one-line status summary (answered by a StatisticsPacket).
class ComStatisticsPacket {
  command = 0x09;

  parse(parser: Parser): void {
    this.command = parser.parseUnsignedNumber(1);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.command);
  }
}

export = ComStatisticsPacket;
