'use strict';

// AuthMoreDataPacket (0x01 + plugin data) is mysql-ts's; mysqljs has no such class.
const assert = require('assert');
const common = require('../../support/common');
const { Packets, toBytes, parseInto } = require('../packets/packet-io');

(common.isUpstream ? describe.skip : describe)('packets: AuthMoreDataPacket', function () {
  it('is 0x01 then the plugin data to the end of the packet, and parses back', function () {
    const key = Buffer.from('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n');
    const bytes = toBytes(new Packets.AuthMoreDataPacket({ data: key }));
    assert.deepStrictEqual(bytes.subarray(4), Buffer.concat([Buffer.from([0x01]), key]));
    const parsed = parseInto(bytes, new Packets.AuthMoreDataPacket());
    assert.strictEqual(parsed.status, 0x01);
    assert.deepStrictEqual(parsed.data, key);
  });

  it('is exported by packets/index under its own name', function () {
    assert.strictEqual(Packets.AuthMoreDataPacket.name, 'AuthMoreDataPacket');
  });
});
