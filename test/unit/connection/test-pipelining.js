'use strict';

// Pipelining: queued commands are written without waiting for the replies ahead of them, the replies still reach
// their own callbacks in order, and nothing goes early behind a conversation the client still takes part in.
// upstream mysqljs writes each command only when the one ahead of it has ended.

const assert = require('assert');
const common = require('../../support/common');

const itOwn = common.itOwn;

describe('connection: pipelining', function () {
  const fake = common.useFakeServer();

  // Every command the server has received, in arrival order (the 'packet' event fires on arrival, before the
  // fake server gets to answer it), and the connection to answer on.
  function arrivals(onConnection) {
    const seen = { commands: [], conn: null };
    fake.server.on('connection', function (conn) {
      seen.conn = conn;
      conn.handshake();
      conn.on('packet', function (packet) {
        if (packet.constructor.name !== 'ClientAuthenticationPacket') seen.commands.push(describe(packet));
      });
      if (onConnection) onConnection(conn, seen);
    });
    return seen;
  }

  function describe(packet) {
    return packet.sql !== undefined ? packet.sql : packet.constructor.name;
  }

  function connected(extra, callback) {
    const connection = fake.createConnection(extra);
    connection.connect(function (err) {
      assert.ifError(err);
      callback(connection);
    });
    return connection;
  }

  itOwn('writes queued queries before the first is answered, and each callback gets its own result', function (done) {
    const held = [];
    const seen = arrivals(function (conn) {
      conn.on('query', function (packet) { held.push(packet); answerWhenAllArrived(); });
      function answerWhenAllArrived() {
        // The server sees all three before it answers anything: they came without waiting.
        if (seen.commands.length < 3) return setTimeout(answerWhenAllArrived, 5);
        const packet = held.shift();
        conn.sendResultSet(['sql'], [[packet.sql]]);
      }
    });
    connected({}, function (connection) {
      const results = [];
      ['SELECT 1', 'SELECT 2', 'SELECT 3'].forEach(function (sql) {
        connection.query(sql, function (err, rows) {
          assert.ifError(err);
          results.push(rows[0].sql);
          if (results.length === 3) {
            assert.deepStrictEqual(results, ['SELECT 1', 'SELECT 2', 'SELECT 3']);
            assert.deepStrictEqual(seen.commands, ['SELECT 1', 'SELECT 2', 'SELECT 3']);
            done();
          }
        });
      });
    });
  });

  itOwn('writes the commands queued in one tick before the server reads any of them', function (done) {
    const chunks = [];
    arrivals(function (conn) {
      conn.socket.on('data', function (chunk) { chunks.push(chunk.length); });
    });
    connected({}, function (connection) {
      chunks.length = 0;
      let left = 3;
      for (const sql of ['SELECT 1', 'SELECT 2', 'SELECT 3']) {
        connection.query(sql, function (err) {
          assert.ifError(err);
          if (--left) return;
          // Three COM_QUERY packets of 4 + 1 + 8 bytes each, in one read: the first is written at once, the
          // other two corked together behind it, all within the tick that queued them.
          assert.deepStrictEqual(chunks, [39]);
          done();
        });
      }
    });
  });

  it('with pipelining: false, writes each command only once the one ahead has ended', function (done) {
    const seen = arrivals(function (conn) {
      conn.on('query', function (packet) {
        setTimeout(function () {
          // Nothing else has arrived while this query was unanswered.
          assert.strictEqual(seen.commands[seen.commands.length - 1], packet.sql);
          conn.ok();
        }, 20);
      });
    });
    connected({ pipelining: false }, function (connection) {
      connection.query('SELECT 1');
      connection.query('SELECT 2');
      connection.ping();
      connection.query('SELECT 3', function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.commands, ['SELECT 1', 'SELECT 2', 'ComPingPacket', 'SELECT 3']);
        done();
      });
    });
  });

  itOwn('pipelines ping and statistics with queries, replies in order', function (done) {
    const seen = arrivals(function (conn) {
      conn.on('query', function answer() {
        // The first query is answered only once all four commands are in: none waited for a reply.
        if (seen.commands.length < 4) return setTimeout(answer, 5);
        conn.ok();
      });
    });
    connected({}, function (connection) {
      const order = [];
      connection.query('SELECT 1', function (err) { order.push(['query', err]); });
      connection.ping(function (err) { order.push(['ping', err]); });
      connection.statistics(function (err, stats) {
        order.push(['statistics', err]);
        assert.strictEqual(typeof stats.uptime, 'number');
      });
      connection.query('SELECT 2', function (err) {
        order.push(['query', err]);
        assert.deepStrictEqual(order, [['query', null], ['ping', null], ['statistics', null], ['query', null]]);
        assert.deepStrictEqual(seen.commands, ['SELECT 1', 'ComPingPacket', 'ComStatisticsPacket', 'SELECT 2']);
        done();
      });
    });
  });

  itOwn('a query that fails does not disturb the ones sent behind it', function (done) {
    arrivals(function (conn) {
      conn.on('query', function (packet) {
        if (packet.sql === 'BAD') conn.error("Table 'test.nope' doesn't exist", 1146, '42S02');
        else conn.sendResultSet(['sql'], [[packet.sql]]);
      });
    });
    connected({}, function (connection) {
      connection.query('SELECT 1', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows[0].sql, 'SELECT 1');
      });
      connection.query('BAD', function (err) {
        assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
        assert.ok(!err.fatal);
      });
      connection.query('SELECT 3', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows[0].sql, 'SELECT 3');
        done();
      });
    });
  });

  it('holds back the commands queued behind the handshake until it has succeeded', function (done) {
    const seen = arrivals();
    const connection = fake.createConnection();
    let authenticated = false;
    connection.connect(function (err) {
      assert.ifError(err);
      authenticated = true;
    });
    connection.query('SELECT 1', function (err) {
      assert.ifError(err);
      assert.ok(authenticated);
    });
    connection.query('SELECT 2', function (err) {
      assert.ifError(err);
      assert.deepStrictEqual(seen.commands, ['SELECT 1', 'SELECT 2']);
      done();
    });
  });

  it('writes nothing behind a query that may load a local file until it has ended', function (done) {
    const seen = arrivals(function (conn) {
      conn.on('query', function (packet) {
        if (!/LOCAL/.test(packet.sql)) return conn.ok();
        setTimeout(function () {
          assert.deepStrictEqual(seen.commands, ['SELECT 1', packet.sql]);
          conn.ok({ affectedRows: 0 });
        }, 30);
      });
    });
    connected({}, function (connection) {
      connection.query('SELECT 1');
      connection.query("LOAD DATA LOCAL INFILE '/nonexistent.csv' INTO TABLE t");
      connection.query('SELECT 3', function (err) {
        assert.ifError(err);
        assert.strictEqual(seen.commands[2], 'SELECT 3');
        done();
      });
    });
  });

  it('writes nothing behind changeUser until it has ended', function (done) {
    const seen = arrivals(function (conn) {
      conn.on('query', function () { conn.ok(); });
      conn.on('changeUser', function () {
        setTimeout(function () {
          assert.deepStrictEqual(seen.commands, ['SELECT 1', 'ComChangeUserPacket']);
          conn.ok();
        }, 30);
      });
    });
    connected({}, function (connection) {
      connection.query('SELECT 1');
      connection.changeUser({ user: 'other' }, function (err) { assert.ifError(err); });
      connection.query('SELECT 3', function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(seen.commands, ['SELECT 1', 'ComChangeUserPacket', 'SELECT 3']);
        done();
      });
    });
  });

  it('sends quit only after every reply ahead of it, and end() calls back once all are in', function (done) {
    const seen = arrivals(function (conn) {
      conn.on('query', function (packet) {
        setTimeout(function () {
          assert.strictEqual(seen.commands.indexOf('ComQuitPacket'), -1, 'no quit before ' + packet.sql + ' answered');
          conn.ok();
        }, 10);
      });
    });
    connected({}, function (connection) {
      const order = [];
      connection.query('SELECT 1', function (err) { order.push(err || 'SELECT 1'); });
      connection.query('SELECT 2', function (err) { order.push(err || 'SELECT 2'); });
      connection.end(function (err) {
        assert.ifError(err);
        assert.deepStrictEqual(order, ['SELECT 1', 'SELECT 2']);
        assert.deepStrictEqual(seen.commands, ['SELECT 1', 'SELECT 2', 'ComQuitPacket']);
        done();
      });
    });
  });

  itOwn('pause() holds back the rows of the first query and of those sent behind it', function (done) {
    arrivals(function (conn) {
      conn.on('query', function (packet) {
        const rows = [];
        for (let i = 0; i < 50; i++) rows.push([packet.sql + ' #' + i]);
        conn.sendResultSet(['v'], rows);
      });
    });
    connected({}, function (connection) {
      const received = [];
      let paused = false;
      function listen(query) {
        query.on('result', function (row) {
          assert.strictEqual(paused, false, 'no row while paused');
          received.push(row.v);
          if (received.length === 10) {
            paused = true;
            connection.pause();
            setTimeout(function () {
              paused = false;
              connection.resume();
            }, 50);
          }
        });
      }
      listen(connection.query('SELECT 1'));
      listen(connection.query('SELECT 2'));
      connection.query('SELECT 3', function (err, rows) {
        assert.ifError(err);
        assert.strictEqual(rows.length, 50);
        assert.strictEqual(received.length, 100);
        assert.strictEqual(received[49], 'SELECT 1 #49');
        assert.strictEqual(received[50], 'SELECT 2 #0');
        done();
      });
    });
  });

  itOwn('a fatal error while commands are in flight reaches each of them once', function (done) {
    arrivals(function (conn) {
      conn.on('query', function (packet) {
        if (packet.sql === 'SELECT 1') conn.ok();
        else conn.destroy();
      });
    });
    connected({}, function (connection) {
      const errors = [];
      connection.on('error', function () { assert.fail('no error event: every command has a callback'); });
      connection.query('SELECT 1', function (err) { assert.ifError(err); });
      for (const sql of ['SELECT 2', 'SELECT 3', 'SELECT 4']) {
        connection.query(sql, function (err) {
          errors.push(err);
          if (errors.length < 3) return;
          assert.strictEqual(errors[0].code, 'PROTOCOL_CONNECTION_LOST');
          assert.ok(errors.every(function (e) { return e === errors[0] && e.fatal === true; }));
          done();
        });
      }
    });
  });

  itOwn('fails fatally if the server asks for a local file behind which commands were already sent', function (done) {
    arrivals(function (conn) {
      conn.on('query', function (packet) {
        if (packet.sql === 'SELECT 1') conn.writePacket(new conn.Packets.LocalInfileRequestPacket({ filename: '/etc/passwd' }));
      });
    });
    connected({}, function (connection) {
      const errors = [];
      function collect(err) {
        errors.push(err);
        if (errors.length < 2) return;
        assert.strictEqual(errors[0].code, 'PROTOCOL_UNEXPECTED_PACKET');
        assert.strictEqual(errors[0].fatal, true);
        assert.strictEqual(errors[1], errors[0]);
        done();
      }
      connection.query('SELECT 1', collect);
      connection.query('SELECT 2', collect);
    });
  });
});
