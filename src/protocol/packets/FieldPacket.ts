import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');
import FieldFlags = require('../constants/field_flags');
import packetErrors = require('../packetErrors');

// Bytes of fixed-length fields in a 4.1 column definition (charset, length, type, flags, decimals, filler).
const FIXED_FIELDS_LENGTH = 0x0c;

// One column definition of a result set.
class FieldPacket {
  declare catalog: string | null | undefined;
  declare db: string | null | undefined;
  declare table: string | null | undefined;
  declare orgTable: string | null | undefined;
  declare name: string | null | undefined;
  declare orgName: string | null | undefined;
  declare charsetNr: number | undefined;
  declare length: number | undefined;
  declare type: number | undefined;
  declare flags: number | undefined;
  declare decimals: number | undefined;
  declare default: string | null | undefined;
  declare zeroFill: boolean | undefined;
  declare protocol41: boolean | undefined;

  constructor(options: FieldPacket.Options = {}) {
    this.catalog = options.catalog;
    this.db = options.db;
    this.table = options.table;
    this.orgTable = options.orgTable;
    this.name = options.name;
    this.orgName = options.orgName;
    this.charsetNr = options.charsetNr;
    this.length = options.length;
    this.type = options.type;
    this.flags = options.flags;
    this.decimals = options.decimals;
    this.default = options.default;
    this.zeroFill = options.zeroFill;
    this.protocol41 = options.protocol41;
  }

  parse(parser: Parser): void {
    if (!this.protocol41) {
      this._parse320(parser);
      return;
    }
    this.catalog = parser.parseLengthCodedString();
    this.db = parser.parseLengthCodedString();
    this.table = parser.parseLengthCodedString();
    this.orgTable = parser.parseLengthCodedString();
    this.name = parser.parseLengthCodedString();
    this.orgName = parser.parseLengthCodedString();

    if (parser.parseLengthCodedNumber() !== FIXED_FIELDS_LENGTH) throw packetErrors.invalidFieldLength();

    this.charsetNr = parser.parseUnsignedNumber(2);
    this.length = parser.parseUnsignedNumber(4);
    this.type = parser.parseUnsignedNumber(1);
    this.flags = parser.parseUnsignedNumber(2);
    this.decimals = parser.parseUnsignedNumber(1);

    if (parser.parseUnsignedNumber(2) !== 0) throw packetErrors.invalidFiller();

    this.zeroFill = (this.flags & FieldFlags.ZEROFILL_FLAG) !== 0;

    // Only COM_FIELD_LIST answers carry a default value.
    if (parser.reachedPacketEnd()) return;
    this.default = parser.parseLengthCodedString();
  }

  write(writer: PacketWriter): void {
    if (!this.protocol41) {
      this._write320(writer);
      return;
    }
    writer.writeLengthCodedString(this.catalog);
    writer.writeLengthCodedString(this.db);
    writer.writeLengthCodedString(this.table);
    writer.writeLengthCodedString(this.orgTable);
    writer.writeLengthCodedString(this.name);
    writer.writeLengthCodedString(this.orgName);

    writer.writeLengthCodedNumber(FIXED_FIELDS_LENGTH);
    writer.writeUnsignedNumber(2, this.charsetNr || 0);
    writer.writeUnsignedNumber(4, this.length || 0);
    writer.writeUnsignedNumber(1, this.type || 0);
    writer.writeUnsignedNumber(2, this.flags || 0);
    writer.writeUnsignedNumber(1, this.decimals || 0);
    writer.writeFiller(2);

    if (this.default !== undefined) writer.writeLengthCodedString(this.default);
  }

  // Pre-4.1 layout: table and name, then length and type each behind a one-byte size.
  _parse320(parser: Parser): void {
    this.table = parser.parseLengthCodedString();
    this.name = parser.parseLengthCodedString();
    this.length = parser.parseUnsignedNumber(parser.parseUnsignedNumber(1));
    this.type = parser.parseUnsignedNumber(parser.parseUnsignedNumber(1));
  }

  _write320(writer: PacketWriter): void {
    writer.writeLengthCodedString(this.table);
    writer.writeLengthCodedString(this.name);
    writer.writeUnsignedNumber(1, 0x01);
    writer.writeUnsignedNumber(1, this.length || 0);
    writer.writeUnsignedNumber(1, 0x01);
    writer.writeUnsignedNumber(1, this.type || 0);
  }
}

namespace FieldPacket {
  export interface Options {
    catalog?: string | null;
    db?: string | null;
    table?: string | null;
    orgTable?: string | null;
    name?: string | null;
    orgName?: string | null;
    charsetNr?: number;
    length?: number;
    type?: number;
    flags?: number;
    decimals?: number;
    default?: string | null;
    zeroFill?: boolean;
    protocol41?: boolean;
  }
}

export = FieldPacket;
