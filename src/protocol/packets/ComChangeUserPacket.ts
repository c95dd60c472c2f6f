import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import connectAttributes = require('../connectAttributes');

// COM_CHANGE_USER: re-authenticates the open connection as another user, optionally naming the auth plugin
// that produced scrambleBuff and sending connection attributes (each written only when given, so the bytes are
// mysqljs's otherwise).
class ComChangeUserPacket {
  command = 0x11;
  user: string | undefined;
  scrambleBuff: Buffer | null | undefined;
  database: string | undefined;
  charsetNumber: number | undefined;
  declare pluginName?: string;
  declare connectAttributes?: Record<string, string>;

  constructor(options: ComChangeUserPacket.Options = {}) {
    this.user = options.user;
    this.scrambleBuff = options.scrambleBuff;
    this.database = options.database;
    this.charsetNumber = options.charsetNumber;
    if (options.pluginName !== undefined) this.pluginName = options.pluginName;
    if (options.connectAttributes !== undefined) this.connectAttributes = options.connectAttributes;
  }

  parse(parser: Parser): void {
    this.command = parser.parseUnsignedNumber(1);
    this.user = parser.parseNullTerminatedString();
    this.scrambleBuff = parser.parseLengthCodedBuffer();
    this.database = parser.parseNullTerminatedString();
    // The character set is two bytes on the wire (mysqljs writes two but reads one).
    this.charsetNumber = parser.parseUnsignedNumber(2);
    if (!parser.reachedPacketEnd()) this.pluginName = parser.parseNullTerminatedString();
    if (!parser.reachedPacketEnd()) this.connectAttributes = connectAttributes.parseConnectAttributes(parser);
  }

  write(writer: PacketWriter): void {
    writer.writeUnsignedNumber(1, this.command);
    writer.writeNullTerminatedString(this.user);
    writer.writeLengthCodedBuffer(this.scrambleBuff || Buffer.alloc(0));
    writer.writeNullTerminatedString(this.database);
    writer.writeUnsignedNumber(2, this.charsetNumber || 0);
    // The attributes follow the plugin name, so with attributes an absent name is written empty.
    if (this.pluginName !== undefined || this.connectAttributes !== undefined) {
      writer.writeNullTerminatedString(this.pluginName || '');
    }
    if (this.connectAttributes !== undefined) connectAttributes.writeConnectAttributes(writer, this.connectAttributes);
  }
}

namespace ComChangeUserPacket {
  export interface Options {
    user?: string;
    scrambleBuff?: Buffer;
    database?: string;
    charsetNumber?: number;
    pluginName?: string;
    /** Written after the plugin name; the server reads them when the handshake set CLIENT_CONNECT_ATTRS. */
    connectAttributes?: Record<string, string>;
  }
}

export = ComChangeUserPacket;
