'use strict';

// Certificates for the TLS tests, made with the openssl command in a fresh
// temporary directory (nothing that expires is kept in the repository):
//
//   const certs = createCerts();
//   certs.ca / certs.serverCert / certs.serverKey   PEM strings: a CA and a
//       server certificate it signed for DNS:localhost (no IP address, so a
//       connection to 127.0.0.1 fails hostname verification)
//   certs.otherCa         a second, unrelated CA (for "wrong CA" tests)
//   certs.dir             the directory holding them as files (ca.crt,
//       server.crt, server.key), for servers that read files
//   certs.remove()        deletes the directory
//
// EC P-256 keys keep generation fast.

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(dir, args) {
  childProcess.execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function selfSignedCa(dir, name, subject) {
  openssl(dir, ['req', '-x509', ...KEY, '-keyout', name + '.key', '-out', name + '.crt', '-days', '2',
    '-subj', '/CN=' + subject,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

function createCerts() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-ts-certs-'));
  selfSignedCa(dir, 'ca', 'mysql-ts test CA');
  selfSignedCa(dir, 'other-ca', 'mysql-ts unrelated CA');

  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(dir, ['req', ...KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext']);

  const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
  return {
    dir: dir,
    ca: read('ca.crt'),
    otherCa: read('other-ca.crt'),
    serverCert: read('server.crt'),
    serverKey: read('server.key'),
    remove: function () {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { createCerts };
