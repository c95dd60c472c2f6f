'use strict';

// Shared by the scenario scripts, which run in their own process inside the
// app directory the harness installed (so `require('mysql')` is the packed
// package). Each scenario records what it observed; a scenario that throws or
// hangs records its error and the others still run. The observations go to
// the file named by COMPAT_RESULT, and the process exits (agents keep timers).

const fs = require('fs');

const SCENARIO_TIMEOUT_MS = 8000;

exports.config = function config(extra) {
  return Object.assign(JSON.parse(process.env.COMPAT_MYSQL), extra);
};

// Promise form of a callback call, for sequencing scenario steps.
exports.call = function call(target, method) {
  const args = Array.prototype.slice.call(arguments, 2);
  return new Promise(function (resolve, reject) {
    target[method].apply(target, args.concat(function (err, value) {
      if (err) reject(err);
      else resolve(value);
    }));
  });
};

function withTimeout(promise, name) {
  let timer;
  const timeout = new Promise(function (resolve, reject) {
    timer = setTimeout(function () { reject(new Error(name + ' timed out')); }, SCENARIO_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(function () { clearTimeout(timer); });
}

// scenarios: [[name, async function returning observations]], run in order.
exports.main = async function main(scenarios, after) {
  const result = {};
  for (const [name, fn] of scenarios) {
    try {
      result[name] = (await withTimeout(Promise.resolve().then(fn), name)) || {};
    } catch (err) {
      result[name] = { error: (err && err.stack) || String(err) };
    }
  }
  if (after) await after(result);
  fs.writeFileSync(process.env.COMPAT_RESULT, JSON.stringify(result, null, 2));
  process.exit(0);
};
