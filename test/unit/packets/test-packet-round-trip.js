'use strict';
const assert = require('assert');
const { Packets, Client, toBytes, payload, parseInto } = require('./packet-io');

// write() then parse() must give back what was written: the fake server writes what the client parses and
// parses what the client writes.
function roundTrip(packet, fresh) {
  return parseInto(toBytes(packet), fresh);
}

describe('packets: write -> bytes -> parse', function () {
  it('ComPingPacket, ComQuitPacket, ComStatisticsPacket are their one command byte', function () {
    assert.deepStrictEqual(payload(new Packets.ComPingPacket()), Buffer.from([0x0e]));
    assert.deepStrictEqual(payload(new Packets.ComQuitPacket()), Buffer.from([0x01]));
    assert.deepStrictEqual(payload(new Packets.ComStatisticsPacket()), Buffer.from([0x09]));
    assert.strictEqual(roundTrip(new Packets.ComPingPacket(), new Packets.ComPingPacket()).command, 0x0e);
    assert.strictEqual(roundTrip(new Packets.ComQuitPacket(), new Packets.ComQuitPacket()).command, 0x01);
    assert.strictEqual(roundTrip(new Packets.ComStatisticsPacket(), new Packets.ComStatisticsPacket()).command, 0x09);
  });

  it('ComQueryPacket keeps the SQL text, multi-byte characters included', function () {
    const sql = "SELECT 'Grüße, 世界' AS greeting";
    assert.deepStrictEqual(payload(new Packets.ComQueryPacket(sql)), Buffer.concat([Buffer.from([0x03]),
      Buffer.from(sql)]));
    const parsed = roundTrip(new Packets.ComQueryPacket(sql), new Packets.ComQueryPacket());
    assert.deepStrictEqual({ command: parsed.command, sql: parsed.sql }, { command: 0x03, sql });
  });

  it('EmptyPacket has no payload', function () {
    assert.strictEqual(payload(new Packets.EmptyPacket()).length, 0);
    assert.deepStrictEqual(Object.keys(roundTrip(new Packets.EmptyPacket(), new Packets.EmptyPacket())), []);
  });

  it('OkPacket (4.1) round-trips counts, status, warnings and message', function () {
    const ok = new Packets.OkPacket({ protocol41: true });
    Object.assign(ok, { affectedRows: 300, insertId: 70000, serverStatus: 2, warningCount: 1, message: 'hi' });
    const parsed = roundTrip(ok, new Packets.OkPacket({ protocol41: true }));
    assert.deepStrictEqual(
      [parsed.fieldCount, parsed.affectedRows, parsed.insertId, parsed.serverStatus, parsed.warningCount,
        parsed.message],
      [0, 300, 70000, 2, 1, 'hi'],
    );
  });

  it('EofPacket round-trips warnings and status in 4.1 and is one byte before', function () {
    const parsed = roundTrip(
      new Packets.EofPacket({ warningCount: 3, serverStatus: 34, protocol41: true }),
      new Packets.EofPacket({ protocol41: true }),
    );
    assert.deepStrictEqual([parsed.fieldCount, parsed.warningCount, parsed.serverStatus], [0xfe, 3, 34]);
    assert.deepStrictEqual(payload(new Packets.EofPacket({ protocol41: false })), Buffer.from([0xfe]));
  });

  it('ErrorPacket round-trips errno, SQLSTATE and message', function () {
    const err = new Packets.ErrorPacket({ errno: 1064, sqlStateMarker: '#', sqlState: '42000',
      message: 'You have an error' });
    const parsed = roundTrip(err, new Packets.ErrorPacket());
    assert.deepStrictEqual(
      [parsed.fieldCount, parsed.errno, parsed.sqlStateMarker, parsed.sqlState, parsed.message],
      [0xff, 1064, '#', '42000', 'You have an error'],
    );
  });

  it('ErrorPacket without a SQLSTATE (pre-4.1) keeps the whole message', function () {
    const parsed = roundTrip(new Packets.ErrorPacket({ errno: 1040, message: 'Too many connections' }),
      new Packets.ErrorPacket());
    assert.strictEqual(parsed.sqlState, undefined);
    assert.strictEqual(parsed.message, 'Too many connections');
  });

  it('ResultSetHeaderPacket round-trips the column count', function () {
    assert.strictEqual(roundTrip(new Packets.ResultSetHeaderPacket({ fieldCount: 3 }),
      new Packets.ResultSetHeaderPacket()).fieldCount, 3);
    assert.strictEqual(
      roundTrip(new Packets.ResultSetHeaderPacket({ fieldCount: 4096 }),
        new Packets.ResultSetHeaderPacket()).fieldCount,
      4096,
    );
  });

  it('FieldPacket (4.1) round-trips every attribute, with and without a default', function () {
    const options = {
      catalog: 'def', db: 'test', table: 't', orgTable: 'tbl', name: 'n', orgName: 'name',
      charsetNr: 33, length: 765, type: 253, flags: 0x1001, decimals: 0, protocol41: true,
    };
    const parsed = roundTrip(new Packets.FieldPacket(options), new Packets.FieldPacket({ protocol41: true }));
    assert.deepStrictEqual({ ...parsed }, { ...options, default: undefined, zeroFill: false });

    const withDefault = roundTrip(
      new Packets.FieldPacket({ ...options, flags: 0x40, default: 'x' }),
      new Packets.FieldPacket({ protocol41: true }),
    );
    assert.strictEqual(withDefault.default, 'x');
    assert.strictEqual(withDefault.zeroFill, true);
  });

  it('FieldPacket (pre-4.1) round-trips table, name, length and type', function () {
    const parsed = roundTrip(
      new Packets.FieldPacket({ table: 't', name: 'id', length: 11, type: 3 }),
      new Packets.FieldPacket(),
    );
    assert.deepStrictEqual([parsed.table, parsed.name, parsed.length, parsed.type], ['t', 'id', 11, 3]);
  });

  it('HandshakeInitializationPacket (4.1) round-trips and joins the scramble', function () {
    const options = {
      protocolVersion: 10, serverVersion: '5.7.0-fake', threadId: 42,
      scrambleBuff1: Buffer.from('0102030405060708', 'hex'),
      scrambleBuff2: Buffer.from('090a0b0c0d0e0f1011121314', 'hex'),
      serverCapabilities1: 0xf7ff, serverLanguage: 33, serverStatus: 2, serverCapabilities2: 0x0008,
      scrambleLength: 21, pluginData: 'mysql_native_password', protocol41: true,
    };
    const parsed = roundTrip(new Packets.HandshakeInitializationPacket(options),
      new Packets.HandshakeInitializationPacket());
    for (const key of Object.keys(options)) assert.deepStrictEqual(parsed[key], options[key], key);
    assert.deepStrictEqual(parsed.scrambleBuff(), Buffer.from('0102030405060708090a0b0c0d0e0f1011121314', 'hex'));
  });

  it('HandshakeInitializationPacket forces CLIENT_PROTOCOL_41 when protocol41 is set', function () {
    const packet = new Packets.HandshakeInitializationPacket({ serverCapabilities1: 1, protocol41: true });
    assert.strictEqual(packet.serverCapabilities1, 1 | Client.CLIENT_PROTOCOL_41);
  });

  it('HandshakeInitializationPacket reads a plugin name that ends the packet without a zero byte', function () {
    const { frame } = require('./packet-io');
    const bytes = frame((w) => {
      w.writeUnsignedNumber(1, 10);
      w.writeNullTerminatedString('10.11.0-MariaDB');
      w.writeUnsignedNumber(4, 7);
      w.writeBuffer(Buffer.alloc(8, 1));
      w.writeFiller(1);
      w.writeUnsignedNumber(2, Client.CLIENT_PROTOCOL_41);
      w.writeUnsignedNumber(1, 8);
      w.writeUnsignedNumber(2, 2);
      w.writeUnsignedNumber(2, 8);
      w.writeUnsignedNumber(1, 21);
      w.writeFiller(10);
      w.writeBuffer(Buffer.alloc(12, 2));
      w.writeFiller(1);
      w.writeString('mysql_native_password');
    });
    const parsed = parseInto(bytes, new Packets.HandshakeInitializationPacket());
    assert.strictEqual(parsed.serverVersion, '10.11.0-MariaDB');
    assert.strictEqual(parsed.pluginData, 'mysql_native_password');
    assert.deepStrictEqual(parsed.scrambleBuff(), Buffer.concat([Buffer.alloc(8, 1), Buffer.alloc(12, 2)]));
  });

  it('ClientAuthenticationPacket (4.1) round-trips user, scramble and database', function () {
    const options = {
      clientFlags: 0x000fa68f, maxPacketSize: 0x1000000, charsetNumber: 33, user: 'root',
      scrambleBuff: Buffer.alloc(20, 7), database: 'test', protocol41: true,
    };
    const parsed = roundTrip(new Packets.ClientAuthenticationPacket(options),
      new Packets.ClientAuthenticationPacket({ protocol41: true }));
    for (const key of Object.keys(options)) assert.deepStrictEqual(parsed[key], options[key], key);
    assert.deepStrictEqual(parsed.filler, Buffer.alloc(23));
  });

  it('SSLRequestPacket always sets CLIENT_SSL and is 32 bytes', function () {
    const packet = new Packets.SSLRequestPacket({ clientFlags: Client.CLIENT_PROTOCOL_41, maxPacketSize: 1 << 24,
      charsetNumber: 33 });
    assert.strictEqual(payload(packet).length, 32);
    const parsed = roundTrip(packet, new Packets.SSLRequestPacket());
    assert.deepStrictEqual(
      [parsed.clientFlags, parsed.maxPacketSize, parsed.charsetNumber],
      [Client.CLIENT_PROTOCOL_41 | Client.CLIENT_SSL, 1 << 24, 33],
    );
  });

  it('AuthSwitchRequestPacket round-trips the plugin name and its data', function () {
    const packet = new Packets.AuthSwitchRequestPacket({ authMethodName: 'mysql_native_password',
      authMethodData: Buffer.alloc(21, 5) });
    const parsed = roundTrip(packet, new Packets.AuthSwitchRequestPacket());
    assert.deepStrictEqual(
      [parsed.status, parsed.authMethodName, parsed.authMethodData],
      [0xfe, 'mysql_native_password', Buffer.alloc(21, 5)],
    );
  });

  it('AuthSwitchResponsePacket and OldPasswordPacket carry their bytes to the end of the packet', function () {
    const data = Buffer.from('00ff10', 'hex');
    assert.deepStrictEqual(roundTrip(new Packets.AuthSwitchResponsePacket({ data }),
      new Packets.AuthSwitchResponsePacket()).data, data);
    assert.deepStrictEqual(
      roundTrip(new Packets.OldPasswordPacket({ scrambleBuff: data }), new Packets.OldPasswordPacket()).scrambleBuff,
      data,
    );
  });

  it('UseOldPasswordPacket is the single byte 0xfe', function () {
    assert.deepStrictEqual(payload(new Packets.UseOldPasswordPacket()), Buffer.from([0xfe]));
    assert.strictEqual(roundTrip(new Packets.UseOldPasswordPacket(),
      new Packets.UseOldPasswordPacket({ firstByte: 1 })).firstByte, 0xfe);
  });

  it('LocalInfileRequestPacket is 0xfb then the file name', function () {
    const packet = new Packets.LocalInfileRequestPacket({ filename: '/tmp/data.csv' });
    assert.deepStrictEqual(payload(packet), Buffer.concat([Buffer.from([0xfb]), Buffer.from('/tmp/data.csv')]));
    assert.strictEqual(roundTrip(packet, new Packets.LocalInfileRequestPacket()).filename, '/tmp/data.csv');
  });

  it('LocalDataFilePacket writes its data as is', function () {
    const data = Buffer.from('1,a\n2,b\n');
    assert.deepStrictEqual(payload(new Packets.LocalDataFilePacket(data)), data);
  });

  it('StatisticsPacket round-trips the message and exposes each number', function () {
    const message = 'Uptime: 5  Threads: 1  Questions: 9  Slow queries: 0  Opens: 17  Flush tables: 1  ' +
      'Open tables: 10  Queries per second avg: 1.800';
    const packet = new Packets.StatisticsPacket();
    packet.message = message;
    const parsed = roundTrip(packet, new Packets.StatisticsPacket());
    assert.deepStrictEqual({ ...parsed }, {
      message, uptime: 5, threads: 1, questions: 9, slow_queries: 0, opens: 17, flush_tables: 1,
      open_tables: 10, queries_per_second_avg: 1.8,
    });
  });

  it('exports all 23 classes under their own names (and AuthMoreDataPacket in mysql-ts)', function () {
    const names = Object.keys(Packets).filter((name) => name !== 'AuthMoreDataPacket');
    assert.strictEqual(names.length, 23);
    for (const name of Object.keys(Packets)) assert.strictEqual(Packets[name].name, name);
  });
});
