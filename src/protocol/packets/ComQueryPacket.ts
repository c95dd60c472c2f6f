import buffer = require('buffer');
import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// The module's own binding: global `Buffer` is an accessor in Node, called again at every use.
const { Buffer } = buffer;

// COM_QUERY: the SQL text runs to the end of the packet, with no length prefix or terminator.
class ComQueryPacket {
  command = 0x03;
  sql: string | undefined;

  constructor(sql?: string) {
    this.sql = sql;
  }

  parse(parser: Parser): void {
    this.command = parser.parseUnsignedNumber(1);
    this.sql = parser.parsePacketTerminatedString();
  }

  write(writer: PacketWriter): void {
    const sql = this.sql ? String(this.sql) : '';
    writer.reserve(1 + Buffer.byteLength(sql, 'utf-8'));
    writer.writeUnsignedNumber(1, this.command);
    writer.writeString(sql);
  }
}

export = ComQueryPacket;
