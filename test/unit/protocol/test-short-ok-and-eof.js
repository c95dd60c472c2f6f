'use strict';

const assert = require('assert');
const net = require('net');
const path = require('path');
const common = require('../../support/common');

const Packets = require(path.join(common.lib, 'protocol/packets'));
const PacketWriter = require(path.join(common.lib, 'protocol/PacketWriter'));
const Parser = require(path.join(common.lib, 'protocol/Parser'));
const Types = require(path.join(common.lib, 'protocol/constants/types'));

// A test double written the way mysqljs's own fake server is: its OK and EOF packets are built without the
// protocol41 option, so they stop before the status and warning fields that a 4.1 client reads.
function createBareServer() {
  return net.createServer(function (socket) {
    let expectAuth = true;
    const parser = new Parser({
      onPacket: function () {
        const first = parser.peak();
        const Packet = expectAuth ? Packets.ClientAuthenticationPacket
          : first === 0x03 ? Packets.ComQueryPacket : first === 0x01 ? Packets.ComQuitPacket : Packets.ComPingPacket;
        expectAuth = false;
        const packet = new Packet({ protocol41: true });
        packet.parse(parser);
        if (Packet === Packets.ComQuitPacket) return socket.end();
        if (Packet === Packets.ComQueryPacket && /^SELECT/.test(packet.sql)) {
          send(new Packets.ResultSetHeaderPacket({ fieldCount: 1 }));
          send(new Packets.FieldPacket({ catalog: 'def', name: 'n', protocol41: true, type: Types.LONG, charsetNr: 33 }));
          send(new Packets.EofPacket());
          const row = new PacketWriter();
          row.writeLengthCodedString('7');
          socket.write(row.toBuffer(parser));
          send(new Packets.EofPacket());
        } else {
          send(new Packets.OkPacket());
        }
        parser.resetPacketNumber();
      },
    });
    function send(packet) {
      const writer = new PacketWriter();
      packet.write(writer);
      socket.write(writer.toBuffer(parser));
    }
    socket.on('data', function (data) { parser.write(data); });
    send(new Packets.HandshakeInitializationPacket({
      scrambleBuff1: Buffer.from('1020304050607080', 'hex'),
      scrambleBuff2: Buffer.from('0102030405060708090a0b0c', 'hex'),
      serverCapabilities1: 512, // PROTOCOL_41 only
      protocol41: true,
    }));
  });
}

describe('protocol: OK and EOF packets without the 4.1 status fields', function () {
  let server;
  afterEach(function (done) { server.close(function () { done(); }); });

  it('connects, queries and pings as mysqljs did, reading the missing fields as 0', function (done) {
    server = createBareServer();
    server.listen(0, '127.0.0.1', function () {
      const connection = common.mysql.createConnection({ host: '127.0.0.1', port: server.address().port, user: 'u' });
      connection.connect(assert.ifError);
      connection.query('SELECT 7 AS n', function (err, rows) {
        assert.ifError(err);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(rows)), [{ n: 7 }]);
      });
      connection.query('DO 1', function (err, result) {
        assert.ifError(err);
        assert.strictEqual(result.serverStatus, 0);
        assert.strictEqual(result.warningCount, 0);
      });
      connection.ping(assert.ifError);
      connection.end(done);
    });
  });
});
