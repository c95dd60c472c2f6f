import type Parser = require('../Parser');
import type PacketWriter = require('../PacketWriter');

// Items are separated by two spaces: "Uptime: 5  Threads: 1  Questions: 9  ...  Queries per second avg: 1.8"
const ITEM_SEPARATOR = /\s\s/;
const ITEM = /^(.+):\s+(.+)$/;

// The answer to COM_STATISTICS. Besides the raw message, parse() adds one numeric property per item, named in
// snake case (uptime, threads, questions, slow_queries, opens, flush_tables, open_tables, queries_per_second_avg).
class StatisticsPacket {
  message: string | undefined = undefined;
  declare uptime?: number;
  declare threads?: number;
  declare questions?: number;
  declare slow_queries?: number;
  declare opens?: number;
  declare flush_tables?: number;
  declare open_tables?: number;
  declare queries_per_second_avg?: number;

  parse(parser: Parser): void {
    this.message = parser.parsePacketTerminatedString();

    const stats: Record<string, number> = {};
    for (const item of this.message.split(ITEM_SEPARATOR)) {
      const m = ITEM.exec(item);
      if (m !== null) stats[m[1].toLowerCase().replace(/\s/g, '_')] = Number(m[2]);
    }
    Object.assign(this, stats);
  }

  write(writer: PacketWriter): void {
    writer.writeString(this.message);
  }
}

export = StatisticsPacket;
