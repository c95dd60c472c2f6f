'use strict';

// `npm run bench`: sets up the bench_ tables and the replay server, runs every driver on every workload in a
// process of its own, interleaved over rounds, and prints the markdown report (also written to results.md on
// a full run). Progress goes to stderr, the report to stdout. Knobs: see config.js.

const fs = require('fs');
const path = require('path');
const config = require('./config').load();
const setup = require('./setup');
const machine = require('./machine');
const report = require('./report');
const tables = require('./tables');
const processes = require('./processes');
const profileOurs = require('./profile-ours');
const { measureAll } = require('./rounds');
const { DRIVERS } = require('./drivers');
const WORKLOADS = require('./workloads');

function log(text) {
  process.stderr.write(text + '\n');
}

async function main() {
  const started = new Date();
  const loadStart = machine.loadAverage();
  const workloads = WORKLOADS.filter((w) => !config.only || config.only.includes(w.id));
  log(`setting up bench_ tables in ${config.server.database} on ${config.server.host}:${config.server.port}`);
  const serverVersion = await setup.create(config.server);
  const ctx = { config, serverPids: machine.findServerPids(), replay: null };
  try {
    if (workloads.some((w) => w.replay)) {
      ctx.replay = await processes.startReplay(config.server, tables.REPLAY_SQL);
      log(`replay server on port ${ctx.replay.port}: ${ctx.replay.rows} rows, ${ctx.replay.bytes} bytes per result`);
    }
    const { results, retries } = await measureAll(ctx, workloads);
    const markdown = report.build({
      date: started,
      seconds: (Date.now() - started.getTime()) / 1000,
      machine: machine.describe(),
      serverVersion,
      server: config.server,
      drivers: DRIVERS.filter((d) => !config.drivers || config.drivers.includes(d.key)),
      workloads,
      rounds: config.rounds,
      quick: config.quick,
      warmupMs: config.warmupMs,
      measureMs: config.measureMs,
      loadStart,
      loadEnd: machine.loadAverage(),
      results,
      retries,
    });
    process.stdout.write(markdown + '\n');
    if (config.out) {
      fs.writeFileSync(config.out, markdown);
      log('written to ' + path.relative(process.cwd(), config.out));
    }
    if (config.profile) process.stdout.write(await profileOurs(ctx, results, workloads) + '\n');
  } finally {
    processes.stopAll();
    await setup.drop(config.server);
  }
}

['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => {
  processes.stopAll();
  setup.drop(config.server).then(() => process.exit(130));
}));

main().catch((err) => {
  log(err.stack || String(err));
  processes.stopAll();
  setup.drop(config.server).then(() => process.exit(1));
});
