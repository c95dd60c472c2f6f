import Sequence = require('./Sequence');
import Packets = require('../packets');
import type StatisticsPacket = require('../packets/StatisticsPacket');

const STATISTICS_FIRST_BYTE = 0x55; // 'U' of "Uptime: ...": the reply has no header byte of its own

// COM_STATISTICS: the server answers with one human-readable status string.
class Statistics extends Sequence {
  override start(): void {
    this.emit('packet', new Packets.ComStatisticsPacket());
  }

  override determinePacket(firstByte: number | undefined): Sequence.PacketClass | undefined {
    return firstByte === STATISTICS_FIRST_BYTE ? Packets.StatisticsPacket : undefined;
  }

  StatisticsPacket(packet: StatisticsPacket): void {
    this.end(null, packet);
  }
}

export = Statistics;
