'use strict';

// Counting the machine instructions a Node process executes, under valgrind (cachegrind, no cache simulation),
// with V8 single-threaded so that compiling and collecting garbage happen on the counted thread. The count covers
// user space only: time in the kernel, such as system calls, is not in it.
const { execFile } = require('child_process');

const VALGRIND_ARGS = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', '--smc-check=all-non-file'];
const MAX_OUTPUT = 1 << 24;

/** Resolves with { instructions, report }: the count, and the JSON of the script's last line on stdout. */
function countInstructions(script, args) {
  const argv = [...VALGRIND_ARGS, process.execPath, '--single-threaded', script, ...args];
  return new Promise((resolve, reject) => {
    execFile('valgrind', argv, { maxBuffer: MAX_OUTPUT }, (err, stdout, stderr) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (err || !refs) return reject(new Error(script + ' under valgrind: ' + (err ? err.message : stderr.slice(-500))));
      resolve({ instructions: Number(refs[1].replace(/,/g, '')), report: JSON.parse(stdout.trim().split('\n').pop()) });
    });
  });
}

module.exports = { countInstructions };
