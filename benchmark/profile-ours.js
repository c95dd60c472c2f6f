'use strict';

// BENCH_PROFILE: after measuring, runs ours once more under `node --cpu-prof` on each workload where it
// trails a peer (on throughput or on CPU per unit), or on every workload with BENCH_PROFILE=all, and returns
// the markdown summary of where its CPU went.
const fs = require('fs');
const os = require('os');
const path = require('path');
const profile = require('./profile');
const report = require('./report');
const { DRIVERS } = require('./drivers');
const { runChild } = require('./processes');
const { payloadFor, describeRun } = require('./rounds');

const PROFILE_MEASURE_MS = 3000;
const PROFILE_INTERVAL_US = 200;
const PROFILE_TOP = 12;

function workloadsToProfile(mode, results, workloads) {
  if (mode === 'all') return workloads;
  const { table } = report.summarise(results, workloads, DRIVERS);
  return workloads.filter((workload) => {
    const ours = table.get(workload.id + ':ours');
    if (!ours || ours.failed) return false;
    return report.PEERS.some((key) => {
      const peer = table.get(workload.id + ':' + key);
      return peer && !peer.failed && (peer.rate > ours.rate || peer.cpu < ours.cpu);
    });
  });
}

async function profileOurs(ctx, results, workloads) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-ts-bench-profile-'));
  const ours = DRIVERS.find((d) => d.key === 'ours');
  const sections = [];
  for (const workload of workloadsToProfile(ctx.config.profile, results, workloads)) {
    const workloadDir = path.join(dir, 'workload-' + workload.id);
    const execArgv = ['--cpu-prof', '--cpu-prof-dir', workloadDir, '--cpu-prof-interval', String(PROFILE_INTERVAL_US)];
    const result = await runChild(payloadFor(ctx, workload, ours, PROFILE_MEASURE_MS), execArgv);
    process.stderr.write(`profile · ${workload.id} ${workload.title}: ${describeRun(result, workload)}\n`);
    const files = fs.existsSync(workloadDir) ? fs.readdirSync(workloadDir) : [];
    if (!result.ok || files.length === 0) continue;
    const file = path.join(workloadDir, files[0]);
    sections.push(profile.format(`${workload.id}. ${workload.title} (${file})`, profile.summarise(file, PROFILE_TOP)));
  }
  return sections.length ? '## CPU profiles of mysql-ts\n\n' + sections.join('\n') : '';
}

module.exports = profileOurs;
