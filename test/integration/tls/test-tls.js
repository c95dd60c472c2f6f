'use strict';

// TLS against a real server: a second mariadbd started for this file, with a certificate chain made by openssl
// for the test (server certificate for DNS:localhost only).
const assert = require('assert');
const common = require('../../support/common');
const { run } = require('../helpers');
const { createCerts } = require('../../support/certs');
const { TlsMariaDBServer, findMariaDB } = require('../../support/tls-server');

const TLS_STATUS = "SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_version', 'Ssl_cipher')";

describe('integration: TLS', function () {
  this.timeout(30000);
  let certs;
  let server;
  const connections = [];

  before(async function () {
    if (!findMariaDB()) this.skip();
    certs = createCerts();
    server = new TlsMariaDBServer(certs);
    await server.start();
    const admin = connect({ host: 'localhost', ssl: { ca: certs.ca } });
    await run(admin, "CREATE USER 'tls_only'@'%' IDENTIFIED BY 'tls-pw' REQUIRE SSL");
    await run(admin, "CREATE USER 'plain'@'%' IDENTIFIED BY 'plain-pw'");
  });

  after(async function () {
    if (server) await server.destroy();
    if (certs) certs.remove();
  });

  afterEach(function () {
    connections.splice(0).forEach((connection) => connection.destroy());
  });

  function connect(extra) {
    const connection = common.mysql.createConnection(server.config(extra));
    connections.push(connection);
    return connection;
  }

  async function tlsStatus(connection) {
    const { results } = await run(connection, TLS_STATUS);
    const status = {};
    for (const row of results) status[row.Variable_name] = row.Value;
    return status;
  }

  function connectError(connection) {
    return new Promise(function (resolve) {
      connection.connect(function (err) { resolve(err); });
    });
  }

  it('connects with the server certificate verified against ssl.ca and the host', async function () {
    const status = await tlsStatus(connect({ host: 'localhost', ssl: { ca: certs.ca } }));
    assert.match(status.Ssl_version, /^TLSv1\.[23]$/);
    assert.ok(status.Ssl_cipher);
  });

  it('rejects the server certificate with another CA', async function () {
    const err = await connectError(connect({ host: 'localhost', ssl: { ca: certs.otherCa } }));
    assert.strictEqual(err.code, 'HANDSHAKE_SSL_ERROR');
    assert.strictEqual(err.fatal, true);
  });

  it('rejects the server certificate for a host it does not name', async function () {
    const err = await connectError(connect({ host: '127.0.0.1', ssl: { ca: certs.ca } }));
    assert.strictEqual(err.code, 'HANDSHAKE_SSL_ERROR');
    assert.match(err.message, /altnames/);
  });

  it('connects without verification with rejectUnauthorized: false', async function () {
    const status = await tlsStatus(connect({ host: '127.0.0.1', ssl: { rejectUnauthorized: false } }));
    assert.ok(status.Ssl_cipher);
  });

  it('negotiates within minVersion and maxVersion', async function () {
    const tls12 = await tlsStatus(connect({ host: 'localhost', ssl: { ca: certs.ca, maxVersion: 'TLSv1.2' } }));
    assert.strictEqual(tls12.Ssl_version, 'TLSv1.2');
    const tls13 = await tlsStatus(connect({ host: 'localhost', ssl: { ca: certs.ca, minVersion: 'TLSv1.3' } }));
    assert.strictEqual(tls13.Ssl_version, 'TLSv1.3');
  });

  it('takes the ssl options from a URL', async function () {
    const ssl = encodeURIComponent(JSON.stringify({ ca: certs.ca }));
    const url = 'mysql://root@localhost:' + server.port + '/?ssl=' + ssl;
    const connection = common.mysql.createConnection(url);
    connections.push(connection);
    assert.ok((await tlsStatus(connection)).Ssl_cipher);
  });

  it('logs in a REQUIRE SSL account over TLS, which the server refuses without it', async function () {
    const secure = connect({ host: 'localhost', user: 'tls_only', password: 'tls-pw', ssl: { ca: certs.ca } });
    assert.ok((await tlsStatus(secure)).Ssl_cipher);
    const err = await connectError(connect({ user: 'tls_only', password: 'tls-pw' }));
    assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
  });

  it('keeps TLS across changeUser', async function () {
    const connection = connect({ host: 'localhost', user: 'plain', password: 'plain-pw', ssl: { ca: certs.ca } });
    await run(connection, 'SELECT 1');
    await new Promise(function (resolve, reject) {
      connection.changeUser({ user: 'tls_only', password: 'tls-pw' }, (err) => (err ? reject(err) : resolve()));
    });
    const { results } = await run(connection, 'SELECT CURRENT_USER() AS user');
    assert.strictEqual(results[0].user, 'tls_only@%');
    assert.ok((await tlsStatus(connection)).Ssl_cipher);
  });

  it('uses TLS on every pool connection', async function () {
    const options = { host: 'localhost', ssl: { ca: certs.ca }, connectionLimit: 2 };
    const pool = common.mysql.createPool(server.config(options));
    const getConnection = () => new Promise((resolve, reject) => {
      pool.getConnection((err, connection) => (err ? reject(err) : resolve(connection)));
    });
    try {
      const first = await getConnection();
      const second = await getConnection();
      assert.notStrictEqual(first.threadId, second.threadId);
      assert.ok((await tlsStatus(first)).Ssl_cipher);
      assert.ok((await tlsStatus(second)).Ssl_cipher);
      first.release();
      second.release();
    } finally {
      await new Promise((resolve) => pool.end(resolve));
    }
  });
});

describe('integration: TLS requested from a server without it', function () {
  it('fails with HANDSHAKE_NO_SSL_SUPPORT', async function () {
    const probe = common.createConnection();
    let haveSsl;
    try {
      haveSsl = (await run(probe, 'SELECT @@have_ssl AS have_ssl')).results[0].have_ssl;
    } finally {
      probe.destroy();
    }
    if (haveSsl === 'YES') this.skip(); // the configured server has TLS: nothing to test here

    const connection = common.createConnection({ ssl: { rejectUnauthorized: false } });
    const err = await new Promise((resolve) => connection.connect(resolve));
    connection.destroy();
    assert.strictEqual(err.code, 'HANDSHAKE_NO_SSL_SUPPORT');
    assert.strictEqual(err.fatal, true);
  });
});
