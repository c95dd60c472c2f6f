'use strict';

// Turns one integer seed into one fuzz case: a corpus conversation, its
// mutations, how the replay chunks and ends it, and what the client does
// (which command, callback/events/stream/pool, which options). The same seed
// always gives the same case, so a failing seed is its own reproduction:
//   npm run fuzz -- --seed <seed> --n 1 --verbose

const fs = require('fs');
const path = require('path');
const { random } = require('../support/hostile-server');
const { mutate } = require('./mutate');

const CORPUS_DIR = path.join(__dirname, 'corpus');
const SILENT_TIMEOUT_MS = 120;

function loadCorpus() {
  return fs.readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.json')).sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8')));
}

function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

function chance(rng, p) {
  return rng() < p;
}

// The ways an application may run the captured command.
function variants(op) {
  switch (op) {
    case 'connect':
      return ['connect', 'pool.getConnection', 'end', 'query'];
    case 'query':
      return ['query:callback', 'query:events', 'query:stream', 'pool.query'];
    default:
      return [op];
  }
}

function randomOptions(rng) {
  const options = {};
  if (chance(rng, 0.5)) options.supportBigNumbers = true;
  if (chance(rng, 0.25)) options.bigNumberStrings = true;
  if (chance(rng, 0.25)) options.dateStrings = true;
  if (chance(rng, 0.1)) options.typeCast = false;
  if (chance(rng, 0.2)) options.timezone = pick(rng, ['Z', '+05:30', 'local']);
  if (chance(rng, 0.2)) options.trace = false;
  return options;
}

function clientSpec(entry, rng, ending) {
  const [op, mode] = pick(rng, variants(entry.client.op)).split(':');
  const spec = {
    op,
    mode: mode || (op === 'pool.query' ? pick(rng, ['callback', 'events']) : undefined),
    sql: entry.client.sql,
    changeUser: entry.client.changeUser,
    options: Object.assign({}, entry.client.options, randomOptions(rng)),
    opOptions: {},
    finish: pick(rng, ['end', 'end', 'end', 'destroy', 'destroy', ending === 'silent' ? 'destroy' : 'none']),
  };
  if (op === 'query' && chance(rng, 0.1)) spec.opOptions.nestTables = pick(rng, [true, '_']);
  if (!op.startsWith('pool.') && op !== 'connect' && chance(rng, 0.3)) spec.connectFirst = true;
  if (op !== 'end' && chance(rng, 0.2)) spec.queue = ['ping'];
  if (ending === 'silent') {
    // A server that goes quiet leaves only the client's timeouts to end the wait.
    spec.options.connectTimeout = SILENT_TIMEOUT_MS;
    spec.options.acquireTimeout = SILENT_TIMEOUT_MS; // the pool pings a connection before reusing it
    spec.opOptions.timeout = SILENT_TIMEOUT_MS;
    spec.endTimeout = SILENT_TIMEOUT_MS;
  }
  return spec;
}

function makeCase(seed, corpus) {
  const rng = random(seed);
  const entry = pick(rng, corpus);
  const turns = entry.turns.map((turn) => ({ after: turn.after, bytes: Buffer.from(turn.hex, 'hex') }));
  const mutations = mutate(turns, rng, corpus);
  const ending = pick(rng, ['close', 'close', 'close', 'close', 'close', 'reset', 'reset', 'reset', 'silent']);
  const client = clientSpec(entry, rng, ending);
  return {
    seed,
    entry: entry.name,
    mutations,
    spec: {
      server: {
        replay: {
          turns: turns.map((turn) => ({ after: turn.after, hex: turn.bytes.toString('hex') })),
          seed: Math.floor(rng() * 0x7fffffff),
          ending,
        },
      },
      client,
      // The only file a case may open: the one its own SQL names.
      allowFiles: entry.name === 'infile' ? ['test/fuzz/corpus/infile.csv'] : [],
    },
  };
}

module.exports = { loadCorpus, makeCase };
