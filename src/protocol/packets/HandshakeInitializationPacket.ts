import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import Client = require('../constants/client');

const PROTOCOL_VERSION = 10;
const SCRAMBLE_PART1_LENGTH = 8;
const DEFAULT_AUTH_PLUGIN = 'mysql_native_password';

// The server's greeting (protocol v10): version, thread id, capabilities, and the auth seed in two parts.
class HandshakeInitializationPacket {
  protocolVersion: number | undefined;
  serverVersion: string | undefined;
  threadId: number | undefined;
  scrambleBuff1: Buffer | undefined;
  filler1: Buffer | undefined;
  serverCapabilities1: number | undefined;
  serverLanguage: number | undefined;
  serverStatus: number | undefined;
  serverCapabilities2: number | undefined;
  scrambleLength: number | undefined;
  filler2: Buffer | undefined;
  scrambleBuff2: Buffer | undefined;
  filler3: Buffer | undefined;
  pluginData: string | undefined;
  protocol41: boolean | undefined;

  constructor(options: HandshakeInitializationPacket.Options = {}) {
    this.protocolVersion = options.protocolVersion;
    this.serverVersion = options.serverVersion;
    this.threadId = options.threadId;
    this.scrambleBuff1 = options.scrambleBuff1;
    this.filler1 = options.filler1;
    this.serverCapabilities1 = options.serverCapabilities1;
    this.serverLanguage = options.serverLanguage;
    this.serverStatus = options.serverStatus;
    this.serverCapabilities2 = options.serverCapabilities2;
    this.scrambleLength = options.scrambleLength;
    this.filler2 = options.filler2;
    this.scrambleBuff2 = options.scrambleBuff2;
    this.filler3 = options.filler3;
    this.pluginData = options.pluginData;
    this.protocol41 = options.protocol41;

    // A 4.1 greeting must advertise the capability, whatever the caller's flags say.
    if (this.protocol41) this.serverCapabilities1 = (this.serverCapabilities1 || 0) | Client.CLIENT_PROTOCOL_41;
  }

  parse(parser: Parser): void {
    this.protocolVersion = parser.parseUnsignedNumber(1);
    this.serverVersion = parser.parseNullTerminatedString();
    this.threadId = parser.parseUnsignedNumber(4);
    this.scrambleBuff1 = parser.parseBuffer(SCRAMBLE_PART1_LENGTH);
    this.filler1 = parser.parseFiller(1);
    this.serverCapabilities1 = parser.parseUnsignedNumber(2);
    this.serverLanguage = parser.parseUnsignedNumber(1);
    this.serverStatus = parser.parseUnsignedNumber(2);
    this.protocol41 = (this.serverCapabilities1 & Client.CLIENT_PROTOCOL_41) > 0;

    if (this.protocol41) {
      this.serverCapabilities2 = parser.parseUnsignedNumber(2);
      this.scrambleLength = parser.parseUnsignedNumber(1);
      this.filler2 = parser.parseFiller(10);
      // The second part should end in a zero byte, but Sphinx omits it: take 12 bytes, then one filler byte.
      this.scrambleBuff2 = parser.parseBuffer(12);
      this.filler3 = parser.parseFiller(1);
    } else {
      this.filler2 = parser.parseFiller(13);
    }

    if (parser.reachedPacketEnd()) return;

    // The plugin name should be zero-terminated, but MariaDB may end the packet instead: read to the end and
    // drop a trailing zero byte.
    let pluginData = parser.parsePacketTerminatedString();
    if (pluginData.endsWith('\0')) pluginData = pluginData.slice(0, -1);
    this.pluginData = pluginData;
  }

  // Writes a v10 greeting that parse() and real clients accept; unset fields get the values a MySQL 5.x
  // server would send (an all-zero seed, the mysql_native_password plugin).
  write(writer: PacketWriter): void {
    const scramble1 = this.scrambleBuff1 || Buffer.alloc(SCRAMBLE_PART1_LENGTH);
    const scramble2 = this.scrambleBuff2 || Buffer.alloc(12);

    writer.writeUnsignedNumber(1, this.protocolVersion ?? PROTOCOL_VERSION);
    writer.writeNullTerminatedString(this.serverVersion);
    writer.writeUnsignedNumber(4, this.threadId || 0);
    writer.writeBuffer(scramble1);
    writer.writeFiller(1);
    writer.writeUnsignedNumber(2, this.serverCapabilities1 || 0);
    writer.writeUnsignedNumber(1, this.serverLanguage || 0);
    writer.writeUnsignedNumber(2, this.serverStatus || 0);
    if (!this.protocol41) {
      writer.writeFiller(13);
    } else {
      writer.writeUnsignedNumber(2, this.serverCapabilities2 || 0);
      // Length of the whole seed including its terminating zero byte, as servers send it.
      writer.writeUnsignedNumber(1, this.scrambleLength ?? scramble1.length + scramble2.length + 1);
      writer.writeFiller(10);
      writer.writeNullTerminatedBuffer(scramble2);
    }
    writer.writeNullTerminatedString(this.pluginData ?? DEFAULT_AUTH_PLUGIN);
  }

  /** The full auth seed: both parts joined. */
  scrambleBuff(): Buffer {
    const part1 = this.scrambleBuff1 || Buffer.alloc(0);
    return this.scrambleBuff2 === undefined ? Buffer.from(part1) : Buffer.concat([part1, this.scrambleBuff2]);
  }
}

namespace HandshakeInitializationPacket {
  export interface Options {
    protocolVersion?: number;
    serverVersion?: string;
    threadId?: number;
    scrambleBuff1?: Buffer;
    filler1?: Buffer;
    serverCapabilities1?: number;
    serverLanguage?: number;
    serverStatus?: number;
    serverCapabilities2?: number;
    scrambleLength?: number;
    filler2?: Buffer;
    scrambleBuff2?: Buffer;
    filler3?: Buffer;
    pluginData?: string;
    protocol41?: boolean;
  }
}

export = HandshakeInitializationPacket;
