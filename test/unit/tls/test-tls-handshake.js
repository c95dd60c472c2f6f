'use strict';

// TLS after the SSL request packet, against a fake server that upgrades for real, with certificates made for
// the test: the server's certificate must chain to ssl.ca and name the host, unless rejectUnauthorized is false.
const assert = require('assert');
const net = require('net');
const path = require('path');
const common = require('../../support/common');
const { createCerts } = require('../../support/certs');
const { useFakeSecureServer, TLS_CAPABILITIES } = require('../../support/fake-secure-server');

describe('tls: the handshake upgrade', function () {
  let certs;
  before(function () {
    certs = createCerts();
  });
  after(function () {
    certs.remove();
  });

  describe('with a server that cannot do TLS', function () {
    const fake = common.useFakeServer();

    it('fails with a fatal HANDSHAKE_NO_SSL_SUPPORT', function (done) {
      fake.createConnection({ ssl: { ca: certs.ca } }).connect(function (err) {
        assert.strictEqual(err.code, 'HANDSHAKE_NO_SSL_SUPPORT');
        assert.strictEqual(err.message, 'Server does not support secure connection');
        assert.strictEqual(err.fatal, true);
        done();
      });
    });
  });

  describe('with a TLS server', function () {
    const fake = useFakeSecureServer(() => ({ key: certs.serverKey, cert: certs.serverCert }));
    let conns;
    beforeEach(function () {
      conns = [];
      fake.server.on('connection', function (conn) {
        conns.push(conn);
        conn.handshake({ capabilities: TLS_CAPABILITIES });
      });
    });

    function expectSslError(options, pattern, done) {
      fake.createConnection(options).connect(function (err) {
        assert.ok(err, 'the connection must fail');
        assert.strictEqual(err.code, 'HANDSHAKE_SSL_ERROR');
        assert.strictEqual(err.fatal, true);
        assert.match(err.message, pattern);
        done();
      });
    }

    it('accepts a certificate that chains to ssl.ca, then runs queries over TLS', function (done) {
      const connection = fake.createConnection({ host: 'localhost', ssl: { ca: certs.ca } });
      connection.query('SELECT 1', function (err) {
        assert.ifError(err);
        assert.strictEqual(conns[0].socket.secure, true);
        done();
      });
    });

    common.itOwn('sends the host name as SNI', function (done) {
      // mysqljs sends no SNI.
      fake.createConnection({ host: 'localhost', ssl: { ca: certs.ca } }).connect(function (err) {
        assert.ifError(err);
        assert.strictEqual(conns[0].socket.servername, 'localhost');
        done();
      });
    });

    it('rejects a certificate from another CA', function (done) {
      expectSslError({ host: 'localhost', ssl: { ca: certs.otherCa } }, /certificate/, done);
    });

    it('rejects a certificate without a CA to check it against', function (done) {
      expectSslError({ host: 'localhost', ssl: {} }, /certificate/, done);
    });

    common.itOwn('rejects a certificate that does not name the host', function (done) {
      // mysqljs checks the chain only, not the name: on purpose, mysql-ts does what TLS clients must.
      expectSslError({ host: '127.0.0.1', ssl: { ca: certs.ca } }, /does not match certificate's altnames/, done);
    });

    it('accepts any certificate with rejectUnauthorized: false', function (done) {
      fake.createConnection({ host: '127.0.0.1', ssl: { ca: certs.otherCa, rejectUnauthorized: false } })
        .connect(function (err) {
          assert.ifError(err);
          assert.strictEqual(conns[0].socket.secure, true);
          done();
        });
    });

    common.itOwn('checks ssl.servername instead of the host when given', function (done) {
      // mysqljs neither sends SNI nor checks the name, so it connects even to 127.0.0.1.
      fake.createConnection({ host: '127.0.0.1', ssl: { ca: certs.ca, servername: 'localhost' } })
        .connect(function (err) {
          assert.ifError(err);
          assert.strictEqual(conns[0].socket.servername, 'localhost');
          done();
        });
    });

    common.itOwn('negotiates no higher than ssl.maxVersion', function (done) {
      // mysqljs passes neither minVersion nor maxVersion to TLS.
      fake.createConnection({ host: 'localhost', ssl: { ca: certs.ca, maxVersion: 'TLSv1.2' } })
        .connect(function (err) {
          assert.ifError(err);
          assert.strictEqual(conns[0].socket.protocol, 'TLSv1.2');
          done();
        });
    });

    common.itOwn('reports a server closing the TLS connection as PROTOCOL_CONNECTION_LOST', function (done) {
      // mysqljs does not see the close under TLS; its next query fails with EPIPE.
      const connection = fake.createConnection({ host: 'localhost', ssl: { ca: certs.ca } });
      connection.connect(function (err) {
        assert.ifError(err);
        connection.on('error', function (lost) {
          assert.strictEqual(lost.code, 'PROTOCOL_CONNECTION_LOST');
          assert.strictEqual(lost.fatal, true);
          done();
        });
        conns[0].end();
      });
    });
  });

  describe('with a server that only speaks TLS 1.2', function () {
    const fake = useFakeSecureServer(() => ({ key: certs.serverKey, cert: certs.serverCert, maxVersion: 'TLSv1.2' }));

    common.itOwn('fails with HANDSHAKE_SSL_ERROR when it cannot meet ssl.minVersion', function (done) {
      // mysqljs passes no minVersion to TLS, so it would connect with TLS 1.2.
      fake.createConnection({ host: 'localhost', ssl: { ca: certs.ca, minVersion: 'TLSv1.3' } })
        .connect(function (err) {
          assert.ok(err, 'the connection must fail');
          assert.strictEqual(err.code, 'HANDSHAKE_SSL_ERROR');
          assert.strictEqual(err.fatal, true);
          assert.match(err.message, /version|protocol/i);
          done();
        });
    });
  });

  describe('with a server that sends a packet before the TLS handshake', function () {
    let server;
    let connection;
    const sockets = [];
    afterEach(function (done) {
      if (connection) connection.destroy();
      sockets.splice(0).forEach((socket) => socket.destroy());
      server.close(() => done());
    });

    common.itOwn('fails with HANDSHAKE_SSL_ERROR instead of acting on the unprotected packet', function (done) {
      // mysqljs takes an OK that shares the greeting's TCP chunk as a successful login.
      const Packets = require(path.join(common.lib, 'protocol', 'packets'));
      const PacketWriter = require(path.join(common.lib, 'protocol', 'PacketWriter'));
      const frame = (packet, id) => {
        const writer = new PacketWriter();
        packet.write(writer);
        return writer.toBuffer({ incrementPacketNumber: () => id });
      };
      const greeting = new Packets.HandshakeInitializationPacket({
        serverVersion: '8.0.0-fake', threadId: 1, scrambleBuff1: Buffer.alloc(8, 0x41),
        scrambleBuff2: Buffer.alloc(12, 0x42), serverCapabilities1: TLS_CAPABILITIES & 0xffff,
        serverCapabilities2: TLS_CAPABILITIES >>> 16, protocol41: true,
      });
      const ok = new Packets.OkPacket({ protocol41: true });
      Object.assign(ok, { fieldCount: 0, affectedRows: 0, insertId: 0, serverStatus: 2, warningCount: 0, message: '' });
      server = net.createServer(function (socket) {
        sockets.push(socket);
        socket.end(Buffer.concat([frame(greeting, 0), frame(ok, 2)]));
      });
      server.listen(0, '127.0.0.1', function () {
        connection = common.mysql.createConnection({ host: 'localhost', port: server.address().port,
          ssl: { ca: certs.ca } });
        connection.connect(function (err) {
          assert.ok(err, 'the injected OK must not log in');
          assert.strictEqual(err.code, 'HANDSHAKE_SSL_ERROR');
          assert.strictEqual(err.fatal, true);
          done();
        });
      });
    });
  });
});
