'use strict';
// What mysql-ts adds to mysqljs's packets on purpose: skipped when MYSQL_LIB is upstream mysqljs.
const assert = require('assert');
const path = require('path');
const { Packets, Client, Types, isUpstream, toBytes, payload, readPacket, parseInto } = require('./packet-io');
const { column, rowBytes, parseRow } = require('./row-io');

const CLIENT_CONNECT_ATTRS = 0x100000;

(isUpstream ? describe.skip : describe)('packets: mysql-ts additions', function () {
  it('ClientAuthenticationPacket writes and reads the plugin name and connection attributes', function () {
    const options = {
      clientFlags:
        Client.CLIENT_PROTOCOL_41 | Client.CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS | Client.CLIENT_SECURE_CONNECTION,
      maxPacketSize: 0, charsetNumber: 33, user: 'u', scrambleBuff: Buffer.alloc(32, 9), database: '',
      protocol41: true, pluginName: 'caching_sha2_password',
      connectAttributes: { _client_name: 'mysql-ts', _pid: '123', über: 'ä'.repeat(200) },
    };
    const parsed = parseInto(toBytes(new Packets.ClientAuthenticationPacket(options)),
      new Packets.ClientAuthenticationPacket({ protocol41: true }));
    for (const key of Object.keys(options)) assert.deepStrictEqual(parsed[key], options[key], key);
  });

  it('ClientAuthenticationPacket omits plugin name and attributes when their flags are not set', function () {
    const base = { clientFlags: Client.CLIENT_PROTOCOL_41, user: 'u', scrambleBuff: Buffer.alloc(20), database: 'db',
      protocol41: true };
    const extended = new Packets.ClientAuthenticationPacket({ ...base, pluginName: 'x',
      connectAttributes: { a: 'b' } });
    assert.deepStrictEqual(payload(extended), payload(new Packets.ClientAuthenticationPacket(base)));
    assert.deepStrictEqual(Object.keys(new Packets.ClientAuthenticationPacket(base)), [
      'clientFlags', 'maxPacketSize', 'charsetNumber', 'filler', 'user', 'scrambleBuff', 'database', 'protocol41',
    ]);
  });

  it('ClientAuthenticationPacket (pre-4.1) round-trips user, scramble and database', function () {
    const options = { clientFlags: 0x0f, maxPacketSize: 0xffffff, user: 'old', scrambleBuff: Buffer.alloc(8, 3),
      database: 'db' };
    const parsed = parseInto(toBytes(new Packets.ClientAuthenticationPacket(options)),
      new Packets.ClientAuthenticationPacket());
    for (const key of Object.keys(options)) assert.deepStrictEqual(parsed[key], options[key], key);
  });

  it('ComChangeUserPacket round-trips, with the two-byte charset and an optional plugin name', function () {
    const options = { user: 'bob', scrambleBuff: Buffer.alloc(20, 1), database: 'test', charsetNumber: 224 };
    const plain = parseInto(toBytes(new Packets.ComChangeUserPacket(options)), new Packets.ComChangeUserPacket());
    assert.deepStrictEqual({ ...plain }, { command: 0x11, ...options });

    const withPlugin = { ...options, pluginName: 'mysql_native_password' };
    const parsed = parseInto(toBytes(new Packets.ComChangeUserPacket(withPlugin)), new Packets.ComChangeUserPacket());
    assert.deepStrictEqual({ ...parsed }, { command: 0x11, ...withPlugin });
  });

  it('HandshakeInitializationPacket writes a complete v10 greeting from few options', function () {
    const packet = new Packets.HandshakeInitializationPacket({
      serverVersion: '8.0.0-fake', threadId: 1, scrambleBuff1: Buffer.alloc(8, 1), scrambleBuff2: Buffer.alloc(12, 2),
      serverCapabilities1: 0xffff, serverCapabilities2: Client.CLIENT_PLUGIN_AUTH >>> 16, protocol41: true,
    });
    const parsed = parseInto(toBytes(packet), new Packets.HandshakeInitializationPacket());
    assert.strictEqual(parsed.protocolVersion, 10);
    assert.strictEqual(parsed.scrambleLength, 21);
    assert.strictEqual(parsed.pluginData, 'mysql_native_password');
    assert.deepStrictEqual(parsed.scrambleBuff(), Buffer.concat([Buffer.alloc(8, 1), Buffer.alloc(12, 2)]));
  });

  it('OkPacket writes affectedRows and insertId beyond 2^53 given as strings', function () {
    const ok = new Packets.OkPacket({ protocol41: true });
    Object.assign(ok, { affectedRows: '9007199254740993', insertId: '18446744073709551615', serverStatus: 2,
      warningCount: 0, message: '' });
    const parsed = new Packets.OkPacket({ protocol41: true });
    readPacket(toBytes(ok), (parser) => parsed.parse(parser), { supportBigNumbers: true });
    assert.strictEqual(parsed.affectedRows, '9007199254740993');
    assert.strictEqual(parsed.insertId, '18446744073709551615');
  });

  it('LocalDataFilePacket parses its bytes back', function () {
    const data = Buffer.from('1\t2\n');
    assert.deepStrictEqual(parseInto(toBytes(new Packets.LocalDataFilePacket(data)),
      new Packets.LocalDataFilePacket()).data, data);
  });

  it('RowDataPacket.write sends each value length-coded, null as 0xfb', function () {
    const row = new Packets.RowDataPacket();
    Object.assign(row, { id: 1, name: 'ä', none: null, raw: Buffer.from([0, 1]) });
    assert.deepStrictEqual(toBytes(row), rowBytes(['1', 'ä', null, Buffer.from([0, 1])]));
    const columns = [column('id', Types.LONG), column('name', Types.VAR_STRING), column('none', Types.LONG),
      column('raw', Types.VAR_STRING)];
    assert.deepStrictEqual({ ...parseRow(columns, ['1', 'ä', null, Buffer.from([0, 1])]) }, { id: 1, name: 'ä',
      none: null, raw: '\u0000\u0001' });
  });

  it('RowDataPacket keeps columns named like its methods', function () {
    const row = parseRow([column('parse', Types.LONG), column('_typeCast', Types.LONG), column('n', Types.LONG)],
      ['1', '2', '3']);
    assert.deepStrictEqual({ ...row }, { parse: 1, _typeCast: 2, n: 3 });
  });

  it('Field.string() decodes with a named encoding', function () {
    const row = parseRow([column('latin', Types.VAR_STRING)], [Buffer.from([0xe4])],
      { typeCast: (field) => field.string('latin1') });
    assert.strictEqual(row.latin, 'ä');
  });
});

// Where mysqljs and mysql-ts do the same thing, the result is identical: the same own keys in the same order
// (JSON.stringify output), the same bytes from write(), and the same fields from parse().
(isUpstream ? describe.skip : describe)('packets: same shape, bytes and parse result as mysqljs', function () {
  const upstreamLib = path.join(__dirname, '../../../node_modules/mysql/lib');
  const Upstream = require(path.join(upstreamLib, 'protocol/packets'));
  const UpstreamWriter = require(path.join(upstreamLib, 'protocol/PacketWriter'));
  const UpstreamParser = require(path.join(upstreamLib, 'protocol/Parser'));

  function upstreamPayload(packet) {
    const writer = new UpstreamWriter();
    packet.write(writer);
    return writer.toBuffer({ incrementPacketNumber: () => 0 }).subarray(4);
  }

  function upstreamParse(bytes, packet) {
    const parser = new UpstreamParser({ onPacket: () => packet.parse(parser) });
    parser.write(bytes);
    return packet;
  }

  // [options to build and write with, options for the packet that parses]
  const cases = {
    ClientAuthenticationPacket: [{
      clientFlags: 0x000fa68f, maxPacketSize: 0, charsetNumber: 33, user: 'root', scrambleBuff: Buffer.alloc(20, 7),
      database: 'test', protocol41: true,
    }, { protocol41: true }],
    EofPacket: [{ warningCount: 1, serverStatus: 2, protocol41: true }, { protocol41: true }],
    ErrorPacket: [{ errno: 1045, sqlStateMarker: '#', sqlState: '28000', message: 'Access denied' }, {}],
    FieldPacket: [{
      catalog: 'def', db: 'd', table: 't', orgTable: 't', name: 'c', orgName: 'c', charsetNr: 63, length: 20,
      type: 8, flags: 0x4203, decimals: 0, protocol41: true,
    }, { protocol41: true }],
    HandshakeInitializationPacket: [{
      protocolVersion: 10, serverVersion: '5.7.1', threadId: 9, scrambleBuff1: Buffer.alloc(8, 1),
        scrambleBuff2: Buffer.alloc(12, 2),
      serverCapabilities1: 0xf7ff, serverLanguage: 33, serverStatus: 2, serverCapabilities2: 0x81ff, scrambleLength: 21,
      pluginData: 'mysql_native_password', protocol41: true,
    }, {}],
    LocalInfileRequestPacket: [{ filename: 'a.csv' }, {}],
    OkPacket: [{ protocol41: true }, { protocol41: true }],
    ResultSetHeaderPacket: [{ fieldCount: 2 }, {}],
    SSLRequestPacket: [{ clientFlags: 0x000fa68f, maxPacketSize: 0, charsetNumber: 33 }, {}],
    AuthSwitchRequestPacket: [{ authMethodName: 'mysql_native_password', authMethodData: Buffer.alloc(21, 3) }, {}],
    AuthSwitchResponsePacket: [{ data: Buffer.alloc(20, 4) }, {}],
    OldPasswordPacket: [{ scrambleBuff: Buffer.alloc(8, 5) }, {}],
    UseOldPasswordPacket: [{}, {}],
    ComPingPacket: [undefined, undefined],
    ComQuitPacket: [undefined, undefined],
    ComStatisticsPacket: [undefined, undefined],
    ComQueryPacket: ['SELECT 1', undefined],
    EmptyPacket: [undefined, undefined],
    ComChangeUserPacket: [{ user: 'u', scrambleBuff: Buffer.alloc(20, 2), database: 'd', charsetNumber: 33 }, null],
    LocalDataFilePacket: [Buffer.from('a,b'), null], // mysqljs has no LocalDataFilePacket.parse
  };

  for (const [name, [options, parseOptions]] of Object.entries(cases)) {
    it(name, function () {
      const ours = new Packets[name](options);
      const theirs = new Upstream[name](options);
      assert.deepStrictEqual(Object.keys(ours), Object.keys(theirs), 'keys');
      const bytes = toBytes(ours);
      assert.deepStrictEqual(bytes.subarray(4), upstreamPayload(theirs), 'bytes');
      // mysqljs reads COM_CHANGE_USER's two-byte charset as one byte: only keys and bytes are compared there.
      if (parseOptions === null) return;
      const parsedOurs = parseInto(bytes, new Packets[name](parseOptions));
      const parsedTheirs = upstreamParse(bytes, new Upstream[name](parseOptions));
      assert.deepStrictEqual(Object.keys(parsedOurs), Object.keys(parsedTheirs), 'parsed keys');
      assert.deepStrictEqual({ ...parsedOurs }, { ...parsedTheirs }, 'parsed values');
    });
  }
});
