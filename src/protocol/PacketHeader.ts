// The 4-byte header in front of every MySQL packet: a 3-byte payload length and a 1-byte sequence id.
class PacketHeader {
  length: number;
  number: number;

  constructor(length: number, number: number) {
    this.length = length;
    this.number = number;
  }
}

export = PacketHeader;
