'use strict';

// Runs n fuzz cases, seeds seed .. seed + n - 1, over a pool of workers and
// checks each report against the invariants. Used by run.js (npm run fuzz)
// and by the bounded sample in the fault suite.
//
// runFuzz({ n, seed, workers, onCase }) resolves with
//   { n, seed, elapsedMs, outcomes: { success, error }, violations: { type: count }, failures: [...] }
// where each failure is { seed, entry, mutations, client, violations, report }.

const { WorkerPool } = require('./workers');
const { violations, TYPES } = require('./invariants');
const { loadCorpus, makeCase } = require('./generate');

function outcome(report) {
  const main = report.ops && report.ops.main;
  return main && main.errors.length === 0 && !main.threw ? 'success' : 'error';
}

async function runFuzz(options) {
  const n = options.n;
  const seed = options.seed;
  const corpus = loadCorpus();
  const pool = new WorkerPool({ size: options.workers });
  const summary = { n, seed, elapsedMs: 0, outcomes: { success: 0, error: 0 }, violations: {}, failures: [] };
  TYPES.forEach((type) => { summary.violations[type] = 0; });
  const started = Date.now();

  let next = 0;
  const lane = async () => {
    while (next < n) {
      const fuzzCase = makeCase(seed + next++, corpus);
      const report = await pool.run(fuzzCase.spec);
      const found = violations(report);
      summary.outcomes[outcome(report)]++;
      new Set(found.map((v) => v.type)).forEach((type) => { summary.violations[type]++; });
      if (found.length) {
        summary.failures.push({
          seed: fuzzCase.seed, entry: fuzzCase.entry, mutations: fuzzCase.mutations,
          client: fuzzCase.spec.client, violations: found, report,
        });
      }
      if (options.onCase) options.onCase(fuzzCase, report, found);
    }
  };
  try {
    // One lane per worker keeps them all busy without building every case up front.
    await Promise.all(Array.from({ length: pool.size }, lane));
  } finally {
    await pool.close();
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}

module.exports = { runFuzz };
