'use strict';

// The measuring schedule: every selected driver on every selected workload, one process each, round after
// round with the driver order rotated, so that slow drifts of the machine hit every driver alike.
const { DRIVERS } = require('./drivers');
const { PER_SECOND } = require('./report');
const { runChild } = require('./processes');
const { warmupMsFor } = require('./config');

// A run during which other processes used more than this share of all CPUs is run again, after a pause,
// while the retry budget lasts; the cleaner of the runs is kept.
const CONTAMINATED = 0.25;
const MAX_RETRIES = 2;
const RETRY_PAUSE_MS = 1000;

function log(text) {
  process.stderr.write(text + '\n');
}

function driversFor(config, workload) {
  return DRIVERS.filter((d) => (!config.drivers || config.drivers.includes(d.key)) && (!d.floor || workload.floor));
}

function rotate(list, by) {
  const shift = by % list.length;
  return list.slice(shift).concat(list.slice(0, shift));
}

function describeRun(result, workload) {
  if (!result.ok) return 'error: ' + result.error;
  const ns = result.cpuPerUnitNs;
  const perUnit = workload.unit === 'query' ? (ns / 1000).toFixed(1) + ' µs' : ns.toFixed(0) + ' ns';
  return `${Math.round(result.rate)} ${PER_SECOND[workload.unit]}, ${perUnit} CPU/${workload.unit},` +
    ` ${result.maxRssMb.toFixed(0)} MB`;
}

// ctx: { config, serverPids, replay }
function payloadFor(ctx, workload, driver, measureMs) {
  return {
    driver: driver.key,
    workload: workload.id,
    warmupMs: warmupMsFor(ctx.config, workload),
    measureMs,
    server: ctx.config.server,
    replayPort: ctx.replay ? ctx.replay.port : 0,
    serverPids: workload.replay ? [ctx.replay.child.pid] : ctx.serverPids,
  };
}

function contaminated(result) {
  return result.ok && result.busy.other > CONTAMINATED;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function runWithRetries(payload, retries) {
  let result = await runChild(payload);
  for (let attempt = 0; attempt < MAX_RETRIES && contaminated(result) && retries.spentMs < retries.budgetMs; attempt++) {
    const started = Date.now();
    retries.count++;
    await sleep(RETRY_PAUSE_MS);
    const again = await runChild(payload);
    if (again.ok && again.busy.other < result.busy.other) result = again;
    retries.spentMs += Date.now() - started;
  }
  if (contaminated(result)) retries.kept++;
  return result;
}

// Resolves with { results: Map('<workload id>:<driver key>' -> runs), retries }.
async function measureAll(ctx, workloads) {
  const { config } = ctx;
  const retries = { count: 0, kept: 0, threshold: CONTAMINATED, spentMs: 0, budgetMs: config.retryBudgetS * 1000 };
  const results = new Map();
  for (let round = 0; round < config.rounds; round++) {
    for (const workload of workloads) {
      for (const driver of rotate(driversFor(config, workload), round)) {
        const result = await runWithRetries(payloadFor(ctx, workload, driver, config.measureMs), retries);
        const key = workload.id + ':' + driver.key;
        results.set(key, (results.get(key) || []).concat(result));
        log(`round ${round + 1}/${config.rounds} · ${workload.id} ${workload.title} · ${driver.label}: ` +
          describeRun(result, workload));
      }
    }
  }
  return { results, retries };
}

module.exports = { measureAll, payloadFor, describeRun };
