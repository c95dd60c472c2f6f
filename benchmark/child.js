'use strict';

// One driver on one workload, in a process of its own: connect, warm up, measure, report over IPC, exit.
// argv[2] is JSON { driver, workload, warmupMs, measureMs, server, replayPort, serverPids }, or with `ops` in place
// of the times, { ..., ops }: run exactly that many operations, for instructions.js, which counts what they cost.
// Without an IPC channel (under valgrind) the report is the last line on stdout.

const { performance } = require('perf_hooks');
const drivers = require('./drivers');
const workloads = require('./workloads');
const machine = require('./machine');

const CLOSE_TIMEOUT_MS = 2000;

const config = JSON.parse(process.argv[2]);

function send(message) {
  if (process.send) process.send(message, () => process.exit(0));
  else process.stdout.write(JSON.stringify(message) + '\n', () => process.exit(0));
}

function fail(err) {
  send({ ok: false, error: String((err && err.message) || err), code: err && err.code });
}

// Repeats op for at least durationMs and at least minOps times; cb(err, ops).
function repeat(workload, session, durationMs, minOps, cb) {
  const start = performance.now();
  let ops = 0;
  const next = (err) => {
    if (err) return cb(err);
    ops++;
    if (ops >= minOps && performance.now() - start >= durationMs) return cb(null, ops);
    workload.op(session, next);
  };
  workload.op(session, next);
}

// The host of a virtual machine takes its CPUs away now and then (steal time), for a few hundred milliseconds
// at a time, which stalls whichever driver is measuring. A window with more steal than this is measured again,
// in the same process, up to MAX_WINDOWS times; the window with the least steal is kept.
const STEAL_LIMIT = 0.05;
const MAX_WINDOWS = 3;

function measureWindow(workload, session, cb) {
  const before = machine.sample(config.serverPids);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  repeat(workload, session, config.measureMs, workload.minOps || 1, (err, ops) => {
    if (err) return cb(err);
    const elapsedMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const busy = machine.busyBetween(before, machine.sample(config.serverPids));
    const units = ops * workload.unitsPerOp;
    cb(null, {
      ok: true,
      units,
      elapsedMs,
      rate: units / (elapsedMs / 1000),
      cpuPerUnitNs: ((cpu.user + cpu.system) * 1000) / units,
      busy,
    });
  });
}

function measure(workload, session, cb) {
  repeat(workload, session, config.warmupMs, 1, (warmupErr) => {
    if (warmupErr) return cb(warmupErr);
    let best = null;
    let windows = 0;
    const next = () => measureWindow(workload, session, (err, result) => {
      if (err) return cb(err);
      windows++;
      if (best === null || result.busy.steal < best.busy.steal) best = result;
      if (best.busy.steal > STEAL_LIMIT && windows < MAX_WINDOWS) return next();
      cb(null, { ...best, windows });
    });
    next();
  });
}

// A fixed number of operations, one after another: nothing timed or sampled, so that two such runs differ only
// by the operations that one makes more.
function runOps(workload, session, cb) {
  let ops = 0;
  const next = (err) => {
    if (err) return cb(err);
    if (++ops >= config.ops) return cb(null, { ok: true, ops, units: ops * workload.unitsPerOp });
    workload.op(session, next);
  };
  if (config.ops > 0) workload.op(session, next);
  else cb(null, { ok: true, ops: 0, units: 0 });
}

function main() {
  process.on('uncaughtException', fail);
  const driver = drivers.load(config.driver);
  const workload = workloads.find((w) => w.id === config.workload);
  const ctx = { server: config.server, replayPort: config.replayPort };
  workload.open(driver, ctx, (openErr, session) => {
    if (openErr) return fail(openErr);
    (config.ops === undefined ? measure : runOps)(workload, session, (err, result) => {
      if (err) return fail(err);
      // A driver that never finishes closing must not hold the result back.
      const report = () => send({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 });
      const timer = setTimeout(report, CLOSE_TIMEOUT_MS);
      workload.close(session, () => {
        clearTimeout(timer);
        report();
      });
    });
  });
}

main();
