'use strict';

// npm run fuzz -- [--n N] [--seed S] [--workers W] [--verbose]
//
// Replays N mutated server conversations (seeds S .. S+N-1; S defaults to a
// fresh random seed, printed) against the library in worker processes and
// prints the counts, then one line per failing seed. Replay one with
//   npm run fuzz -- --seed <failing seed> --n 1 --verbose
// which also prints the case and the worker's full report. Failures that match
// a known library bug (known-bugs.js) are counted apart and listed last. Exits
// 1 when any invariant broke.

const { runFuzz } = require('./fuzz');
const { KNOWN, classify } = require('./known-bugs');

function parseArgs(argv) {
  const args = { n: 1000, seed: Math.floor(Math.random() * 0x7fffffff), workers: undefined, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--verbose') args.verbose = true;
    else if (flag === '--n' || flag === '--seed' || flag === '--workers') args[flag.slice(2)] = Number(argv[++i]);
    else throw new Error('unknown argument ' + flag + ' (expected --n, --seed, --workers, --verbose)');
  }
  for (const key of ['n', 'seed']) {
    if (!Number.isSafeInteger(args[key]) || args[key] < 0) throw new Error('--' + key + ' needs a non-negative integer');
  }
  return args;
}

function oneLine(failure) {
  const what = failure.violations.map((v) => v.type + ': ' + String(v.detail).split('\n')[0]).join('; ');
  const client = failure.client;
  return 'seed ' + failure.seed + ' [' + failure.entry + ', ' + client.op + (client.mode ? ':' + client.mode : '') + '] ' + what;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  console.log('fuzz: %d inputs from seed %d', args.n, args.seed);
  let done = 0;
  const summary = await runFuzz({
    n: args.n,
    seed: args.seed,
    workers: args.workers,
    onCase: (fuzzCase, report) => {
      done++;
      if (args.verbose) console.log(JSON.stringify({ case: fuzzCase, report }, null, 2));
      else if (done % 1000 === 0) console.log('  %d / %d', done, args.n);
    },
  });

  const v = summary.violations;
  console.log('%d inputs in %d s: %d succeeded, %d failed with an error', summary.n, Math.round(summary.elapsedMs / 1000),
    summary.outcomes.success, summary.outcomes.error);
  console.log(Object.keys(v).map((type) => v[type] + ' ' + type).join(', '));
  const known = summary.failures.filter(classify);
  const fresh = summary.failures.filter((failure) => !classify(failure));
  for (const bug of KNOWN) {
    const count = known.filter((failure) => classify(failure) === bug.id).length;
    if (count) console.log('%d failing inputs are the known bug %s: %s', count, bug.id, bug.summary);
  }
  console.log('%d failing inputs match no known bug', fresh.length);
  const listed = fresh.concat(known);
  for (const failure of listed.slice(0, 100)) console.log((classify(failure) ? '(known) ' : '') + oneLine(failure));
  if (listed.length > 100) console.log('... and %d more', listed.length - 100);
  process.exitCode = summary.failures.length ? 1 : 0;
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 2;
});
