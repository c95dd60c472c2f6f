import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// One chunk of a LOCAL INFILE upload: raw file bytes, to the end of the packet.
class LocalDataFilePacket {
  data: Buffer | undefined;

  constructor(data?: Buffer) {
    this.data = data;
  }

  parse(parser: Parser): void {
    this.data = parser.parsePacketTerminatedBuffer();
  }

  write(writer: PacketWriter): void {
    if (this.data) writer.writeBuffer(this.data);
  }
}

export = LocalDataFilePacket;
