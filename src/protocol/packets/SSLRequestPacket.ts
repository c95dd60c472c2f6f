import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import Client = require('../constants/client');

// The first 32 bytes of a 4.1 handshake response, sent in clear before the TLS handshake; the full
// ClientAuthenticationPacket follows over TLS. CLIENT_SSL is always set, since asking for TLS is its point.
class SSLRequestPacket {
  clientFlags: number;
  maxPacketSize: number | undefined;
  charsetNumber: number | undefined;

  constructor(options: SSLRequestPacket.Options = {}) {
    this.clientFlags = (options.clientFlags || 0) | Client.CLIENT_SSL;
    this.maxPacketSize = options.maxPacketSize;
    this.charsetNumber = options.charsetNumber;
  }

  parse(parser: Parser): void {
    this.clientFlags = parser.parseUnsignedNumber(4);
    this.maxPacketSize = parser.parseUnsignedNumber(4);
    this.charsetNumber = parser.parseUnsignedNumber(1);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(4, this.clientFlags);
    writer.writeUnsignedNumber(4, this.maxPacketSize || 0);
    writer.writeUnsignedNumber(1, this.charsetNumber || 0);
    writer.writeFiller(23);
  }
}

namespace SSLRequestPacket {
  export interface Options {
    clientFlags?: number;
    maxPacketSize?: number;
    charsetNumber?: number;
  }
}

export = SSLRequestPacket;
