'use strict';

// `npm test`: runs test/unit, test/integration, test/fault and test/compat (or
// the files and directories given as arguments) with mocha's spec reporter,
// then prints "N passed, N failed" as the last line.
//
// Integration tests need a MySQL server (MYSQL_HOST/MYSQL_PORT or MYSQL_SOCKET).
// When none answers they are reported as skipped, unless CI is set: then the
// missing server is a failure. A test that leaks a socket or timer cannot hold
// the process open: after a grace period the leaked handles are listed and the
// process exits.

const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawnSync } = require('child_process');
const Mocha = require('mocha');

const root = path.resolve(__dirname, '..');
const DEFAULT_DIRS = ['test/unit', 'test/integration', 'test/fault', 'test/compat'];
const INTEGRATION_DIR = path.join(root, 'test', 'integration') + path.sep;
const PROBE_TIMEOUT_MS = 2000;
const EXIT_GRACE_MS = 3000;

function listFiles(target) {
  const absolute = path.resolve(root, target);
  if (!fs.existsSync(absolute)) return [];
  if (fs.statSync(absolute).isFile()) return [absolute];
  return fs.readdirSync(absolute, { recursive: true })
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(absolute, name))
    .sort();
}

function serverAddress() {
  const env = process.env;
  if (env.MYSQL_SOCKET) return { path: env.MYSQL_SOCKET, label: env.MYSQL_SOCKET };
  const host = env.MYSQL_HOST || '127.0.0.1';
  const port = Number(env.MYSQL_PORT || 3306);
  return { host, port, label: host + ':' + port };
}

function probe(address) {
  return new Promise((resolve) => {
    const socket = net.connect(address.path ? { path: address.path } : { host: address.host, port: address.port });
    const finish = (reachable) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

// Returns how many tests it marked.
function markPending(suite) {
  suite.pending = true;
  suite.tests.forEach((test) => { test.pending = true; });
  return suite.suites.reduce((count, child) => count + markPending(child), suite.tests.length);
}

function isIntegration(file) {
  return file.startsWith(INTEGRATION_DIR);
}

function readMocharc() {
  const file = path.join(root, '.mocharc.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

function finish(stats, failures, integrationSkipped) {
  process.exitCode = failures > 0 ? 1 : 0;
  const summary = () => {
    if (stats.pending > 0) {
      const why = integrationSkipped > 0 ? ' (' + integrationSkipped + ' integration tests without a server)' : '';
      console.log(stats.pending + ' skipped' + why);
    }
    console.log(stats.passes + ' passed, ' + failures + ' failed');
  };

  let reported = false;
  process.once('beforeExit', () => {
    if (reported) return;
    reported = true;
    summary();
  });

  // Only reached when something a test left behind keeps the event loop alive.
  setTimeout(() => {
    reported = true;
    const leaked = process.getActiveResourcesInfo().filter((type) => type !== 'TTYWrap');
    console.log('warning: handles still open ' + EXIT_GRACE_MS + ' ms after the tests: ' + leaked.join(', '));
    summary();
    process.exit(process.exitCode);
  }, EXIT_GRACE_MS).unref();
}

// The shipped .d.ts files are checked by compiling the programs in test/types against them; the result counts as
// one test, so a type error shows in the summary line.
function addTypeCheck(mocha) {
  const suite = Mocha.Suite.create(mocha.suite, 'types');
  suite.addTest(new Mocha.Test('test/types compile against lib/*.d.ts', function () {
    this.timeout(120000);
    const result = spawnSync('npm', ['run', '-s', 'test:types'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error((result.stdout + result.stderr).trim());
  }));
}

async function main() {
  const targets = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_DIRS;
  const files = [...new Set(targets.flatMap(listFiles))];
  const integrationFiles = files.filter(isIntegration);

  let serverMissing = null;
  if (integrationFiles.length > 0) {
    const address = serverAddress();
    if (!(await probe(address))) {
      serverMissing = 'no MySQL server at ' + address.label;
      console.log(process.env.CI
        ? 'integration tests cannot run: ' + serverMissing + ' (CI is set)'
        : 'integration tests skipped: ' + serverMissing + ' (set CI=1 to make this a failure)');
    }
  }

  const rc = readMocharc();
  const mocha = new Mocha({ timeout: rc.timeout, reporter: rc.reporter || 'spec', color: process.stdout.isTTY });
  files.forEach((file) => mocha.addFile(file));
  mocha.loadFiles();
  mocha.lazyLoadFiles(true);

  let integrationSkipped = 0;
  if (serverMissing) {
    mocha.suite.suites.filter((suite) => isIntegration(suite.file || '')).forEach((suite) => {
      integrationSkipped += markPending(suite);
    });
    mocha.suite.tests.filter((test) => isIntegration(test.file || '')).forEach((test) => {
      test.pending = true;
      integrationSkipped++;
    });
    if (process.env.CI) {
      const suite = Mocha.Suite.create(mocha.suite, 'integration server');
      suite.addTest(new Mocha.Test('is reachable', () => {
        throw new Error(serverMissing + '; start it (.ci/run does) or unset CI');
      }));
    }
  }

  if (targets === DEFAULT_DIRS || targets.includes('test/types')) addTypeCheck(mocha);

  const runner = mocha.run((failures) => {
    finish(runner.stats, failures, integrationSkipped);
  });
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
