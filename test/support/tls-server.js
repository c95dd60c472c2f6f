'use strict';

// A throwaway MariaDB server with TLS on, for the TLS integration tests: mariadb-server.js's server (own data
// directory, free port, same install / stop / destroy), started with a CA, certificate and key from certs.js,
// and with its grant tables, so that accounts, passwords and REQUIRE SSL are real.
//
//   const server = new TlsMariaDBServer(createCerts());
//   await server.start();  server.config(extra)  (root, no password);  await server.destroy();

const childProcess = require('child_process');
const path = require('path');
const { MariaDBServer, findMariaDB, freePort } = require('./mariadb-server');

const INNODB_OPTIONS = ['--innodb-log-file-size=4M', '--innodb-data-file-path=ibdata1:10M:autoextend',
  '--innodb-buffer-pool-size=16M'];

class TlsMariaDBServer extends MariaDBServer {
  constructor(certs) {
    super();
    this.certs = certs;
  }

  // MariaDBServer.start() with the TLS options and without --skip-grant-tables (it has no hook for either).
  async start() {
    if (this.process) throw new Error('MariaDB test server is already running');
    if (!this.programs) throw new Error('mariadbd or mariadb-install-db not found');
    if (!this.datadir) await this._install();
    if (!this.port) this.port = await freePort();

    const certs = this.certs.dir;
    const args = ['--no-defaults', '--datadir=' + this.datadir, '--port=' + this.port, '--bind-address=127.0.0.1',
      '--socket=' + path.join(this.datadir, 'mysqld.sock'), '--pid-file=' + path.join(this.datadir, 'mysqld.pid'),
      '--log-error=' + path.join(this.datadir, 'error.log'), '--skip-log-bin', '--skip-name-resolve',
      '--ssl-ca=' + path.join(certs, 'ca.crt'), '--ssl-cert=' + path.join(certs, 'server.crt'),
      '--ssl-key=' + path.join(certs, 'server.key')].concat(INNODB_OPTIONS);
    if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--user=root');

    const child = childProcess.spawn(this.programs.server, args, { stdio: 'ignore' });
    this.process = child;
    this._exited = new Promise(function (resolve) { child.once('exit', resolve); });
    await this._waitUntilReady(child);
  }
}

module.exports = { TlsMariaDBServer, findMariaDB };
