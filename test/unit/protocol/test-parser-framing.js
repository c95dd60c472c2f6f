'use strict';

const assert = require('assert');
const crypto = require('crypto');
const path = require('path');
const common = require('../../support/common');

const Parser = require(path.join(common.lib, 'protocol/Parser'));

const MAX_PACKET_LENGTH = 0xffffff;

// The wire bytes of `payloads` as consecutive packets with sequence ids from 0; a payload of 16 MB or more is split
// into 0xffffff-byte pieces (plus an empty one when it ends exactly on a piece boundary), as servers send them.
function frame(payloads) {
  const parts = [];
  let seq = 0;
  for (const payload of payloads) {
    let offset = 0;
    for (;;) {
      const length = Math.min(MAX_PACKET_LENGTH, payload.length - offset);
      const header = Buffer.alloc(4);
      header.writeUIntLE(length, 0, 3);
      header[3] = seq++ % 256;
      parts.push(header, payload.subarray(offset, offset + length));
      offset += length;
      if (length < MAX_PACKET_LENGTH) break;
    }
  }
  return Buffer.concat(parts);
}

// Feeds `chunks` to a parser and returns every packet's payload as it saw it.
function parse(chunks) {
  const seen = [];
  const parser = new Parser({
    onPacket: function () { seen.push(parser.parsePacketTerminatedBuffer()); },
    onError: function (err) { throw err; },
  });
  chunks.forEach(function (chunk) { parser.write(chunk); });
  return seen;
}

describe('protocol: packet framing', function () {
  const payloads = [Buffer.from([0x00, 0x01, 0x02]), Buffer.alloc(0), crypto.randomBytes(300), Buffer.from('row')];
  const bytes = frame(payloads);

  it('reads packets from one chunk', function () {
    assert.deepStrictEqual(parse([bytes]), payloads);
  });

  it('reads packets whatever single point the stream is split at (inside headers and payloads)', function () {
    for (let split = 1; split < bytes.length; split++) {
      assert.deepStrictEqual(parse([bytes.subarray(0, split), bytes.subarray(split)]), payloads, 'split at ' + split);
    }
  });

  it('reads packets that arrive one byte at a time', function () {
    const chunks = [];
    for (let i = 0; i < bytes.length; i++) chunks.push(bytes.subarray(i, i + 1));
    assert.deepStrictEqual(parse(chunks), payloads);
  });

  it('keeps a parsed buffer intact when the chunk it came from is reused by the sender', function () {
    const chunk = Buffer.from(bytes);
    const seen = parse([chunk]);
    chunk.fill(0);
    assert.deepStrictEqual(seen, payloads);
  });

  it('joins a payload of 16 MB and more sent in pieces, in chunks of any size', function () {
    this.timeout(60000);
    const long = [crypto.randomBytes(MAX_PACKET_LENGTH + 1000), crypto.randomBytes(MAX_PACKET_LENGTH), Buffer.from('x')];
    const wire = frame(long);
    const chunks = [];
    for (let offset = 0, size = 1; offset < wire.length; offset += size, size = (size * 7 + 13) % 200000 + 1) {
      chunks.push(wire.subarray(offset, offset + size));
    }
    const seen = parse(chunks);
    assert.strictEqual(seen.length, long.length);
    seen.forEach(function (payload, i) { assert.ok(payload.equals(long[i]), 'payload ' + i); });
  });
  it('holds every unread byte in _buffer after _offset once paused, as code taking over the socket expects', function () {
    const first = frame([Buffer.from('hello')]);
    const rest = crypto.randomBytes(50);
    const wire = Buffer.concat([first, rest]);
    // Split inside the first packet, so it straddles two chunks; the second chunk also holds the bytes after it.
    const chunks = [wire.subarray(0, 6), wire.subarray(6)];
    let unread = null;
    const parser = new Parser({
      onPacket: function () {
        parser.parsePacketTerminatedBuffer();
        parser.pause();
        process.nextTick(function () { unread = parser._buffer.subarray(parser._offset); });
      },
    });
    chunks.forEach(function (chunk) { parser.write(chunk); });
    return new Promise(function (resolve) { setImmediate(resolve); }).then(function () {
      assert.ok(unread && unread.equals(rest), 'the bytes after the packet');
    });
  });
});
