'use strict';

// Seeded mutations of a captured server conversation (an array of turns, each
// { after, bytes }). Some keep the packet framing intact so the change reaches
// the packet parsers; others break the framing itself. mutate() changes the
// turns in place and returns one line per mutation, for the failure report.

const HEADER_LENGTH = 4;
const INTERESTING = [0x00, 0x01, 0x02, 0x03, 0x04, 0x7f, 0x80, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff];
const LENENC = [
  'feffffffffffffffff', // 2^64 - 1
  'fe0100000000002000', // 2^53 + 1
  'fe0000000001000000', // 2^32 * 2^8: a length no buffer holds
  'fdffffff', // 2^24 - 1
  'fcffff',
  'fc', // cut short
  'fe',
  'fb', // NULL
];

// The packets a turn's bytes frame, as far as the framing holds.
function packetsOf(bytes) {
  const packets = [];
  for (let offset = 0; offset + HEADER_LENGTH <= bytes.length;) {
    const length = bytes.readUIntLE(offset, 3);
    packets.push({ offset, length: Math.min(length, bytes.length - offset - HEADER_LENGTH) });
    offset += HEADER_LENGTH + length;
  }
  return packets;
}

function int(rng, n) {
  return Math.floor(rng() * n);
}

function pick(rng, list) {
  return list[int(rng, list.length)];
}

function randomBytes(rng, n) {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = rng() < 0.5 ? pick(rng, INTERESTING) : int(rng, 256);
  return out;
}

function splice(bytes, at, remove, insert) {
  return Buffer.concat([bytes.subarray(0, at), insert || Buffer.alloc(0), bytes.subarray(at + remove)]);
}

// Replaces part of one packet's payload and fixes its header, so the framing stays valid.
function reframe(bytes, packet, at, remove, insert) {
  const out = splice(bytes, packet.offset + HEADER_LENGTH + at, remove, insert);
  const length = Math.max(0, packet.length - remove + (insert ? insert.length : 0));
  out.writeUIntLE(Math.min(0xffffff, length), packet.offset, 3);
  return out;
}

const MUTATORS = {
  flip(turn, rng) {
    if (!turn.bytes.length) return null;
    const at = int(rng, turn.bytes.length);
    const bit = int(rng, 8);
    turn.bytes[at] ^= 1 << bit;
    return 'flip bit ' + bit + ' @' + at;
  },
  byte(turn, rng) {
    if (!turn.bytes.length) return null;
    const at = int(rng, turn.bytes.length);
    turn.bytes[at] = pick(rng, INTERESTING);
    return 'byte @' + at + ' = 0x' + turn.bytes[at].toString(16);
  },
  insert(turn, rng) {
    const packets = packetsOf(turn.bytes);
    const insert = randomBytes(rng, 1 + int(rng, 8));
    if (packets.length && rng() < 0.5) {
      const packet = pick(rng, packets);
      const at = int(rng, packet.length + 1);
      turn.bytes = reframe(turn.bytes, packet, at, 0, insert);
      return 'insert ' + insert.toString('hex') + ' in packet @' + packet.offset + '+' + at + ' (reframed)';
    }
    const at = int(rng, turn.bytes.length + 1);
    turn.bytes = splice(turn.bytes, at, 0, insert);
    return 'insert ' + insert.toString('hex') + ' @' + at;
  },
  delete(turn, rng) {
    const packets = packetsOf(turn.bytes).filter((p) => p.length > 0);
    const count = 1 + int(rng, 16);
    if (packets.length && rng() < 0.5) {
      const packet = pick(rng, packets);
      const at = int(rng, packet.length);
      const n = Math.min(count, packet.length - at);
      turn.bytes = reframe(turn.bytes, packet, at, n);
      return 'delete ' + n + ' in packet @' + packet.offset + '+' + at + ' (reframed)';
    }
    if (!turn.bytes.length) return null;
    const at = int(rng, turn.bytes.length);
    turn.bytes = splice(turn.bytes, at, count);
    return 'delete ' + count + ' @' + at;
  },
  length(turn, rng) {
    const packets = packetsOf(turn.bytes);
    if (!packets.length) return null;
    const packet = pick(rng, packets);
    const old = turn.bytes.readUIntLE(packet.offset, 3);
    const choices = [old + 1, old - 1, old + 1 + int(rng, 64), old - 1 - int(rng, 64), 0, 0xffffff, int(rng, 0x1000000)];
    const value = Math.max(0, Math.min(0xffffff, pick(rng, choices)));
    turn.bytes.writeUIntLE(value, packet.offset, 3);
    return 'length @' + packet.offset + ' ' + old + ' -> ' + value;
  },
  seq(turn, rng) {
    const packets = packetsOf(turn.bytes);
    if (!packets.length) return null;
    const packet = pick(rng, packets);
    const value = rng() < 0.5 ? (turn.bytes[packet.offset + 3] + 1) & 0xff : int(rng, 256);
    turn.bytes[packet.offset + 3] = value;
    return 'seq @' + packet.offset + ' = ' + value;
  },
  lenenc(turn, rng) {
    const packets = packetsOf(turn.bytes).filter((p) => p.length > 0);
    if (!packets.length) return null;
    const packet = pick(rng, packets);
    const value = Buffer.from(pick(rng, LENENC), 'hex');
    const at = int(rng, packet.length);
    const remove = rng() < 0.5 ? Math.min(value.length, packet.length - at) : 0;
    turn.bytes = reframe(turn.bytes, packet, at, remove, value);
    return 'lenenc ' + value.toString('hex') + ' in packet @' + packet.offset + '+' + at;
  },
  truncate(turn, rng, turns) {
    const at = int(rng, turn.bytes.length + 1);
    turn.bytes = turn.bytes.subarray(0, at);
    if (rng() < 0.5) {
      turns.splice(turns.indexOf(turn) + 1);
      return 'truncate @' + at + ', later turns dropped';
    }
    return 'truncate @' + at;
  },
  duplicate(turn, rng) {
    const packets = packetsOf(turn.bytes);
    if (!packets.length) return null;
    const packet = pick(rng, packets);
    const copy = turn.bytes.subarray(packet.offset, packet.offset + HEADER_LENGTH + packet.length);
    turn.bytes = splice(turn.bytes, packet.offset, 0, Buffer.from(copy));
    return 'duplicate packet @' + packet.offset;
  },
  drop(turn, rng) {
    const packets = packetsOf(turn.bytes);
    if (!packets.length) return null;
    const packet = pick(rng, packets);
    turn.bytes = splice(turn.bytes, packet.offset, HEADER_LENGTH + packet.length);
    return 'drop packet @' + packet.offset;
  },
  swap(turn, rng) {
    const packets = packetsOf(turn.bytes);
    if (packets.length < 2) return null;
    const i = int(rng, packets.length - 1);
    const a = packets[i];
    const b = packets[i + 1];
    const end = b.offset + HEADER_LENGTH + b.length;
    const first = turn.bytes.subarray(a.offset, b.offset);
    const second = turn.bytes.subarray(b.offset, end);
    turn.bytes = splice(turn.bytes, a.offset, end - a.offset, Buffer.concat([second, first]));
    return 'swap packets @' + a.offset + ' and @' + b.offset;
  },
  graft(turn, rng, turns, corpus) {
    const donor = pick(rng, pick(rng, corpus).turns);
    const bytes = Buffer.from(donor.hex, 'hex');
    const packets = packetsOf(bytes);
    if (!packets.length) return null;
    const packet = pick(rng, packets);
    const copy = bytes.subarray(packet.offset, packet.offset + HEADER_LENGTH + packet.length);
    const at = pick(rng, packetsOf(turn.bytes).map((p) => p.offset).concat([turn.bytes.length]));
    turn.bytes = splice(turn.bytes, at, 0, copy);
    return 'graft a ' + copy.length + '-byte packet @' + at;
  },
};

const NAMES = Object.keys(MUTATORS);

function chooseTurn(turns, rng) {
  if (rng() < 0.5) return pick(rng, turns);
  const total = turns.reduce((n, t) => n + t.bytes.length, 0);
  let target = rng() * total;
  for (const turn of turns) {
    target -= turn.bytes.length;
    if (target < 0) return turn;
  }
  return turns[turns.length - 1];
}

function mutationCount(rng) {
  const r = rng();
  if (r < 0.5) return 1;
  if (r < 0.75) return 2;
  return 3 + int(rng, 4);
}

function mutate(turns, rng, corpus) {
  const log = [];
  const count = mutationCount(rng);
  for (let i = 0; i < count && turns.length; i++) {
    const turn = chooseTurn(turns, rng);
    const name = pick(rng, NAMES);
    const what = MUTATORS[name](turn, rng, turns, corpus);
    if (what) log.push('turn ' + turns.indexOf(turn) + ': ' + what);
  }
  return log;
}

module.exports = { mutate, packetsOf };
