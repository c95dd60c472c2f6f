'use strict';

// Records the fuzzer's corpus from a real server, once:
//
//   node test/fuzz/capture.js        (MYSQL_HOST/PORT/USER/PASSWORD/DATABASE as for the tests)
//
// For each scenario below the library connects through a recording proxy,
// runs one command and ends; the proxy writes test/fuzz/corpus/<name>.json:
//   { name, client: <client.js spec without host/port>, turns: [{ after, hex }] }
// where a turn is what the server sent after `after` complete client packets.
// The scenarios use tables, and an ed25519 account, that exist only while
// this script runs (it needs a MariaDB with the ed25519 plugin).

const fs = require('fs');
const net = require('net');
const path = require('path');
const common = require('../support/common');

const CORPUS = path.join(__dirname, 'corpus');
const INFILE = 'test/fuzz/corpus/infile.csv'; // relative to the repository root, where the replay runs too
const ED_USER = 'fuzz_cap_ed';
const ED_PASSWORD = 'secret';
const HEADER_LENGTH = 4;

const SETUP = [
  'DROP TABLE IF EXISTS fuzz_cap_types, fuzz_cap_ins, fuzz_cap_infile',
  'CREATE TABLE fuzz_cap_types (i INT, bi BIGINT, ubi BIGINT UNSIGNED, d DECIMAL(30,6), f FLOAT, db DOUBLE, ' +
    'dt DATETIME(3), da DATE, t TIME(2), ts TIMESTAMP NULL, y YEAR, b BLOB, tx TEXT, j JSON, bt BIT(12), ' +
    "g GEOMETRY, e ENUM('a','b'), s SET('x','y'), v VARCHAR(20) CHARACTER SET utf8mb4, bin VARBINARY(8))",
  'INSERT INTO fuzz_cap_types VALUES (1, 9007199254740993, 18446744073709551615, 123456789012345678.123456, ' +
    "1.5, -2.25e-300, '2024-02-29 23:59:59.999', '2024-01-02', '-838:59:59.00', '2038-01-19 03:14:07', 2155, " +
    "x'00ff10', 'text', '{\"a\": [1, null, \"x\"]}', b'101010101010', ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'), " +
    "'b', 'x,y', 'h\u00e9 \ud83d\ude00', x'0102')",
  'INSERT INTO fuzz_cap_types VALUES (' + new Array(20).fill('NULL').join(', ') + ')',
  "INSERT INTO fuzz_cap_types (i, bi, d, dt, da, t, g, v) VALUES (-2147483648, -9223372036854775808, -0.000001, " +
    "'1000-01-01 00:00:00', '0000-00-00', '00:00:00.01', ST_GeomFromText('POINT(1.5 -2)'), '')",
  'CREATE TABLE fuzz_cap_ins (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(8))',
  'CREATE TABLE fuzz_cap_infile (id INT, v VARCHAR(8))',
  'DROP USER IF EXISTS ' + ED_USER,
  'CREATE USER ' + ED_USER + " IDENTIFIED VIA ed25519 USING PASSWORD('" + ED_PASSWORD + "')",
  'GRANT ALL ON test.* TO ' + ED_USER,
];
const TEARDOWN = ['DROP TABLE IF EXISTS fuzz_cap_types, fuzz_cap_ins, fuzz_cap_infile', 'DROP USER IF EXISTS ' + ED_USER];

const query = (name, sql, options) => ({ name, client: { op: 'query', sql, options: options || {} } });
const ed = { user: ED_USER, password: ED_PASSWORD };

const SCENARIOS = [
  { name: 'connect', client: { op: 'connect', options: {} } },
  { name: 'connect-ed25519', client: { op: 'connect', options: ed } },
  { name: 'connect-denied', client: { op: 'connect', options: { password: 'wrong' } } },
  { name: 'ping', client: { op: 'ping', options: {} } },
  { name: 'statistics', client: { op: 'statistics', options: {} } },
  { name: 'change-user', client: { op: 'changeUser', options: {}, changeUser: { user: common.config().user, database: 'test' } } },
  { name: 'change-user-ed25519', client: { op: 'changeUser', options: {}, changeUser: ed } },
  query('select-types', 'SELECT * FROM fuzz_cap_types', { charset: 'UTF8MB4_GENERAL_CI' }),
  query('select-rows', 'SELECT seq AS n, REPEAT(CHAR(65 + seq % 26), seq) AS pad FROM seq_1_to_40'),
  query('select-empty', 'SELECT 1 AS a FROM DUAL WHERE 0'),
  query('select-warning', "SELECT 1/0 AS x, CAST('12abc' AS SIGNED) AS y"),
  query('multi-statements', 'SELECT 1 AS a; SELECT i, v, g FROM fuzz_cap_types; DO 1', { multipleStatements: true }),
  query('insert', "INSERT INTO fuzz_cap_ins (v) VALUES ('a'), ('b')"),
  query('update', "UPDATE fuzz_cap_ins SET v = 'c' WHERE id > 0"),
  query('error', 'SELECT * FROM fuzz_cap_nope'),
  query('infile', "LOAD DATA LOCAL INFILE '" + INFILE + "' INTO TABLE fuzz_cap_infile FIELDS TERMINATED BY ','"),
];

function run(connection, sql) {
  return new Promise((resolve, reject) => connection.query(sql, (err) => (err ? reject(err) : resolve())));
}

// A TCP proxy to the real server that records its side of one connection as turns.
function recordingProxy() {
  const turns = [];
  let finished;
  const done = new Promise((resolve) => { finished = resolve; });
  const server = net.createServer((client) => {
    server.close();
    const config = common.config();
    const upstream = net.connect(config.socketPath ? { path: config.socketPath } : { host: config.host, port: config.port });
    let pending = Buffer.alloc(0);
    let packets = 0;
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= HEADER_LENGTH && pending.length >= HEADER_LENGTH + pending.readUIntLE(0, 3)) {
        pending = pending.subarray(HEADER_LENGTH + pending.readUIntLE(0, 3));
        packets++;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      const last = turns[turns.length - 1];
      if (last && last.after === packets) last.chunks.push(chunk);
      else turns.push({ after: packets, chunks: [chunk] });
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('end', () => upstream.end());
    upstream.on('close', () => {
      client.destroy();
      finished(turns.map((turn) => ({ after: turn.after, hex: Buffer.concat(turn.chunks).toString('hex') })));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, done })));
}

function perform(connection, client) {
  return new Promise((resolve) => {
    const cb = (err) => resolve(err);
    if (client.op === 'connect') connection.connect(cb);
    else if (client.op === 'ping') connection.ping(cb);
    else if (client.op === 'statistics') connection.statistics(cb);
    else if (client.op === 'changeUser') connection.changeUser(client.changeUser, cb);
    else connection.query(client.sql, cb);
  });
}

async function capture(scenario) {
  const proxy = await recordingProxy();
  const connection = common.mysql.createConnection(Object.assign({}, common.config(), { host: '127.0.0.1', port: proxy.port },
    scenario.client.options));
  connection.on('error', () => {});
  const err = await perform(connection, scenario.client);
  connection.end(() => {});
  const turns = await proxy.done;
  const entry = { name: scenario.name, client: scenario.client, turns };
  fs.writeFileSync(path.join(CORPUS, scenario.name + '.json'), JSON.stringify(entry, null, 1) + '\n');
  console.log('%s: %d turns, %d bytes%s', scenario.name, turns.length,
    turns.reduce((n, t) => n + t.hex.length / 2, 0), err ? ' (' + err.code + ')' : '');
}

async function main() {
  const admin = common.createConnection({ charset: 'UTF8MB4_GENERAL_CI' });
  try {
    for (const sql of SETUP) await run(admin, sql);
    for (const scenario of SCENARIOS) await capture(scenario);
  } finally {
    for (const sql of TEARDOWN) await run(admin, sql).catch(() => {});
    admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
