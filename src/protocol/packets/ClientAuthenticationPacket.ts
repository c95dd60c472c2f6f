import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import Client = require('../constants/client');
import connectAttributes = require('../connectAttributes');

// The client's handshake response: capabilities, user, auth response and database. pluginName and
// connectAttributes are sent only when given and their capability bit is set, so without them the bytes are
// exactly mysqljs's.
class ClientAuthenticationPacket {
  clientFlags: number | undefined;
  maxPacketSize: number | undefined;
  charsetNumber: number | undefined;
  filler: Buffer | undefined = undefined;
  user: string | undefined;
  scrambleBuff: Buffer | null | undefined;
  database: string | undefined;
  protocol41: boolean | undefined;
  // Own properties only when set, so the packet's shape (and debug output) stays mysqljs's otherwise.
  declare pluginName?: string;
  declare connectAttributes?: Record<string, string>;

  constructor(options: ClientAuthenticationPacket.Options = {}) {
    this.clientFlags = options.clientFlags;
    this.maxPacketSize = options.maxPacketSize;
    this.charsetNumber = options.charsetNumber;
    this.user = options.user;
    this.scrambleBuff = options.scrambleBuff;
    this.database = options.database;
    this.protocol41 = options.protocol41;
    if (options.pluginName !== undefined) this.pluginName = options.pluginName;
    if (options.connectAttributes !== undefined) this.connectAttributes = options.connectAttributes;
  }

  parse(parser: Parser): void {
    if (!this.protocol41) {
      this._parse320(parser);
      return;
    }
    const flags = parser.parseUnsignedNumber(4);
    this.clientFlags = flags;
    this.maxPacketSize = parser.parseUnsignedNumber(4);
    this.charsetNumber = parser.parseUnsignedNumber(1);
    this.filler = parser.parseFiller(23);
    this.user = parser.parseNullTerminatedString();
    this.scrambleBuff = parser.parseLengthCodedBuffer();
    this.database = parser.parseNullTerminatedString();

    if (flags & Client.CLIENT_PLUGIN_AUTH && !parser.reachedPacketEnd()) {
      this.pluginName = parser.parseNullTerminatedString();
    }
    if (flags & Client.CLIENT_CONNECT_ATTRS && !parser.reachedPacketEnd()) {
      this.connectAttributes = connectAttributes.parseConnectAttributes(parser);
    }
  }

  write(writer: PacketWriter): void {
    if (!this.protocol41) {
      this._write320(writer);
      return;
    }
    const flags = this.clientFlags || 0;
    writer.writeUnsignedNumber(4, flags);
    writer.writeUnsignedNumber(4, this.maxPacketSize || 0);
    writer.writeUnsignedNumber(1, this.charsetNumber || 0);
    writer.writeFiller(23);
    writer.writeNullTerminatedString(this.user);
    writer.writeLengthCodedBuffer(this.scrambleBuff || Buffer.alloc(0));
    writer.writeNullTerminatedString(this.database);

    if (this.pluginName !== undefined && flags & Client.CLIENT_PLUGIN_AUTH) {
      writer.writeNullTerminatedString(this.pluginName);
    }
    if (this.connectAttributes !== undefined && flags & Client.CLIENT_CONNECT_ATTRS) {
      connectAttributes.writeConnectAttributes(writer, this.connectAttributes);
    }
  }

  // Pre-4.1 layout: 2-byte flags, 3-byte max packet size, user, the 8-byte scramble, then optionally a zero
  // byte and the database to the end of the packet.
  _parse320(parser: Parser): void {
    this.clientFlags = parser.parseUnsignedNumber(2);
    this.maxPacketSize = parser.parseUnsignedNumber(3);
    this.user = parser.parseNullTerminatedString();
    this.scrambleBuff = parser.parseBuffer(8);
    if (parser.reachedPacketEnd()) return;
    parser.parseFiller(1);
    this.database = parser.parsePacketTerminatedString();
  }

  _write320(writer: PacketWriter): void {
    writer.writeUnsignedNumber(2, this.clientFlags || 0);
    writer.writeUnsignedNumber(3, this.maxPacketSize || 0);
    writer.writeNullTerminatedString(this.user);
    if (this.scrambleBuff) writer.writeBuffer(this.scrambleBuff);
    if (this.database) {
      writer.writeFiller(1);
      writer.writeString(this.database);
    }
  }
}

namespace ClientAuthenticationPacket {
  export interface Options {
    clientFlags?: number;
    maxPacketSize?: number;
    charsetNumber?: number;
    user?: string;
    scrambleBuff?: Buffer;
    database?: string;
    protocol41?: boolean;
    /** Auth plugin that produced scrambleBuff; written when clientFlags has CLIENT_PLUGIN_AUTH. */
    pluginName?: string;
    /** Written when clientFlags has CLIENT_CONNECT_ATTRS. */
    connectAttributes?: Record<string, string>;
  }
}

export = ClientAuthenticationPacket;
