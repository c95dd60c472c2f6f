'use strict';
// Helpers for the packet tests: the library under test, and packets to bytes and back through its own
// PacketWriter and Parser (the path every packet takes on a socket).
const path = require('path');

const lib = process.env.MYSQL_LIB
  ? path.resolve(process.env.MYSQL_LIB)
  : path.join(__dirname, '../../../lib');

const Packets = require(path.join(lib, 'protocol/packets'));
const Parser = require(path.join(lib, 'protocol/Parser'));
const PacketWriter = require(path.join(lib, 'protocol/PacketWriter'));
const Types = require(path.join(lib, 'protocol/constants/types'));
const Charsets = require(path.join(lib, 'protocol/constants/charsets'));
const Client = require(path.join(lib, 'protocol/constants/client'));

// True when running against upstream mysqljs (MYSQL_LIB=node_modules/mysql/lib): tests of what mysql-ts adds
// on purpose are skipped there.
const isUpstream = require(path.join(lib, '../package.json')).name === 'mysql';

/** Frames one payload written by `write(writer)` as packet number 0. */
function frame(write) {
  const writer = new PacketWriter();
  write(writer);
  return writer.toBuffer({ incrementPacketNumber: () => 0 });
}

/** The bytes `packet.write()` produces, framed as packet number 0. */
function toBytes(packet) {
  return frame((writer) => packet.write(writer));
}

/** The payload alone (no 4-byte header). */
function payload(packet) {
  return toBytes(packet).subarray(4);
}

/** Feeds framed bytes to a Parser and calls read(parser) on the packet; returns read's result. */
function readPacket(bytes, read, config) {
  let result;
  let called = false;
  const parser = new Parser({
    config: config || {},
    onPacket() {
      called = true;
      result = read(parser);
    },
  });
  parser.write(bytes);
  if (!called) throw new Error('no complete packet in ' + bytes.toString('hex'));
  return result;
}

/** Parses framed bytes into `packet` (extra arguments go to parse) and returns it. */
function parseInto(bytes, packet, ...args) {
  readPacket(bytes, (parser) => packet.parse(parser, ...args));
  return packet;
}

module.exports = { lib, Packets, Parser, PacketWriter, Types, Charsets, Client, isUpstream, frame, toBytes, payload,
  readPacket, parseInto };
