'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');

const Parser = require(path.join(common.lib, 'protocol/Parser'));
const PacketWriter = require(path.join(common.lib, 'protocol/PacketWriter'));

// Parses one packet holding `values` as length-coded strings and returns what parseLengthCodedString gives back.
function roundTrip(values) {
  const writer = new PacketWriter();
  values.forEach(function (value) { writer.writeLengthCodedString(value); });
  let seq = 0;
  const bytes = writer.toBuffer({ incrementPacketNumber: function () { return seq++; } });
  const out = [];
  const parser = new Parser({
    onPacket: function () {
      values.forEach(function () { out.push(parser.parseLengthCodedString()); });
    },
  });
  parser.write(bytes);
  return out;
}

describe('protocol: string values', function () {
  it('decodes short and long, ASCII and non-ASCII values exactly as UTF-8', function () {
    const values = [];
    for (let length = 0; length <= 12; length++) {
      values.push('abcdefghijkl'.slice(0, length));
      values.push(Array.from('é€😀ab'.repeat(3)).slice(0, length).join(''));
      values.push('\u007f\u0000x'.repeat(4).slice(0, length));
    }
    assert.deepStrictEqual(roundTrip(values), values);
  });
});
