import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// COM_PING: asks the server whether it is alive; it answers with an OK packet.
class ComPingPacket {
  command = 0x0e;

  parse(parser: Parser): void {
    this.command = parser.parseUnsignedNumber(1);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.command);
  }
}

export = ComPingPacket;
