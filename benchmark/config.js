'use strict';

// The knobs of a run, from the environment:
//   BENCH_QUICK=1        one short round, for a smoke test (results.md is left alone)
//   BENCH_ROUNDS=n       rounds (default 5)
//   BENCH_WARMUP_MS, BENCH_MEASURE_MS   per process, after connecting (defaults 3000 and 1000; a workload may
//                        warm up for longer, its minWarmupMs)
//   BENCH_ONLY=1,3,8     workload ids; BENCH_DRIVERS=ours,mysql2  driver keys (partial runs leave results.md alone)
//   BENCH_RETRY_BUDGET_S=s  seconds a run may spend re-running processes disturbed by other load (default 30)
//   BENCH_PROFILE=1      afterwards, CPU-profile ours on each workload where it trails a peer (=all: every one)
//   BENCH_OUT=path       where the markdown goes (default benchmark/results.md, full runs only)
//   MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE   as for the tests
const path = require('path');

function number(name, fallback) {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value > 0 ? value : fallback;
}

function list(name) {
  return process.env[name] ? process.env[name].split(',').map((item) => item.trim()).filter(Boolean) : null;
}

function load() {
  const env = process.env;
  const quick = env.BENCH_QUICK === '1';
  const only = list('BENCH_ONLY');
  const drivers = list('BENCH_DRIVERS');
  const partial = quick || only !== null || drivers !== null;
  return {
    quick,
    rounds: number('BENCH_ROUNDS', quick ? 1 : 5),
    // V8 keeps optimising a driver's hot functions for seconds: every driver spends 25-50% more CPU per query in
    // its first second than later, and mysql2's generated parser for 100 columns takes TurboFan about 3 s on a
    // background thread. A shorter warm-up measures those transients rather than the steady state.
    warmupMs: number('BENCH_WARMUP_MS', quick ? 300 : 3000),
    measureMs: number('BENCH_MEASURE_MS', quick ? 500 : 1000),
    retryBudgetS: process.env.BENCH_RETRY_BUDGET_S !== undefined ? Number(process.env.BENCH_RETRY_BUDGET_S) : quick ? 0 : 30,
    only: only && only.map(Number),
    drivers,
    profile: env.BENCH_PROFILE || '',
    out: env.BENCH_OUT || (partial ? null : path.join(__dirname, 'results.md')),
    server: {
      host: env.MYSQL_HOST || '127.0.0.1',
      port: Number(env.MYSQL_PORT || 3306),
      user: env.MYSQL_USER || 'root',
      password: env.MYSQL_PASSWORD || '',
      database: env.MYSQL_DATABASE || 'test',
      // No stack capture per query, for every driver alike: mariadb's default, and mysql2 captures none. With
      // mysqljs's default (true) mysql-ts and mysql 2.18.1 each spend a few microseconds per query on new Error().
      trace: false,
      // One connection character set for every driver: the tables' own (and the raw client's). With their own
      // defaults mysql-ts and mysql 2.18.1 would ask for utf8mb3 (mysqljs's UTF8_GENERAL_CI), which makes the
      // server convert every value and column name, while mysql2 and mariadb ask for utf8mb4.
      charset: 'UTF8MB4_GENERAL_CI',
    },
  };
}

// A workload may ask for a longer warm-up than the others (minWarmupMs); a quick run keeps its short one.
function warmupMsFor(config, workload) {
  return config.quick ? config.warmupMs : Math.max(config.warmupMs, workload.minWarmupMs || 0);
}

module.exports = { load, number, warmupMsFor };
