'use strict';

// Read coalescing (coalescedReader.ts): well into a large reply (8 MB) that a server on the same host writes more
// slowly than the client reads it, the client pauses its socket for a moment after each read that emptied it, so
// that the next read takes several of the server's writes at once. upstream mysqljs reads every write as it comes.
//
// The fake server here writes its rows in slices of about 16 KB, one slice per turn of the event loop, as a real
// server writes its 16 KB net buffer: a client that keeps up reads each slice on its own.

const assert = require('assert');
const os = require('os');
const common = require('../../support/common');

const itOwn = common.itOwn;
const ROW_BYTES = 1000;
const ROWS_PER_SLICE = 16;
const LARGE = 10000; // rows: 10 MB, past the 8 MB after which a reply may pause
const BELOW = 7800; // rows: just under 8 MB
const NAP_WAIT_MS = 20; // well past a nap (1 ms): a timer set now fires after the nap's

describe('connection: read coalescing', function () {
  const fake = common.useFakeServer();

  // Answers every query with `rows` rows of one ROW_BYTES column, written a slice per setImmediate();
  // seen.slices counts the slices.
  function pacedServer(rows, server) {
    const seen = { slices: 0 };
    (server || fake.server).on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        conn.writePacket(new conn.Packets.ResultSetHeaderPacket({ fieldCount: 1 }));
        conn.writePacket(conn.fieldPacket({ name: 'v' }));
        conn.eof();
        let next = 0;
        (function slice() {
          for (let end = Math.min(next + ROWS_PER_SLICE, rows); next < end; next++) {
            conn.writeRow([String(next).padEnd(ROW_BYTES, '.')]);
          }
          seen.slices++;
          if (next < rows) setImmediate(slice);
          else conn.eof();
        })();
      });
    });
    return seen;
  }

  // Connects `connection`, then counts its socket's reads and pause() calls; `onPause` runs after each pause.
  function watched(connection, onPause, callback) {
    connection.connect(function (err) {
      assert.ifError(err);
      const socket = connection._socket;
      const counts = { reads: 0, pauses: 0 };
      socket.prependListener('data', function () { counts.reads++; });
      const pause = socket.pause;
      socket.pause = function () {
        counts.pauses++;
        const result = pause.apply(this, arguments);
        if (onPause) onPause(counts.pauses);
        return result;
      };
      callback(connection, counts);
    });
  }

  function connected(extra, onPause, callback) {
    watched(fake.createConnection(extra), onPause, callback);
  }

  function checkRows(rows, count) {
    assert.strictEqual(rows.length, count);
    rows.forEach(function (row, i) { assert.strictEqual(row.v, String(i).padEnd(ROW_BYTES, '.')); });
  }

  // One query of `rows` paced rows; check(counts, slices) once every row has arrived as sent.
  function readAll(extra, rows, check, done) {
    const seen = pacedServer(rows);
    connected(extra, null, function (connection, counts) {
      connection.query('SELECT v', function (err, result) {
        assert.ifError(err);
        checkRows(result, rows);
        check(counts, seen.slices);
        done();
      });
    });
  }

  itOwn('pauses between the reads of a large reply that the server writes slowly, and loses no row', function (done) {
    readAll({}, LARGE, function (counts, slices) {
      assert.ok(counts.pauses > 0, 'no pause');
      assert.ok(counts.reads < slices, counts.reads + ' reads for ' + slices + ' slices');
    }, done);
  });

  it('reads each write as it comes with readCoalescing: false', function (done) {
    readAll({ readCoalescing: false }, LARGE, function (counts) {
      assert.strictEqual(counts.pauses, 0);
    }, done);
  });

  it('never pauses during a reply of under 8 MB', function (done) {
    readAll({}, BELOW, function (counts) {
      assert.strictEqual(counts.pauses, 0);
    }, done);
  });

  // A server on another host does not pay for the client's wake-ups. This host's own non-loopback address stands
  // in for one: the connection reads as over loopback, yet its peer is not a loopback address.
  it('a server at an address other than loopback is read without pauses', function (done) {
    const address = Object.values(os.networkInterfaces()).flat()
      .find(function (entry) { return entry.family === 'IPv4' && !entry.internal; });
    if (!address) return this.skip();
    const server = common.createFakeServer();
    pacedServer(LARGE, server);
    server.listen(0, function () {
      const connection = common.mysql.createConnection(common.fakeServerConfig(server, { host: address.address }));
      watched(connection, null, function (conn, counts) {
        conn.query('SELECT v', function (err, rows) {
          assert.ifError(err);
          checkRows(rows, LARGE);
          assert.strictEqual(counts.pauses, 0);
          conn.destroy();
          server.destroy(done);
        });
      });
    }, address.address);
  });

  itOwn('readCoalescing: false is taken from a URL and by a pool for its connections', function (done) {
    const url = 'mysql://root@127.0.0.1:' + fake.server.port() + '/?readCoalescing=false';
    assert.strictEqual(common.mysql.createConnection(url).config.readCoalescing, false);
    assert.strictEqual(common.mysql.createConnection({}).config.readCoalescing, true);
    const pool = common.mysql.createPool(common.fakeServerConfig(fake.server, { readCoalescing: false }));
    assert.strictEqual(pool.config.connectionConfig.readCoalescing, false);
    pool.end(done);
  });

  itOwn('the next command is read at once after a coalesced reply', function (done) {
    pacedServer(LARGE);
    connected({}, null, function (connection, counts) {
      connection.query('SELECT v', function (err) {
        assert.ifError(err);
        const pauses = counts.pauses;
        assert.ok(pauses > 0, 'no pause');
        assert.strictEqual(connection._socket.isPaused(), false);
        connection.ping(function (pingErr) {
          assert.ifError(pingErr);
          assert.strictEqual(counts.pauses, pauses);
          done();
        });
      });
    });
  });

  itOwn('connection.pause() during a pause of its own keeps the socket paused until resume()', function (done) {
    pacedServer(LARGE);
    let received = 0;
    let connection;
    connected({}, function (pauses) {
      if (pauses !== 1) return;
      connection.pause();
      setTimeout(function () {
        assert.strictEqual(connection._socket.isPaused(), true);
        const before = received;
        setTimeout(function () {
          assert.strictEqual(received, before);
          connection.resume();
        }, NAP_WAIT_MS);
      }, NAP_WAIT_MS);
    }, function (conn) {
      connection = conn;
      const query = connection.query('SELECT v');
      query.on('result', function () { received++; });
      query.on('error', done);
      query.on('end', function () {
        assert.strictEqual(received, LARGE);
        done();
      });
    });
  });

  itOwn('destroy() during a pause fails the query once and leaves the socket closed', function (done) {
    pacedServer(LARGE);
    let connection;
    connected({}, function (pauses) {
      if (pauses === 1) connection.destroy();
    }, function (conn) {
      connection = conn;
      connection.query('SELECT v', function (err) {
        assert.strictEqual(err && err.code, 'PROTOCOL_CONNECTION_DESTROYED');
        setTimeout(function () {
          assert.strictEqual(connection._socket.destroyed, true);
          assert.strictEqual(connection.state, 'disconnected');
          done();
        }, NAP_WAIT_MS);
      });
    });
  });

  it('a stream read by a slow consumer during a coalesced reply gets every row in order', function (done) {
    pacedServer(LARGE);
    connected({}, null, function (connection) {
      const rows = [];
      const source = connection.query('SELECT v').stream({ highWaterMark: 8 });
      source.on('error', done);
      source.on('data', function (row) {
        rows.push(row);
        if (rows.length % 500 === 0) {
          source.pause();
          setTimeout(function () { source.resume(); }, 5);
        }
      });
      source.on('end', function () {
        checkRows(rows, LARGE);
        done();
      });
    });
  });
});
