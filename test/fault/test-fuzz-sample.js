'use strict';

// A bounded sample of the fuzzer (test/fuzz/): mutated captures of real
// MariaDB conversations, replayed in random TCP pieces, each input checked
// against the invariants in a worker process. Set FUZZ_SEED to sample other
// inputs and FUZZ_N for more of them; `npm run fuzz -- --n 1000000` runs long.

const assert = require('assert');
const { runFuzz } = require('../fuzz/fuzz');
const { classify } = require('../fuzz/known-bugs');

const N = Number(process.env.FUZZ_N || 2000);
const SEED = Number(process.env.FUZZ_SEED || 20240601);

function describeFailures(failures) {
  return failures.slice(0, 20).map((f) => 'seed ' + f.seed + ' [' + f.entry + ', ' + f.client.op + '] ' +
    f.violations.map((v) => v.type + ': ' + String(v.detail).split('\n')[0]).join('; ')).join('\n') +
    '\nreplay one with: npm run fuzz -- --seed <seed> --n 1 --verbose';
}

describe('fuzz: a bounded sample of mutated server conversations', function () {
  this.timeout(180000);
  let summary;

  before(async function () {
    summary = await runFuzz({ n: N, seed: SEED });
  });

  it(N + ' inputs from seed ' + SEED + ': no crash, hang, double callback, uncoded error, leak or stray file', function () {
    const fresh = summary.failures.filter((failure) => !classify(failure));
    assert.deepStrictEqual(fresh.length, 0, describeFailures(fresh));
  });

  it('exercises both outcomes: some inputs still succeed, most fail with a coded error', function () {
    assert.ok(summary.outcomes.success > N / 20, JSON.stringify(summary.outcomes));
    assert.ok(summary.outcomes.error > N / 2, JSON.stringify(summary.outcomes));
  });

  it('no input hits a known library bug (test/fuzz/known-bugs.js)', function () {
    assert.deepStrictEqual(summary.failures.length, 0, describeFailures(summary.failures));
  });
});
