'use strict';

// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time per function, so a report can list where
// ours spends its time: its own lib/ functions first, then the rest by category.
const fs = require('fs');
const path = require('path');

const LIB_DIR = path.resolve(__dirname, '..', 'lib') + path.sep;

function category(url, functionName) {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'gc';
  if (url.includes(LIB_DIR)) return 'lib';
  if (url.startsWith('node:')) return 'node';
  if (url.includes(path.sep + 'benchmark' + path.sep)) return 'harness';
  if (url === '') return 'native';
  return 'other';
}

function summarise(file, top) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) || 0) + profile.timeDeltas[i]));
  const functions = new Map();
  const categories = {};
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byNode.get(id).callFrame;
    const name = functionName || '(anonymous)';
    const kind = category(url, name);
    categories[kind] = (categories[kind] || 0) + us;
    if (kind === 'idle') continue;
    busyUs += us;
    const where = url ? url.replace('file://', '').replace(LIB_DIR, 'lib/') + ':' + (lineNumber + 1) : '';
    const key = name + ' ' + where;
    const entry = functions.get(key) || { name, where, kind, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const sorted = [...functions.values()].sort((a, b) => b.us - a.us);
  return {
    busyMs: busyUs / 1000,
    categories: Object.fromEntries(Object.entries(categories).map(([kind, us]) => [kind, us / Math.max(busyUs, 1)])),
    lib: sorted.filter((entry) => entry.kind === 'lib').slice(0, top).map((entry) => ({ ...entry, share: entry.us / busyUs })),
    overall: sorted.slice(0, top).map((entry) => ({ ...entry, share: entry.us / busyUs })),
  };
}

function percent(share) {
  return (share * 100).toFixed(1) + '%';
}

function format(title, summary) {
  const c = summary.categories;
  const lines = [
    '#### ' + title,
    '',
    `${summary.busyMs.toFixed(0)} ms of CPU sampled: lib/ ${percent(c.lib || 0)}, node internals ${percent(c.node || 0)},` +
      ` native/VM ${percent((c.native || 0))}, GC ${percent(c.gc || 0)}, harness ${percent(c.harness || 0)}` +
      `, other ${percent(c.other || 0)}`,
    '',
    '| self | function (lib/) | where |',
    '|---:|---|---|',
    ...summary.lib.map((entry) => `| ${percent(entry.share)} | ${entry.name} | ${entry.where} |`),
    '',
    '| self | function (everything) | where |',
    '|---:|---|---|',
    ...summary.overall.map((entry) => `| ${percent(entry.share)} | ${entry.name} | ${entry.where || entry.kind} |`),
    '',
  ];
  return lines.join('\n');
}

module.exports = { summarise, format };
