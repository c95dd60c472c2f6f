'use strict';

// Turns the runs of a benchmark into the markdown of results.md.
const { median, spread, pairedRatio } = require('./stats');
const { targetsTable } = require('./targets');
const { warmupMsFor } = require('./config');

const PEERS = ['mysql', 'mysql2', 'mariadb'];
const PER_SECOND = { query: 'queries/s', row: 'rows/s' };

function okRuns(runs) {
  return (runs || []).filter((run) => run.ok);
}

function rate(value) {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1e6) return (value / 1e6).toFixed(2) + 'M';
  if (value >= 1e3) return (value / 1e3).toFixed(1) + 'k';
  return value.toFixed(0);
}

function percent(share) {
  return Number.isFinite(share) ? Math.round(share * 100) + '%' : '—';
}

function cpu(ns, unit) {
  if (!Number.isFinite(ns)) return '—';
  return unit === 'query' ? (ns / 1000).toFixed(1) + ' µs' : ns.toFixed(0) + ' ns';
}

// Ours against a peer, paired round by round, with the spread of those per-round ratios.
function pairedCell(ours, peer, value) {
  if (!ours || !peer) return '—';
  const { ratio, spread: range } = pairedRatio(ours.runs, peer.runs, value);
  if (!Number.isFinite(ratio)) return '—';
  return ratio.toFixed(2) + '×' + (Number.isFinite(range) ? ' ±' + percent(range) : '');
}

function row(cells) {
  return '| ' + cells.join(' | ') + ' |';
}

// Per workload and driver: medians over the rounds that succeeded, and the errors of those that did not.
function summarise(results, workloads, drivers) {
  const errors = [];
  const table = new Map();
  for (const workload of workloads) {
    for (const driver of drivers) {
      const runs = results.get(workload.id + ':' + driver.key);
      if (!runs) continue;
      const good = okRuns(runs);
      runs.filter((run) => !run.ok).forEach((run) => {
        const text = `${driver.label} on ${workload.id}: ${run.error}`;
        if (!errors.includes(text)) errors.push(text);
      });
      table.set(workload.id + ':' + driver.key, {
        failed: good.length === 0,
        rate: median(good.map((run) => run.rate)),
        spread: spread(good.map((run) => run.rate)),
        cpu: median(good.map((run) => run.cpuPerUnitNs)),
        cores: median(good.map((run) => (run.cpuPerUnitNs * run.rate) / 1e9)),
        rss: good.length ? Math.max(...good.map((run) => run.maxRssMb)) : NaN,
        busy: good.map((run) => run.busy),
        runs,
      });
    }
  }
  return { table, errors };
}

function cell(table, workload, driver, show) {
  const entry = table.get(workload.id + ':' + driver.key);
  if (!entry) return '';
  return entry.failed ? 'error' : show(entry);
}

function throughputTable(table, workloads, drivers) {
  const peers = drivers.filter((driver) => PEERS.includes(driver.key));
  const lines = [
    row(['#', 'workload', 'unit', ...drivers.map((d) => d.label), ...peers.map((d) => 'ours ÷ ' + d.label), 'busy (other)']),
    row(['---:', '---', '---', ...drivers.map(() => '---:'), ...peers.map(() => '---:'), '---:']),
  ];
  for (const workload of workloads) {
    const ours = table.get(workload.id + ':ours');
    const busy = drivers.flatMap((d) => (table.get(workload.id + ':' + d.key) || { busy: [] }).busy);
    lines.push(row([
      workload.id,
      workload.title,
      PER_SECOND[workload.unit],
      ...drivers.map((d) => cell(table, workload, d, (e) => rate(e.rate) + (Number.isFinite(e.spread) ? ' ±' + percent(e.spread) : ''))),
      ...peers.map((d) => pairedCell(ours, table.get(workload.id + ':' + d.key), (run) => run.rate)),
      percent(median(busy.map((b) => b.busy))) + ' (' + percent(median(busy.map((b) => b.other))) + ')',
    ]));
  }
  return lines;
}

function cpuTable(table, workloads, drivers) {
  const lines = [
    row(['#', 'workload', 'per', ...drivers.map((d) => d.label), 'ours ÷ lowest peer']),
    row(['---:', '---', '---', ...drivers.map(() => '---:'), '---:']),
  ];
  for (const workload of workloads) {
    const ours = table.get(workload.id + ':ours');
    const lowest = PEERS.map((key) => table.get(workload.id + ':' + key))
      .filter((entry) => entry && !entry.failed)
      .reduce((best, entry) => (best && best.cpu <= entry.cpu ? best : entry), null);
    lines.push(row([
      workload.id,
      workload.title,
      workload.unit,
      ...drivers.map((d) => cell(table, workload, d, (e) => cpu(e.cpu, workload.unit))),
      pairedCell(ours, lowest, (run) => run.cpuPerUnitNs),
    ]));
  }
  return lines;
}

// CPU time over wall time: above 1.00 the driver's process ran on more than one core (V8's compiler and GC
// threads), which also keeps a second CPU from going idle between round trips.
function coresTable(table, workloads, drivers) {
  const lines = [
    row(['#', 'workload', ...drivers.map((d) => d.label)]),
    row(['---:', '---', ...drivers.map(() => '---:')]),
  ];
  for (const workload of workloads) {
    lines.push(row([workload.id, workload.title,
      ...drivers.map((d) => cell(table, workload, d, (e) => (Number.isFinite(e.cores) ? e.cores.toFixed(2) : '—')))]));
  }
  return lines;
}

function rssTable(table, workloads, drivers) {
  const lines = [
    row(['#', 'workload', ...drivers.map((d) => d.label)]),
    row(['---:', '---', ...drivers.map(() => '---:')]),
  ];
  for (const workload of workloads) {
    lines.push(row([workload.id, workload.title, ...drivers.map((d) => cell(table, workload, d, (e) => e.rss.toFixed(0)))]));
  }
  return lines;
}

function extraWindows(results) {
  return [...results.values()].flat().reduce((sum, result) => sum + Math.max(0, (result.windows || 1) - 1), 0);
}

// "(workload 5: 10000 ms warm-up; workload 9: at least 6 operations)" for the workloads that differ.
function workloadNotes(workloads, run) {
  const listed = workloads.flatMap((w) => {
    const warmupMs = warmupMsFor(run, w);
    return [
      ...(warmupMs !== run.warmupMs ? [`workload ${w.id}: ${warmupMs} ms warm-up`] : []),
      ...(w.minOps > 1 ? [`workload ${w.id}: at least ${w.minOps} operations`] : []),
    ];
  });
  return listed.length ? ' (' + listed.join('; ') + ')' : '';
}

function build(run) {
  const { machine, drivers, workloads } = run;
  const { table, errors } = summarise(run.results, workloads, drivers);
  const allBusy = [...table.values()].flatMap((entry) => entry.busy);
  const peerList = drivers.filter((d) => !d.floor).map((d) => d.label + ' ' + d.version).join(', ');
  const lines = [
    '# Benchmark results',
    '',
    `- **Date**: ${run.date.toISOString().replace('T', ' ').slice(0, 16)} UTC; the whole run took ${run.seconds.toFixed(0)} s`,
    `- **Machine**: ${machine.cpuModel}, nproc ${machine.nproc}, ${machine.memoryGb.toFixed(1)} GB RAM, ${machine.kernel}`,
    `- **Node** ${machine.node}; **server** ${run.serverVersion} at ${run.server.host}:${run.server.port}`,
    `- **Drivers**: ${peerList} (mariadb through \`mariadb/callback\`, mysql2 through its callback API);` +
      ' raw floor = `benchmark/raw-client.js`, which frames packets and decodes nothing',
    `- **Method**: every driver × workload in its own process; ${run.rounds} round(s), the driver order rotated` +
      ` each round; per process ${run.warmupMs} ms warm-up, then ${run.measureMs} ms measured${workloadNotes(workloads, run)}.` +
      ' Cells are medians over the rounds; ± is half the range across rounds (the harness noise). A ratio is the median of the' +
      " per-round ratios, each of ours against the peer's run of the same round, so that the machine's drift" +
      ' between rounds cancels out; its ± is half their range. Every driver runs with' +
      ' `trace: false` (no stack captured per query, as mariadb and mysql2 do by default) and the connection' +
      ' character set utf8mb4_general_ci, the tables\' own (mysqljs\'s default would be utf8mb3). In workload 7' +
      " mysql-ts's pool has `minDelayValidation: 500`, the mariadb pool's default: no ping for a connection" +
      ' reused within 500 ms (mysql pings on every reuse; mysql2 never pings).',
    `- **Load**: loadavg ${run.loadStart} before, ${run.loadEnd} after. While measuring, the machine was` +
      ` ${percent(median(allBusy.map((b) => b.busy)))} busy (median share of all ${machine.nproc} CPUs): the` +
      ` driver ${percent(median(allBusy.map((b) => b.client)))}, the server` +
      ` ${percent(median(allBusy.map((b) => b.server)))}, everything else` +
      ` ${percent(median(allBusy.map((b) => b.other)))} (max ${percent(Math.max(...allBusy.map((b) => b.other)))}),` +
      ` of which steal by the host ${percent(median(allBusy.map((b) => b.steal)))}` +
      ` (max ${percent(Math.max(...allBusy.map((b) => b.steal)))}).` +
      ` ${extraWindows(run.results)} measuring window(s) were taken again because the host stole more than 5%` +
      ' of the CPUs during them (a process keeps its window with the least steal, of up to 3).' +
      ` ${run.retries.count} process(es) were run again because other load passed` +
      ` ${percent(run.retries.threshold)} of the CPUs; ${run.retries.kept} kept runs are still above it.`,
    '',
    '## Throughput',
    '',
    ...throughputTable(table, workloads, drivers),
    '',
    'busy (other): share of all CPUs in use while measuring, and the part used by neither the driver nor the',
    'server (for workload 10 the "server" is the replay process).',
    '',
    '## Client CPU per query or per row',
    '',
    'User + system CPU of the driver\'s process (`process.cpuUsage()`) while measuring, divided by queries or rows.',
    'The last column pairs ours, round by round, with the peer of the lowest median.',
    '',
    ...cpuTable(table, workloads, drivers),
    '',
    '## Against the targets',
    '',
    'Each target as a paired ratio (± half the range of the per-round ratios). "Within the noise": the target lies',
    'within that ±. "Above the raw floor": the raw client, which decodes nothing, did not reach it either.',
    '',
    ...targetsTable(table, workloads, PEERS.filter((key) => drivers.some((d) => d.key === key))),
    '',
    '## CPU cores in use by the driver',
    '',
    'The driver\'s CPU time over the wall-clock time measured: 1.00 is one core kept busy.',
    '',
    ...coresTable(table, workloads, drivers),
    '',
    '## Peak RSS (MB)',
    '',
    'Highest `maxRSS` of the driver\'s process over the rounds; it includes Node itself (about 40 MB).',
    '',
    ...rssTable(table, workloads, drivers),
    '',
  ];
  if (errors.length) lines.push('## Errors', '', ...errors.map((text) => '- ' + text), '');
  return lines.join('\n');
}

module.exports = { build, summarise, PEERS, PER_SECOND };
