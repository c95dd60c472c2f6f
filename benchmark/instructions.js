'use strict';

// `npm run bench:instructions`: the machine instructions each driver's process executes per query or row on every
// workload of `npm run bench`, counted under valgrind (valgrind.js). CPU time on this virtual machine moves by
// 10-50% between runs; most instruction counts repeat within a few percent whatever else the machine does, so they
// show differences of client cost that the noise of `npm run bench` hides. They leave out the kernel's time (system
// calls, copying from the socket), which the CPU column of `npm run bench` includes, and an instruction is not a
// unit of time: code that waits on memory runs fewer of them per nanosecond.
//
// Each driver × workload runs three times, as child.js in op-count mode: `warmup` operations, then `ops` more, then
// `ops` more again. The difference between two runs is the cost of the operations one makes more, with start-up,
// connecting and the JIT's warm-up left out; the two differences agree once V8 has stopped compiling, and ± is
// half their gap. Where they differ by more than SETTLED, the warm-up was too short: it is doubled and the driver
// counted again, up to MAX_RETRIES times. Two processes run at a time: a count depends on timing only through
// how the replies arrive (in how many reads) and when V8 collects garbage, which is what ± shows.
// Knobs: BENCH_ONLY, BENCH_DRIVERS and the MYSQL_* settings, as for `npm run bench`; a full run writes
// benchmark/instructions.md.

const fs = require('fs');
const path = require('path');
const config = require('./config').load();
const setup = require('./setup');
const machine = require('./machine');
const processes = require('./processes');
const tables = require('./tables');
const valgrind = require('./valgrind');
const { PEERS } = require('./report');
const { DRIVERS } = require('./drivers');
const WORKLOADS = require('./workloads');

const CHILD = path.join(__dirname, 'child.js');
const PARALLEL = 2;
const OUT = path.join(__dirname, 'instructions.md');

// Operations per workload: a warm-up long enough for V8 to have compiled the hot path (under valgrind, with V8
// single-threaded, TurboFan compiles on the counted thread, and later than at native speed), and enough measured
// operations for a stable difference.
const OPS = {
  1: { warmup: 10000, ops: 3000 },
  2: { warmup: 10000, ops: 3000 },
  3: { warmup: 200, ops: 50 }, // 100 queries each
  4: { warmup: 1000, ops: 300 }, // 1000 rows each
  5: { warmup: 3000, ops: 1000 },
  6: { warmup: 5000, ops: 2000 },
  7: { warmup: 30, ops: 10 }, // 1000 queries each
  8: { warmup: 4, ops: 2 }, // 100k rows each
  9: { warmup: 4, ops: 2 },
  10: { warmup: 60, ops: 20 }, // 10k rows each
};
const SETTLED = 0.05;
const MAX_RETRIES = 2;

function log(text) {
  process.stderr.write(text + '\n');
}

function payload(workload, driver, ops, replayPort) {
  return JSON.stringify({ driver: driver.key, workload: workload.id, ops, server: config.server, replayPort, serverPids: [] });
}

async function countRun(workload, driver, ops, replayPort) {
  const { instructions, report } = await valgrind.countInstructions(CHILD, [payload(workload, driver, ops, replayPort)]);
  if (!report.ok) throw new Error(report.error);
  return instructions;
}

/** { perUnit, spread }: instructions per query or row of one driver on one workload, or an Error. */
async function perUnit(workload, driver, replayPort) {
  const { ops } = OPS[workload.id];
  let warmup = OPS[workload.id].warmup;
  try {
    for (let attempt = 0; ; attempt++) {
      const counts = [];
      for (const total of [warmup, warmup + ops, warmup + 2 * ops]) counts.push(await countRun(workload, driver, total, replayPort));
      const first = counts[1] - counts[0];
      const second = counts[2] - counts[1];
      const spread = Math.abs(second - first) / (2 * second);
      if (spread <= SETTLED || attempt === MAX_RETRIES) return { perUnit: second / (ops * workload.unitsPerOp), spread };
      log(`${workload.id} · ${driver.label}: not settled after ${warmup} operations (±${(spread * 100).toFixed(0)}%), warming up longer`);
      warmup *= 2;
    }
  } catch (err) {
    return err;
  }
}

/** Runs every job, at most PARALLEL at a time. */
async function runJobs(jobs) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

function formatCount(value) {
  if (value instanceof Error) return 'failed';
  return Math.round(value.perUnit).toLocaleString('en-US') + ' ±' + (value.spread * 100).toFixed(0) + '%';
}

function lowestPeer(counts) {
  const values = PEERS.map((key) => counts.get(key)).filter((value) => !(value instanceof Error) && value !== undefined);
  return values.length ? Math.min(...values.map((value) => value.perUnit)) : NaN;
}

function build(run) {
  const { drivers, workloads, counts } = run;
  const header = ['#', 'workload', 'per', ...drivers.map((d) => d.label)];
  const lines = [
    '# Instructions per query or row',
    '',
    `- **Date**: ${run.date.toISOString().replace('T', ' ').slice(0, 16)} UTC; the whole run took ${run.seconds.toFixed(0)} s`,
    `- **Machine**: ${run.machine.cpuModel}, nproc ${run.machine.nproc}; **Node** ${run.machine.node};` +
      ` **server** ${run.serverVersion}`,
    '- **Method**: `npm run bench:instructions`. Machine instructions of the driver\'s process (user space: the' +
      ' kernel\'s share of each system call is not counted), under valgrind with V8 single-threaded; per workload a' +
      ' run of its warm-up operations and two runs of those plus one and two times the measured ones: the last' +
      ' difference over the measured queries or rows, ± half the gap between the two differences. Same workloads' +
      ' and settings as `npm run bench`.',
    '',
    '| ' + [...header, 'ours ÷ lowest peer'].join(' | ') + ' |',
    '| ' + header.map((_, i) => (i === 1 ? '---' : '---:')).concat('---:').join(' | ') + ' |',
  ];
  for (const workload of workloads) {
    const byDriver = counts.get(workload.id);
    const cells = drivers.map((d) => (byDriver.has(d.key) ? formatCount(byDriver.get(d.key)) : ''));
    const ours = byDriver.get('ours');
    const ratio = ours && !(ours instanceof Error) ? ours.perUnit / lowestPeer(byDriver) : NaN;
    const ratioCell = Number.isFinite(ratio) ? ratio.toFixed(2) + '×' : '—';
    const errors = [...byDriver].filter(([, value]) => value instanceof Error);
    errors.forEach(([key, err]) => log(`workload ${workload.id}, ${key}: ${err.message}`));
    lines.push('| ' + [workload.id, workload.title, workload.unit, ...cells, ratioCell].join(' | ') + ' |');
  }
  lines.push('');
  return lines.join('\n');
}

async function main() {
  const started = new Date();
  const workloads = WORKLOADS.filter((w) => !config.only || config.only.includes(w.id));
  const drivers = DRIVERS.filter((d) => !config.drivers || config.drivers.includes(d.key));
  const serverVersion = await setup.create(config.server);
  const counts = new Map(workloads.map((w) => [w.id, new Map()]));
  try {
    const replay = workloads.some((w) => w.replay) ? await processes.startReplay(config.server, tables.REPLAY_SQL) : null;
    const jobs = [];
    for (const workload of workloads) {
      for (const driver of drivers) {
        if (driver.floor && !workload.floor) continue;
        jobs.push(async () => {
          const value = await perUnit(workload, driver, replay ? replay.port : 0);
          counts.get(workload.id).set(driver.key, value);
          log(`${workload.id} ${workload.title} · ${driver.label}: ${formatCount(value)} instructions per ${workload.unit}`);
        });
      }
    }
    await runJobs(jobs);
    const visible = drivers.filter((d) => workloads.some((w) => counts.get(w.id).has(d.key)));
    const markdown = build({ date: started, seconds: (Date.now() - started.getTime()) / 1000, machine: machine.describe(),
      serverVersion, drivers: visible, workloads, counts });
    process.stdout.write(markdown + '\n');
    if (!config.only && !config.drivers) {
      fs.writeFileSync(OUT, markdown);
      log('written to ' + path.relative(process.cwd(), OUT));
    }
  } finally {
    processes.stopAll();
    await setup.drop(config.server);
  }
}

main().catch((err) => {
  log(err.stack || String(err));
  processes.stopAll();
  process.exitCode = 1;
});
