import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import packetErrors = require('../packetErrors');

// The server's request for a LOCAL INFILE upload: a NULL length marker (0xfb), then the file name to the
// end of the packet.
class LocalInfileRequestPacket {
  filename: string | undefined;

  constructor(options: LocalInfileRequestPacket.Options = {}) {
    this.filename = options.filename;
  }

  parse(parser: Parser): void {
    if (parser.parseLengthCodedNumber() !== null) throw packetErrors.invalidFieldLength();
    this.filename = parser.parsePacketTerminatedString();
  }

  write(writer: PacketWriter): void {
    writer.writeLengthCodedNumber(null);
    writer.writeString(this.filename);
  }
}

namespace LocalInfileRequestPacket {
  export interface Options {
    filename?: string;
  }
}

export = LocalInfileRequestPacket;
