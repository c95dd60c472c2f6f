'use strict';

// `npm run bench:instructions`: the machine instructions each driver's process executes per query or row on every
// workload of `npm run bench`, counted under valgrind (valgrind.js). CPU time on this virtual machine moves by
// 10-50% between runs; an instruction count repeats within a few percent whatever else the machine does, so it
// settles comparisons of client cost that the noise of `npm run bench` leaves open. It leaves out the kernel's
// time (system calls, copying from the socket), which the CPU column of `npm run bench` includes.
//
// Each driver × workload runs twice, as child.js in op-count mode: `warmup` operations, then the same plus `ops`
// more. The difference between the two counts is the cost of those `ops` operations alone, with start-up,
// connecting and the JIT's warm-up left out. Two processes run at a time: the count does not depend on timing.
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

// Operations per workload: enough warm-up for V8 to have optimised the hot path, and enough measured operations
// for a stable difference, at valgrind's pace (about 30 times slower than native).
const OPS = {
  1: { warmup: 3000, ops: 3000 },
  2: { warmup: 3000, ops: 3000 },
  3: { warmup: 50, ops: 50 }, // 100 queries each
  4: { warmup: 300, ops: 300 }, // 1000 rows each
  5: { warmup: 1000, ops: 1000 },
  6: { warmup: 2000, ops: 2000 },
  7: { warmup: 10, ops: 10 }, // 1000 queries each
  8: { warmup: 3, ops: 2 }, // 100k rows each
  9: { warmup: 3, ops: 2 },
  10: { warmup: 20, ops: 20 }, // 10k rows each
};

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

/** Instructions per query or row of one driver on one workload, or an Error. */
async function perUnit(workload, driver, replayPort) {
  const { warmup, ops } = OPS[workload.id];
  try {
    const [few, many] = [await countRun(workload, driver, warmup, replayPort), await countRun(workload, driver, warmup + ops, replayPort)];
    return (many - few) / (ops * workload.unitsPerOp);
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
  return value instanceof Error ? 'failed' : Math.round(value).toLocaleString('en-US');
}

function lowestPeer(counts) {
  const values = PEERS.map((key) => counts.get(key)).filter((value) => typeof value === 'number');
  return values.length ? Math.min(...values) : NaN;
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
      ' run of its warm-up operations and a run of those plus the measured ones, the difference divided by the' +
      ' measured queries or rows. Same workloads and settings as `npm run bench`.',
    '',
    '| ' + [...header, 'ours ÷ lowest peer'].join(' | ') + ' |',
    '| ' + header.map((_, i) => (i === 1 ? '---' : '---:')).concat('---:').join(' | ') + ' |',
  ];
  for (const workload of workloads) {
    const byDriver = counts.get(workload.id);
    const cells = drivers.map((d) => (byDriver.has(d.key) ? formatCount(byDriver.get(d.key)) : ''));
    const ours = byDriver.get('ours');
    const ratio = typeof ours === 'number' ? ours / lowestPeer(byDriver) : NaN;
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
  const serverVersion = await new Promise((resolve, reject) =>
    setup.create(config.server, (err, version) => (err ? reject(err) : resolve(version))));
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
    await new Promise((resolve) => setup.drop(config.server, () => resolve()));
  }
}

main().catch((err) => {
  log(err.stack || String(err));
  processes.stopAll();
  process.exitCode = 1;
});
