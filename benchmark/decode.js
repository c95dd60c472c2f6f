'use strict';

// `npm run bench:decode`: the cost of decoding one result set, with no socket and no server in the way, to
// measure a change to the row path before and after. Each driver runs in a process of its own: it captures the
// server's bytes for workload 10's query once, then emits those bytes on its own socket again and again, as if
// they had just been read, and reports ns per row (wall clock and process CPU). Processes are interleaved over
// rounds, and the report gives each driver's median and its ratio to mysql-ts. Every driver listens to its
// socket's 'data' events, so the four are fed alike, the mariadb connector too, whose connection is private.
//
// Beside the drivers, the allocation floor (allocation-floor.js, key `floor`) builds rows from the same captured
// bytes with only the allocations their values need: a bound below which no driver can decode this result set,
// much closer than the raw floor of `npm run bench`, which decodes nothing.
//
// With a query that returns no rows (BENCH_DECODE_SQL='DO 1') the figures are per query: a round trip's
// JavaScript (building and sending the command, reading its reply, calling back) without the system calls.
//
// Wall-clock time moves by ±10% between processes on this machine, more than many a single change is worth.
// BENCH_DECODE_INSTRUCTIONS=1 counts instead the machine instructions each driver executes per row, under
// valgrind (cachegrind), with V8 single-threaded: two runs of different lengths, whose difference leaves out
// start-up and capture. Counts repeat within about 1%, so a change of a few percent shows.
// Knobs: BENCH_DECODE_ROUNDS (default 5), BENCH_DECODE_RESULTS (replies per process, default 300; 50 when
// counting instructions), BENCH_DECODE_SQL (the query whose reply is replayed, default workload 10's; any
// query on the bench_ tables, such as workload 4's `SELECT id, c FROM bench_char1000`, or none),
// BENCH_DRIVERS=ours,mysql2,floor and the MYSQL_* settings of config.js.

const { fork } = require('child_process');
const net = require('net');
const { load, number } = require('./config');
const setup = require('./setup');
const stats = require('./stats');
const valgrind = require('./valgrind');
const { REPLAY_SQL } = require('./tables');
const { DRIVERS, load: loadDriver } = require('./drivers');
const allocationFloor = require('./allocation-floor');

const config = load();

const CHUNK_BYTES = 65536; // what a socket read delivers at most
const SQL = process.env.BENCH_DECODE_SQL || REPLAY_SQL;
// Not a driver: the captured rows built by allocation-floor.js, for less than any driver can spend on them.
const FLOOR = 'floor';
const KEYS = [...DRIVERS.filter((driver) => !driver.floor).map((driver) => driver.key), FLOOR];
const LABELS = { ...Object.fromEntries(DRIVERS.map((driver) => [driver.key, driver.label])), [FLOOR]: 'allocation floor' };

// Every driver reads its socket through 'data' listeners, so bytes emitted there reach it as a socket read would,
// whatever it keeps private. The socket is the one it connects: net.Socket#connect is watched for it.
function watchSockets() {
  const sockets = [];
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function watchedConnect(...args) {
    sockets.push(this);
    return connect.apply(this, args);
  };
  return sockets;
}

// In the child: capture, then replay `results` replies and report per-row (or, without rows, per-query) costs.
function child(key, results) {
  const sockets = watchSockets();
  const fail = (err) => {
    report({ error: String(err && err.stack || err) });
    process.exit(1);
  };
  // The allocation floor reads the bytes that mysql-ts captures.
  loadDriver(key === FLOOR ? 'ours' : key).connect(config.server, (err, conn) => {
    if (err) return fail(err);
    const socket = sockets[sockets.length - 1];
    const received = [];
    const record = (chunk) => received.push(chunk);
    socket.prependListener('data', record);
    conn.query(SQL, undefined, (queryErr, captured) => {
      if (queryErr) return fail(queryErr);
      socket.removeListener('data', record);
      const bytes = Buffer.concat(received);
      const rows = Array.isArray(captured) ? captured.length : 0;
      if (key === FLOOR) {
        if (rows === 0) return fail(new Error('the allocation floor needs a query that returns rows'));
        return replayAllocationFloor(bytes, captured, results, fail);
      }
      const chunks = [];
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) chunks.push(bytes.subarray(at, at + CHUNK_BYTES));
      // From here the server is never written to again: each query's reply is the captured bytes.
      socket.write = () => true;
      replay(conn, (chunk) => socket.emit('data', chunk), chunks, rows, results, fail);
    });
  });
}

// Replies decoded before the clock starts, so the JIT has settled.
function warmupFor(results) {
  return Math.ceil(results / 5);
}

// Runs step(done) `results` times after the warm-up, a turn of the event loop apart, and reports the cost of the
// measured ones per row (per query when `rows` is 0).
function measure(rows, results, step) {
  let done = 0;
  let started = 0n;
  let cpuStart = null;
  const warmup = warmupFor(results);
  const next = () => {
    if (done === warmup) {
      started = process.hrtime.bigint();
      cpuStart = process.cpuUsage();
    }
    if (done === warmup + results) {
      const units = results * Math.max(rows, 1);
      const cpu = process.cpuUsage(cpuStart);
      report({
        rows,
        wallNs: Number(process.hrtime.bigint() - started) / units,
        cpuNs: ((cpu.user + cpu.system) * 1000) / units,
      });
      process.exit(0);
    }
    step(() => {
      done++;
      setImmediate(next);
    });
  };
  next();
}

function replay(conn, feed, chunks, count, results, fail) {
  measure(count, results, (stepDone) => {
    conn.query(SQL, undefined, (err, rows) => {
      if (err) return fail(err);
      const got = Array.isArray(rows) ? rows.length : 0;
      if (got !== count) return fail(new Error('expected ' + count + ' rows, got ' + got));
      stepDone();
    });
    // Not from inside the previous query's callback: that runs within the parser's own write().
    setImmediate(() => chunks.forEach(feed));
  });
}

// A row of the allocation floor against the driver's: the same columns, and values of the same types; the same
// strings too, which the floor takes from the bytes as they are.
function sameShape(floorRow, driverRow) {
  const keys = Object.keys(driverRow);
  if (Object.keys(floorRow).join() !== keys.join()) return false;
  return keys.every((key) => {
    const [floor, driver] = [floorRow[key], driverRow[key]];
    if (driver instanceof Date) return floor instanceof Date;
    if (typeof driver === 'string') return floor === driver;
    return typeof floor === typeof driver;
  });
}

// The captured reply built by the allocation floor instead, with the same rhythm; its rows checked once.
function replayAllocationFloor(bytes, captured, results, fail) {
  const misread = () => fail(new Error('the allocation floor misread the rows'));
  const columns = allocationFloor.columnsOf(bytes);
  const first = allocationFloor.decodeRows(bytes, columns);
  if (first.length !== captured.length || !first.every((row, i) => sameShape(row, captured[i]))) return misread();
  measure(captured.length, results, (stepDone) => {
    if (allocationFloor.decodeRows(bytes, columns).length !== captured.length) return misread();
    stepDone();
  });
}

// To the parent over IPC when forked; as a line on stdout under valgrind.
function report(message) {
  if (process.send) process.send(message);
  else process.stdout.write(JSON.stringify(message) + '\n');
}

function countInstructions(key, results) {
  return valgrind.countInstructions(__filename, [key, String(results)])
    .then(({ instructions, report: reported }) => ({ instructions, rows: reported.rows }));
}

// Instructions per row: the difference between a long and a short run, over the rows that separate them.
async function instructionsPerRow(key, results) {
  const short = Math.max(1, Math.floor(results / 5));
  const [few, many] = [await countInstructions(key, short), await countInstructions(key, results)];
  const decoded = (count) => count + warmupFor(count);
  const units = (decoded(results) - decoded(short)) * Math.max(many.rows, 1);
  return { rows: many.rows, perRow: (many.instructions - few.instructions) / units };
}

function runChild(key, results) {
  return new Promise((resolve, reject) => {
    const proc = fork(__filename, [key, String(results)]);
    proc.on('message', (message) => (message.error ? reject(new Error(key + ': ' + message.error)) : resolve(message)));
    proc.on('exit', (code) => code && reject(new Error(key + ' exited with ' + code)));
  });
}

// A reply without rows (`DO 1`) is counted per query: then the figures are a round trip's JavaScript.
function unitOf(rows) {
  return rows > 0 ? 'row' : 'query';
}

function whatWasReplayed(rows, results) {
  return rows > 0 ? `Decoding ${rows} rows of \`${SQL}\` in process, ${results} result sets per process`
    : `The round trip of \`${SQL}\` in process, its reply emitted on the driver's socket, ${results} per process`;
}

// "1.08×": a driver's figure over mysql-ts's, when mysql-ts was measured.
function ratioToOurs(values, key) {
  return values.ours ? (values[key] / values.ours).toFixed(2) + '×' : '';
}

async function timeTable(keys, results, rounds) {
  const samples = Object.fromEntries(keys.map((key) => [key, []]));
  for (let round = 0; round < rounds; round++) {
    for (const key of keys) samples[key].push(await runChild(key, results));
    process.stderr.write(`round ${round + 1}/${rounds} done\n`);
  }
  const median = (field) => Object.fromEntries(keys.map((key) => [key, stats.median(samples[key].map((s) => s[field]))]));
  const wall = median('wallNs');
  const cpu = median('cpuNs');
  const { rows } = samples[keys[0]][0];
  const unit = unitOf(rows);
  return [
    `${whatWasReplayed(rows, results)}, median of ${rounds}:`,
    '',
    `| driver | ns per ${unit} (wall) | ns per ${unit} (CPU) | CPU ÷ mysql-ts |`,
    '| --- | ---: | ---: | ---: |',
    ...keys.map((key) => `| ${LABELS[key]} | ${wall[key].toFixed(0)} | ${cpu[key].toFixed(0)} | ${ratioToOurs(cpu, key)} |`),
  ];
}

async function instructionTable(keys, results) {
  const counts = {};
  let rows = 0;
  for (const key of keys) {
    const counted = await instructionsPerRow(key, results);
    counts[key] = counted.perRow;
    rows = counted.rows;
    process.stderr.write(`${key} counted\n`);
  }
  return [
    `${whatWasReplayed(rows, results)}, machine instructions (valgrind):`,
    '',
    `| driver | instructions per ${unitOf(rows)} | ÷ mysql-ts |`,
    '| --- | ---: | ---: |',
    ...keys.map((key) => `| ${LABELS[key]} | ${counts[key].toFixed(0)} | ${ratioToOurs(counts, key)} |`),
  ];
}

async function main() {
  // The allocation floor by default only with workload 10's query: another may return no rows.
  const defaults = process.env.BENCH_DECODE_SQL ? KEYS.filter((key) => key !== FLOOR) : KEYS;
  const keys = (config.drivers || defaults).filter((key) => KEYS.includes(key));
  const countInstructions = process.env.BENCH_DECODE_INSTRUCTIONS === '1';
  const results = number('BENCH_DECODE_RESULTS', countInstructions ? 50 : 300);
  await setup.create(config.server);
  let lines;
  try {
    lines = countInstructions ? await instructionTable(keys, results)
      : await timeTable(keys, results, number('BENCH_DECODE_ROUNDS', 5));
  } finally {
    await setup.drop(config.server);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module && process.argv.length > 2) {
  child(process.argv[2], Number(process.argv[3]));
} else if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(err.stack + '\n');
    process.exit(1);
  });
}
