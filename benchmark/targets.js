'use strict';

// The section of results.md that holds a run against the project's performance targets: for each workload,
// throughput at least 0.95× the best peer's and CPU per unit no more than the lowest peer's; on some, a margin over
// one peer; on workload 9, a bound on memory. Each line gives the paired ratio with its spread, and where a raw
// floor ran, the floor's own ratio to the same peer: a target above the floor cannot be met by any client.
const { pairedRatio } = require('./stats');

// Throughput margins over a named peer ('best': the peer with the highest median), by workload.
const MARGINS = [
  { workload: 3, peer: 'mysql', atLeast: 1.5 },
  { workload: 4, peer: 'mysql', atLeast: 1.5 },
  { workload: 8, peer: 'mysql', atLeast: 1.4 },
  { workload: 10, peer: 'best', atLeast: 2 },
];
const EVERY_WORKLOAD_THROUGHPUT = 0.95;
const EVERY_WORKLOAD_CPU = 1;
const MEMORY = { workload: 9, belowMb: 100 };

const byRate = (run) => run.rate;
const byCpu = (run) => run.cpuPerUnitNs;

function entryOf(table, workload, key) {
  const entry = table.get(workload.id + ':' + key);
  return entry && !entry.failed ? entry : null;
}

function peerBy(table, workload, peers, better) {
  return peers.map((key) => ({ key, entry: entryOf(table, workload, key) }))
    .filter((peer) => peer.entry !== null)
    .reduce((best, peer) => (best === null || better(peer.entry, best.entry) ? peer : best), null);
}

function times(value) {
  return Number.isFinite(value) ? value.toFixed(2) + '×' : '—';
}

// The ratio as "0.97× ±6%"; with a third decimal when two would round it onto the target it misses (0.946 for 0.95).
function measured({ ratio, spread }, target) {
  const shown = Number.isFinite(ratio) && ratio.toFixed(2) === target.toFixed(2) && ratio !== target
    ? ratio.toFixed(3) + '×' : times(ratio);
  return shown + (Number.isFinite(spread) ? ' ±' + Math.round(spread * 100) + '%' : '');
}

// Met, missed, or missed by less than the harness's own spread for that ratio.
function verdict({ ratio, spread }, reaches, floorRatio) {
  if (!Number.isFinite(ratio)) return 'not measured';
  if (reaches(ratio)) return 'met';
  const range = Number.isFinite(spread) ? spread : 0;
  let text = reaches(ratio * (1 + range)) || reaches(ratio * (1 - range)) ? 'missed, within the noise' : 'missed';
  if (Number.isFinite(floorRatio) && !reaches(floorRatio)) text += '; above the raw floor';
  return text;
}

function line(cells) {
  return '| ' + cells.join(' | ') + ' |';
}

// Ours over `peer` ({ key, entry }, or null when it did not run); `best`: the peer is the best of this run.
function throughputLine(table, workload, peer, atLeast, best) {
  const ours = entryOf(table, workload, 'ours');
  const floor = entryOf(table, workload, 'raw');
  const needed = '≥ ' + times(atLeast);
  const what = best ? 'throughput ÷ best peer' + (peer ? ' (' + peer.key + ')' : '') : 'throughput ÷ ' + peer.key;
  if (ours === null || peer === null || peer.entry === null) {
    return line([what, workload.id, needed, '—', '', 'not measured']);
  }
  const ratio = pairedRatio(ours.runs, peer.entry.runs, byRate);
  const floorRatio = floor ? pairedRatio(floor.runs, peer.entry.runs, byRate).ratio : NaN;
  return line([what, workload.id, needed, measured(ratio, atLeast), floor ? times(floorRatio) : '',
    verdict(ratio, (r) => r >= atLeast, floorRatio)]);
}

function cpuLine(table, workload, peers) {
  const ours = entryOf(table, workload, 'ours');
  const lowest = peerBy(table, workload, peers, (a, b) => a.cpu < b.cpu);
  const what = 'CPU per ' + workload.unit + ' ÷ lowest peer';
  const needed = '≤ ' + times(EVERY_WORKLOAD_CPU);
  if (ours === null || lowest === null) return line([what, workload.id, needed, '—', '', 'not measured']);
  const ratio = pairedRatio(ours.runs, lowest.entry.runs, byCpu);
  return line([what + ' (' + lowest.key + ')', workload.id, needed, measured(ratio, EVERY_WORKLOAD_CPU), '',
    verdict(ratio, (r) => r <= EVERY_WORKLOAD_CPU, NaN)]);
}

function memoryLine(table, workload) {
  const ours = entryOf(table, workload, 'ours');
  const cells = ['peak RSS', workload.id, '< ' + MEMORY.belowMb + ' MB'];
  if (ours === null) return line([...cells, '—', '', 'not measured']);
  return line([...cells, ours.rss.toFixed(0) + ' MB', '', ours.rss < MEMORY.belowMb ? 'met' : 'missed']);
}

/** The markdown lines of the targets table for the workloads of this run; `peers` are the keys of the peer drivers. */
function targetsTable(table, workloads, peers) {
  const best = (workload) => peerBy(table, workload, peers, (a, b) => a.rate > b.rate);
  const lines = [
    line(['target', '#', 'needed', 'mysql-ts', 'raw floor', 'verdict']),
    line(['---', '---:', '---:', '---:', '---:', '---']),
  ];
  for (const workload of workloads) {
    lines.push(throughputLine(table, workload, best(workload), EVERY_WORKLOAD_THROUGHPUT, true));
  }
  for (const workload of workloads) lines.push(cpuLine(table, workload, peers));
  for (const margin of MARGINS) {
    const workload = workloads.find((w) => w.id === margin.workload);
    if (!workload) continue;
    const isBest = margin.peer === 'best';
    const peer = isBest ? best(workload) : { key: margin.peer, entry: entryOf(table, workload, margin.peer) };
    lines.push(throughputLine(table, workload, peer, margin.atLeast, isBest));
  }
  const memoryWorkload = workloads.find((w) => w.id === MEMORY.workload);
  if (memoryWorkload) lines.push(memoryLine(table, memoryWorkload));
  return lines;
}

module.exports = { targetsTable };
