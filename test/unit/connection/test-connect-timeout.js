'use strict';

const assert = require('assert');
const childProcess = require('child_process');
const net = require('net');
const path = require('path');
const common = require('../../support/common');

// Starts support/unaccepting-server.js and fills its accept queue, so the next
// TCP connect to the port hangs. Calls back with the port.
function hangingPort(state, callback) {
  state.child = childProcess.spawn(process.execPath, [path.join(__dirname, '../../support/unaccepting-server.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  state.child.stdout.once('data', function (data) {
    const port = Number(String(data).trim());
    let connected = 0;
    for (let i = 0; i < 3; i++) {
      const filler = net.connect(port, '127.0.0.1');
      filler.on('error', function () {});
      filler.on('connect', function () {
        if (++connected === 2) callback(port);
      });
      state.fillers.push(filler);
    }
  });
}

describe('connection: connect timeout', function () {
  const fake = common.useFakeServer();
  const state = { child: null, fillers: [], connection: null };

  afterEach(function () {
    if (state.connection) state.connection.destroy();
    state.fillers.splice(0).forEach(function (socket) { socket.destroy(); });
    if (state.child) state.child.kill();
    state.connection = null;
    state.child = null;
  });

  it('fails with a fatal ETIMEDOUT (errorno, syscall connect) when TCP connect does not finish in time', function (done) {
    hangingPort(state, function (port) {
      const started = Date.now();
      state.connection = common.mysql.createConnection({ host: '127.0.0.1', port: port, connectTimeout: 200 });
      state.connection.connect(function (err) {
        assert.ok(err instanceof Error);
        assert.strictEqual(err.code, 'ETIMEDOUT');
        assert.strictEqual(err.errorno, 'ETIMEDOUT');
        assert.strictEqual(err.syscall, 'connect');
        assert.strictEqual(err.fatal, true);
        assert.strictEqual(err.message, 'connect ETIMEDOUT');
        assert.ok(Date.now() - started >= 190, 'not before connectTimeout');
        done();
      });
    });
  });

  // Upstream lacks this: mysqljs clears connectTimeout as soon as TCP connects,
  // so a server that accepts and never sends its handshake hangs connect().
  common.itOwn('also times out with ETIMEDOUT when the server accepts but never sends a handshake', function (done) {
    fake.server.on('connection', function () {});
    const connection = fake.createConnection({ connectTimeout: 200 });
    connection.connect(function (err) {
      assert.strictEqual(err.code, 'ETIMEDOUT');
      assert.strictEqual(err.errorno, 'ETIMEDOUT');
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.fatal, true);
      done();
    });
  });

  it('does not time out a connection that completed its handshake', function (done) {
    const connection = fake.createConnection({ connectTimeout: 100 });
    connection.connect(function (err) {
      assert.ifError(err);
      setTimeout(function () {
        connection.ping(function (err) {
          assert.ifError(err);
          done();
        });
      }, 250);
    });
  });
});
