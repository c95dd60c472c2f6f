'use strict';

// A child process that runs cases one at a time for workers.js: starts the
// case's server (hostile or replay), runs the client (client.js), closes the
// server, then checks that the client left no socket or timer behind and
// opened no file the case did not allow. An exception that escapes the library
// is reported as { uncaught } and ends this process: the parent starts another.
//
// message in:  { id, spec: { server: { hostile: plan } | { replay: options }, client, allowFiles } }
// message out: { id, report }

const fs = require('fs');
const path = require('path');

// Watch file opens before the library loads, so it cannot hold an unwatched reference.
const opened = [];
function watch(name) {
  const original = fs[name];
  fs[name] = function watched(file) {
    opened.push(String(file));
    return original.apply(this, arguments);
  };
}
['open', 'openSync', 'createReadStream', 'readFile', 'readFileSync'].forEach(watch);
const openPromise = fs.promises.open;
fs.promises.open = function watchedOpen(file) {
  opened.push(String(file));
  return openPromise.apply(this, arguments);
};

const common = require('../support/common');
const { createHostileServer } = require('../support/hostile-server');
const { createReplayServer } = require('./replay-server');
const { runClient, describeError } = require('./client');

// Load the library (and its lazily required modules) now, so a case's file check only sees the case.
// (Neither connects: that only happens on first use.)
common.mysql.createConnection({});
common.mysql.createPool({});

const LEAK_WAIT_MS = 1000;
const WATCHED_RESOURCES = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout', 'ConnectWrap', 'FSReqCallback', 'FileHandle'];
let currentId = null;

function resourceCounts() {
  const counts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] || 0) + 1;
  return counts;
}

function excess(baseline) {
  const now = resourceCounts();
  return WATCHED_RESOURCES.filter((type) => (now[type] || 0) > (baseline[type] || 0))
    .map((type) => type + ' x' + ((now[type] || 0) - (baseline[type] || 0)));
}

async function leaksAfter(baseline) {
  const until = Date.now() + LEAK_WAIT_MS;
  for (;;) {
    const left = excess(baseline);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Module loading reads .js/.json files; anything else must be a file the case allowed.
function unexpectedFiles(allowed) {
  const allow = (allowed || []).map((file) => path.resolve(file));
  return opened.filter((file) => !/\.(js|json|node)$/.test(file) && allow.indexOf(path.resolve(file)) === -1);
}

async function runCase(spec) {
  opened.length = 0;
  const baseline = resourceCounts();
  const server = spec.server.hostile ? createHostileServer(spec.server.hostile) : createReplayServer(spec.server.replay);
  await new Promise((resolve) => server.listen(resolve));
  const started = Date.now();
  const report = await runClient(spec.client, server.port());
  report.elapsed = Date.now() - started;
  await new Promise((resolve) => server.close(resolve));
  report.leaks = await leaksAfter(baseline);
  report.files = unexpectedFiles(spec.allowFiles);
  return report;
}

function send(message, callback) {
  if (process.connected) process.send(message, callback);
  else if (callback) callback();
}

function crash(err) {
  send({ id: currentId, report: { uncaught: describeError(err) } }, () => process.exit(1));
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.on('message', (message) => {
  currentId = message.id;
  runCase(message.spec).then((report) => {
    send({ id: message.id, report });
  }, crash);
});
process.on('disconnect', () => process.exit(0));
