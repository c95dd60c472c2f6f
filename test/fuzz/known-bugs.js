'use strict';

// Library bugs the fuzzer keeps finding until they are fixed, each with a
// skipped fault-suite case (marked "// BUG:") that reproduces it. classify()
// names the bug a failure is an instance of, or returns null for a new one.
// The bounded sample in the fault suite only fails on new ones; npm run fuzz
// reports every failure and says which are known.

const KNOWN = [
  {
    id: 'dispatch-after-fatal',
    summary: 'after a fatal PARSER_/PROTOCOL_PACKETS_OUT_OF_ORDER error the rest of the received bytes still reach ' +
      "the ended query: 'fields'/'result' after 'end', a second stream 'error' (ERR_STREAM_PUSH_AFTER_EOF)",
    matches(failure) {
      return failure.violations.every((v) => v.type === 'after-end' || (v.type === 'double-callback' && pushAfterEof(failure)));
    },
  },
];

function pushAfterEof(failure) {
  const main = failure.report.ops && failure.report.ops.main;
  return Boolean(main && main.errors.some((err) => err.code === 'ERR_STREAM_PUSH_AFTER_EOF'));
}

function classify(failure) {
  const bug = KNOWN.find((known) => known.matches(failure));
  return bug ? bug.id : null;
}

module.exports = { KNOWN, classify };
