'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: debug option', function () {
  const fake = common.useFakeServer();
  const originalLog = console.log;
  let lines;

  beforeEach(function () {
    lines = [];
    console.log = function () {
      lines.push(require('util').format.apply(null, arguments));
    };
  });

  afterEach(function () {
    console.log = originalLog;
  });

  function runQuery(debug, callback) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ threadId: 77 });
      conn.on('query', function () { conn.sendResultSet(['n'], [['1']]); });
    });
    const connection = fake.createConnection({ debug: debug });
    connection.query('SELECT 1 AS n', function (err) {
      assert.ifError(err);
      console.log = originalLog;
      callback();
    });
  }

  // '<-- (77) RowDataPacket {...}': direction, thread id once known, class name.
  function packetNames(direction) {
    return lines
      .map(function (line) { return line.match(/^(<--|-->)(?: \(\d+\))? (\w+)/); })
      .filter(function (m) { return m && m[1] === direction; })
      .map(function (m) { return m[2]; });
  }

  it('prints every packet in both directions by its class name', function (done) {
    runQuery(true, function () {
      assert.deepStrictEqual(packetNames('-->'), ['ClientAuthenticationPacket', 'ComQueryPacket']);
      assert.deepStrictEqual(packetNames('<--'), ['HandshakeInitializationPacket', 'OkPacket',
        'ResultSetHeaderPacket', 'FieldPacket', 'EofPacket', 'RowDataPacket', 'EofPacket']);
      done();
    });
  });

  it('prints the thread id and the packet fields', function (done) {
    runQuery(true, function () {
      const query = lines.find(function (line) { return /ComQueryPacket/.test(line); });
      assert.match(query, /^--> \(77\) ComQueryPacket/);
      assert.match(query, /sql: 'SELECT 1 AS n'/);
      done();
    });
  });

  it('prints only the packet classes listed when debug is an array', function (done) {
    runQuery(['ComQueryPacket', 'RowDataPacket'], function () {
      assert.deepStrictEqual(packetNames('-->'), ['ComQueryPacket']);
      assert.deepStrictEqual(packetNames('<--'), ['RowDataPacket']);
      done();
    });
  });

  it('prints nothing without the option', function (done) {
    runQuery(undefined, function () {
      assert.deepStrictEqual(lines, []);
      done();
    });
  });
});
