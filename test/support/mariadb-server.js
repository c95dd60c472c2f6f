'use strict';

// A throwaway MariaDB server for integration tests that need one of their own (a second cluster node, a server
// to kill and restart): its own data directory under the system temp dir, a free TCP port on 127.0.0.1, no
// grant tables (any user, any password), and no binary log.
//
//   const { MariaDBServer, findMariaDB } = require('../../support/mariadb-server');
//   if (!findMariaDB()) this.skip();            // mariadbd / mariadb-install-db not installed
//   const server = new MariaDBServer();
//   await server.start();                        // installs the data directory on first start
//   server.port; server.config(extra)            // connection options for it (user root, no database)
//   await server.kill();                         // SIGKILL, as a crash; start() again brings it back
//   await server.stop();                         // SIGTERM (clean shutdown)
//   await server.destroy();                      // kill if running, then delete the data directory
//
// MARIADBD and MARIADB_INSTALL_DB override where the programs are looked for.

const childProcess = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const START_TIMEOUT_MS = 20000;
const POLL_MS = 50;
// Small, so that installing and starting take a second or two.
const INNODB_OPTIONS = ['--innodb-log-file-size=4M', '--innodb-data-file-path=ibdata1:10M:autoextend',
  '--innodb-buffer-pool-size=16M'];

function findProgram(envName, names) {
  const candidates = [];
  if (process.env[envName]) candidates.push(process.env[envName]);
  const dirs = (process.env.PATH || '').split(path.delimiter).concat(['/usr/sbin', '/usr/local/sbin', '/usr/bin']);
  for (const name of names) {
    for (const dir of dirs) candidates.push(path.join(dir, name));
  }
  return candidates.find(function (file) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }) || null;
}

/** The server and installer programs, or null when either is missing. */
function findMariaDB() {
  const server = findProgram('MARIADBD', ['mariadbd', 'mysqld']);
  const installer = findProgram('MARIADB_INSTALL_DB', ['mariadb-install-db', 'mysql_install_db']);
  return server && installer ? { server: server, installer: installer } : null;
}

function freePort() {
  return new Promise(function (resolve, reject) {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', function () {
      const port = probe.address().port;
      probe.close(function () { resolve(port); });
    });
  });
}

// Ready means: a TCP connection gets the server's greeting (its first bytes).
function greets(port) {
  return new Promise(function (resolve) {
    const socket = net.connect({ host: '127.0.0.1', port: port });
    const finish = function (ok) {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, function () { finish(false); });
    socket.once('data', function () { finish(true); });
    socket.once('error', function () { finish(false); });
  });
}

function runsAsRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

class MariaDBServer {
  constructor() {
    this.programs = findMariaDB();
    this.datadir = null;
    this.port = 0;
    this.process = null;
    this._exited = null;
  }

  config(extra) {
    return Object.assign({ host: '127.0.0.1', port: this.port, user: 'root', password: '' }, extra);
  }

  async start() {
    if (this.process) throw new Error('MariaDB test server is already running');
    if (!this.programs) throw new Error('mariadbd or mariadb-install-db not found');
    if (!this.datadir) await this._install();
    if (!this.port) this.port = await freePort();

    const args = ['--no-defaults', '--datadir=' + this.datadir, '--port=' + this.port, '--bind-address=127.0.0.1',
      '--socket=' + path.join(this.datadir, 'mysqld.sock'), '--pid-file=' + path.join(this.datadir, 'mysqld.pid'),
      '--log-error=' + path.join(this.datadir, 'error.log'), '--skip-grant-tables', '--skip-log-bin',
      '--skip-name-resolve'].concat(INNODB_OPTIONS);
    if (runsAsRoot()) args.push('--user=root');

    const child = childProcess.spawn(this.programs.server, args, { stdio: 'ignore' });
    this.process = child;
    this._exited = new Promise(function (resolve) { child.once('exit', resolve); });
    await this._waitUntilReady(child);
  }

  kill() {
    return this._signal('SIGKILL');
  }

  stop() {
    return this._signal('SIGTERM');
  }

  async destroy() {
    if (this.process) await this.kill();
    if (this.datadir) fs.rmSync(this.datadir, { recursive: true, force: true });
    this.datadir = null;
  }

  async _signal(signal) {
    const child = this.process;
    if (!child) return;
    child.kill(signal);
    await this._exited;
    this.process = null;
  }

  async _install() {
    const datadir = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-ts-mariadb-'));
    const args = ['--no-defaults', '--datadir=' + datadir, '--auth-root-authentication-method=normal',
      '--skip-test-db'].concat(INNODB_OPTIONS);
    if (runsAsRoot()) args.push('--user=root');
    const result = childProcess.spawnSync(this.programs.installer, args, { encoding: 'utf8' });
    if (result.status !== 0) {
      fs.rmSync(datadir, { recursive: true, force: true });
      throw new Error('mariadb-install-db failed: ' + (result.stderr || result.stdout || result.error));
    }
    this.datadir = datadir;
  }

  async _waitUntilReady(child) {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let exited = false;
    child.once('exit', function () { exited = true; });
    while (Date.now() < deadline) {
      if (exited) break;
      if (await greets(this.port)) return;
      await new Promise(function (resolve) { setTimeout(resolve, POLL_MS); });
    }
    const log = path.join(this.datadir, 'error.log');
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-10).join('\n') : '';
    await this.kill();
    throw new Error('MariaDB test server did not start on port ' + this.port + (tail ? ':\n' + tail : ''));
  }
}

module.exports = { MariaDBServer: MariaDBServer, findMariaDB: findMariaDB, freePort: freePort };
