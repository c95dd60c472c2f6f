'use strict';

// Installs the package the way an application does and runs one scenario
// script per agent against it.
//
// The package under test is packed with `npm pack`: the repository (`npm test`
// builds lib/ first), upstream mysqljs when MYSQL_LIB points into
// node_modules/mysql, or the package directory COMPAT_PACKAGE names. It is
// installed from the tarball as node_modules/mysql of a fresh app directory: a real directory, as
// agents find the package by the path segment node_modules/mysql/. The agents
// themselves (test/compat/package.json + package-lock.json) are installed once
// with `npm ci` into a directory under os.tmpdir() named after the lockfile's
// hash; app directories live inside it, so their scripts resolve the agents
// through the parent node_modules. Nothing is installed into the repository.
//
// COMPAT_KEEP=1 keeps the app directory (scripts, results, agent logs) for a
// look after the run.
//
// Without the registry (and nothing cached) or without a MySQL server the
// suites are skipped with a message, unless CI is set: then they fail.

const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const common = require('../support/common');

const COMPAT_DIR = __dirname;
const SCRIPTS_DIR = path.join(COMPAT_DIR, 'agents');
const SETUP_TIMEOUT_MS = 100000;
const SCRIPT_TIMEOUT_MS = 30000;
const PROBE_TIMEOUT_MS = 2000;
const NETWORK_FAILURE = /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|network|offline/i;

function skipReason(message) {
  const err = new Error(message);
  err.skip = true;
  return err;
}

// Few, short retries: an unreachable registry should be a quick skip, not minutes of back-off.
const NPM_NETWORK_OPTIONS = ['--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=3000',
  '--fetch-timeout=30000'];

function npm(args, cwd) {
  return new Promise(function (resolve, reject) {
    const options = { cwd: cwd, maxBuffer: 16 * 1024 * 1024 };
    childProcess.execFile('npm', args.concat(NPM_NETWORK_OPTIONS), options, function (err, stdout, stderr) {
      if (!err) return resolve(stdout);
      const output = String(stderr) + String(stdout);
      const failure = new Error('npm ' + args.join(' ') + ' failed in ' + cwd + ':\n' + output.slice(-3000));
      const network = output.match(NETWORK_FAILURE);
      failure.network = network ? network[0] : null;
      reject(failure);
    });
  });
}

function probeServer(config) {
  return new Promise(function (resolve) {
    const socket = config.socketPath ? net.connect(config.socketPath) : net.connect(config.port, config.host);
    const finish = function (reachable) {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, function () { finish(false); });
    socket.once('connect', function () { finish(true); });
    socket.once('error', function () { finish(false); });
  });
}

// The agents, installed once per lockfile. A partial install never becomes the
// cache: it is renamed into place only after `npm ci` succeeded.
async function installAgents() {
  const lock = fs.readFileSync(path.join(COMPAT_DIR, 'package-lock.json'));
  const hash = crypto.createHash('sha256').update(lock).update(process.version.split('.')[0]).digest('hex');
  const cache = path.join(os.tmpdir(), 'mysql-ts-compat-' + hash.slice(0, 16));
  if (fs.existsSync(path.join(cache, 'node_modules', '.package-lock.json'))) return cache;

  const partial = cache + '.partial-' + process.pid;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  fs.copyFileSync(path.join(COMPAT_DIR, 'package.json'), path.join(partial, 'package.json'));
  fs.copyFileSync(path.join(COMPAT_DIR, 'package-lock.json'), path.join(partial, 'package-lock.json'));
  try {
    // Native add-ons are optional for every agent; leaving them out keeps the install small and offline-safe.
    await npm(['ci', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], partial);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  try {
    fs.renameSync(partial, cache);
  } catch (err) {
    // Another run finished the same install first.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(cache)) throw err;
  }
  return cache;
}

function packageDir() {
  if (process.env.COMPAT_PACKAGE) return path.resolve(common.root, process.env.COMPAT_PACKAGE);
  return common.isUpstream ? path.resolve(common.lib, '..') : common.root;
}

async function installPackage(cache) {
  const source = packageDir();
  if (source === common.root && !fs.existsSync(path.join(source, 'lib', 'index.js'))) {
    throw new Error('lib/ is not built: run `npm run build` first');
  }
  const app = fs.mkdtempSync(path.join(cache, 'app-'));
  if (!process.env.COMPAT_KEEP) process.once('exit', function () { fs.rmSync(app, { recursive: true, force: true }); });

  // --ignore-scripts: `npm test` has just built lib/, and a type error in a file being written elsewhere
  // must not stop the pack.
  const packed = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', app, source], app));
  const tarball = path.join(app, packed[0].filename);
  const manifest = { name: 'mysql-compat-app', private: true, dependencies: { mysql: 'file:' + tarball } };
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  await npm(['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline'], app);

  const installed = path.join(app, 'node_modules', 'mysql');
  if (!fs.lstatSync(installed).isDirectory()) throw new Error(installed + ' is not a real directory');

  fs.readdirSync(SCRIPTS_DIR).forEach(function (name) {
    fs.copyFileSync(path.join(SCRIPTS_DIR, name), path.join(app, name));
  });
  return { dir: app, packageJson: JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) };
}

async function prepareOnce() {
  if (!(await probeServer(common.config()))) {
    const config = common.config();
    throw skipReason('no MySQL server at ' + (config.socketPath || config.host + ':' + config.port));
  }
  try {
    return await installPackage(await installAgents());
  } catch (err) {
    if (!err.network) throw err;
    throw skipReason('the npm registry is unreachable (' + err.network + ' from ' + err.message.split('\n')[0] + ')');
  }
}

let prepared = null;
let skipReported = false;

// Call from a before() hook: the installed app ({ dir, packageJson }), or the
// hook is skipped (outside CI) when the registry or the server is missing.
exports.prepare = async function prepare(mochaContext) {
  mochaContext.timeout(SETUP_TIMEOUT_MS);
  prepared = prepared || prepareOnce();
  try {
    return await prepared;
  } catch (err) {
    if (!err.skip || process.env.CI) throw err;
    if (!skipReported) console.log('      compat suites skipped: ' + err.message + ' (CI=1 makes this a failure)');
    skipReported = true;
    mochaContext.skip();
  }
};

// Runs agents/<script> in its own node process inside the app directory and
// returns what it wrote to COMPAT_RESULT, with its stdout and stderr.
exports.runScript = async function runScript(mochaContext, script) {
  const app = await exports.prepare(mochaContext);
  mochaContext.timeout(SETUP_TIMEOUT_MS + SCRIPT_TIMEOUT_MS);
  const resultFile = path.join(app.dir, script + '.result.json');
  const childEnv = Object.assign({}, process.env, {
    COMPAT_MYSQL: JSON.stringify(common.config()),
    COMPAT_RESULT: resultFile,
  });
  delete childEnv.NODE_OPTIONS;

  const output = await new Promise(function (resolve) {
    childProcess.execFile(process.execPath, [script], {
      cwd: app.dir,
      env: childEnv,
      timeout: SCRIPT_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    }, function (err, stdout, stderr) {
      resolve({ err: err, stdout: String(stdout), stderr: String(stderr) });
    });
  });
  if (!fs.existsSync(resultFile)) {
    const why = output.err ? output.err.message : 'no result file';
    throw new Error(script + ' reported nothing (' + why + '):\n' + output.stderr.slice(-3000));
  }
  return {
    app: app,
    result: JSON.parse(fs.readFileSync(resultFile, 'utf8')),
    stdout: output.stdout,
    stderr: output.stderr,
  };
};

// A scenario's observations, or a failure that names the scenario's own error.
exports.scenario = function scenario(result, name) {
  const entry = result[name];
  if (!entry) throw new Error('scenario ' + name + ' did not run');
  if (entry.error) throw new Error('scenario ' + name + ' failed: ' + entry.error);
  return entry;
};
