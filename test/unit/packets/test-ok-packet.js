'use strict';
const assert = require('assert');
const { Packets, frame, toBytes, readPacket, parseInto } = require('./packet-io');

function okBytes(message, affectedRows = 1) {
  const ok = new Packets.OkPacket({ protocol41: true });
  Object.assign(ok, { affectedRows, insertId: 0, serverStatus: 2, warningCount: 0, message });
  return toBytes(ok);
}

// An OK packet whose insertId is 2^64 - 1, which no JS number holds.
const HUGE_INSERT_ID = frame((w) => {
  w.writeUnsignedNumber(1, 0x00);
  w.writeLengthCodedNumber(1);
  w.writeUnsignedNumber(1, 0xfe);
  w.writeUnsignedNumber(4, 0xffffffff);
  w.writeUnsignedNumber(4, 0xffffffff);
  w.writeUnsignedNumber(2, 2);
  w.writeUnsignedNumber(2, 0);
});

describe('OkPacket', function () {
  it('has mysqljs key order, and changedRows only after parse()', function () {
    const fresh = new Packets.OkPacket({ protocol41: true });
    assert.deepStrictEqual(Object.keys(fresh), [
      'fieldCount', 'affectedRows', 'insertId', 'serverStatus', 'warningCount', 'message', 'protocol41',
    ]);
    const parsed = parseInto(okBytes(''), fresh);
    assert.strictEqual(
      JSON.stringify(parsed),
      '{"fieldCount":0,"affectedRows":1,"insertId":0,"serverStatus":2,"warningCount":0,"message":"",' +
        '"protocol41":true,"changedRows":0}',
    );
  });

  it('reads changedRows from the ER_UPDATE_INFO message', function () {
    const parsed = parseInto(okBytes('Rows matched: 5  Changed: 3  Warnings: 0', 5),
      new Packets.OkPacket({ protocol41: true }));
    assert.strictEqual(parsed.changedRows, 3);
  });

  it('reads changedRows from a translated message', function () {
    const parsed = parseInto(
      okBytes('Datensätze gefunden: 4  Geändert: 2  Warnungen: 0', 4),
      new Packets.OkPacket({ protocol41: true }),
    );
    assert.strictEqual(parsed.changedRows, 2);
  });

  it('leaves changedRows at 0 for other messages', function () {
    const parsed = parseInto(okBytes('Records: 3  Duplicates: 0  Warnings: 0'),
      new Packets.OkPacket({ protocol41: true }));
    assert.strictEqual(parsed.changedRows, 0);
  });

  it('gives an insertId beyond 2^53 as an exact string with supportBigNumbers', function () {
    const ok = new Packets.OkPacket({ protocol41: true });
    readPacket(HUGE_INSERT_ID, (parser) => ok.parse(parser), { supportBigNumbers: true });
    assert.strictEqual(ok.insertId, '18446744073709551615');
  });

  it('raises PARSER_JS_PRECISION_RANGE_EXCEEDED for such an insertId without supportBigNumbers', function () {
    const ok = new Packets.OkPacket({ protocol41: true });
    assert.throws(() => readPacket(HUGE_INSERT_ID, (parser) => ok.parse(parser)),
      { code: 'PARSER_JS_PRECISION_RANGE_EXCEEDED' });
  });
});
