'use strict';
const assert = require('assert');
const { Packets, frame, parseInto } = require('./packet-io');

function columnDefinition(fixedLength, filler) {
  return frame((w) => {
    for (const s of ['def', 'test', 't', 't', 'id', 'id']) w.writeLengthCodedString(s);
    w.writeLengthCodedNumber(fixedLength);
    w.writeUnsignedNumber(2, 63);
    w.writeUnsignedNumber(4, 11);
    w.writeUnsignedNumber(1, 3);
    w.writeUnsignedNumber(2, 0);
    w.writeUnsignedNumber(1, 0);
    w.writeBuffer(filler);
  });
}

describe('FieldPacket and LocalInfileRequestPacket reject malformed bytes', function () {
  it('a wrong fixed-fields length is PARSER_INVALID_FIELD_LENGTH (a TypeError, as in mysqljs)', function () {
    assert.throws(
      () => parseInto(columnDefinition(0x0b, Buffer.alloc(2)), new Packets.FieldPacket({ protocol41: true })),
      (err) => err instanceof TypeError && err.code === 'PARSER_INVALID_FIELD_LENGTH' &&
        err.message === 'Received invalid field length',
    );
  });

  it('a non-zero filler is PARSER_INVALID_FILLER', function () {
    assert.throws(
      () => parseInto(columnDefinition(0x0c, Buffer.from([0, 1])), new Packets.FieldPacket({ protocol41: true })),
      (err) => err instanceof TypeError && err.code === 'PARSER_INVALID_FILLER' &&
        err.message === 'Received invalid filler',
    );
  });

  it('a LOCAL INFILE request without the 0xfb marker is PARSER_INVALID_FIELD_LENGTH', function () {
    const bytes = frame((w) => {
      w.writeLengthCodedNumber(3);
      w.writeString('file.csv');
    });
    assert.throws(() => parseInto(bytes, new Packets.LocalInfileRequestPacket()),
      { code: 'PARSER_INVALID_FIELD_LENGTH' });
  });
});
