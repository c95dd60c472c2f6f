'use strict';

// Library bugs the fuzzer keeps finding until they are fixed, each with a
// skipped fault-suite case (marked "// BUG:") that reproduces it. classify()
// names the bug a failure is an instance of, or returns null for a new one.
// The bounded sample in the fault suite only fails on new ones; npm run fuzz
// reports every failure and says which are known. Each entry is
// { id, summary, matches(failure) }; none is open now.

const KNOWN = [];

function classify(failure) {
  const bug = KNOWN.find((known) => known.matches(failure));
  return bug ? bug.id : null;
}

module.exports = { KNOWN, classify };
