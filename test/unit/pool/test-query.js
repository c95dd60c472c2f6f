'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { usePools, delay } = require('../../support/pool-fixtures');

describe('pool: query()', function () {
  const fake = common.useFakeServer();
  const pools = usePools(fake);

  // Answers every query with one row: the SQL text received and the server thread that ran it.
  function echoServer() {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function (packet) {
        if (/^FAIL/.test(packet.sql)) {
          conn.error("Table 'test.nope' doesn't exist", 1146, '42S02');
          return;
        }
        conn.sendResultSet(['sql', 'thread'], [[packet.sql, conn.threadId]]);
      });
    });
  }

  it('runs the query on a pool connection and releases it when the query ends', function (done) {
    echoServer();
    const pool = pools.create();
    pool.query('SELECT ?', [42], function (err, rows, fields) {
      assert.ifError(err);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(rows)), [{ sql: 'SELECT 42', thread: '1' }]);
      assert.strictEqual(fields[0].name, 'sql');
      setImmediate(function () {
        assert.strictEqual(pool._freeConnections.length, 1);
        done();
      });
    });
  });

  it('accepts the sql, options-object and Query-object call forms', async function () {
    echoServer();
    const pool = pools.create();
    const run = function () {
      const args = Array.from(arguments);
      return new Promise(function (resolve, reject) {
        pool.query.apply(pool, args.concat(function (err, rows) {
          if (err) reject(err);
          else resolve(rows[0].sql);
        }));
      });
    };
    assert.strictEqual(await run('SELECT 1'), 'SELECT 1');
    assert.strictEqual(await run({ sql: 'SELECT ?' }, ['a']), "SELECT 'a'");
    assert.strictEqual(await run({ sql: 'SELECT ?', values: [2] }), 'SELECT 2');

    const query = common.mysql.createQuery('SELECT ?', [3], function () {});
    const sql = await new Promise(function (resolve, reject) {
      query._callback = function (err, rows) {
        if (err) reject(err);
        else resolve(rows[0].sql);
      };
      assert.strictEqual(pool.query(query), query);
    });
    assert.strictEqual(sql, 'SELECT 3');
  });

  it('returns the Query, whose events fire as on a connection', function (done) {
    echoServer();
    const pool = pools.create();
    const Query = require(path.join(common.lib, 'protocol', 'sequences', 'Query'));
    const events = [];
    const query = pool.query('SELECT 1');
    assert.ok(query instanceof Query);
    query
      .on('fields', function (fields) { events.push('fields:' + fields.length); })
      .on('result', function (row) { events.push('result:' + row.sql); })
      .on('end', function () {
        assert.deepStrictEqual(events, ['fields:2', 'result:SELECT 1']);
        done();
      });
  });

  it('streams rows through query().stream()', function (done) {
    echoServer();
    const pool = pools.create();
    const rows = [];
    pool.query('SELECT 7').stream()
      .on('data', function (row) { rows.push(row.sql); })
      .on('end', function () {
        assert.deepStrictEqual(rows, ['SELECT 7']);
        done();
      });
  });

  it('passes a server error to the callback and still releases the connection', function (done) {
    echoServer();
    const pool = pools.create();
    pool.query('FAIL', function (err) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      assert.strictEqual(err.sql, 'FAIL');
      setImmediate(function () {
        assert.strictEqual(pool._freeConnections.length, 1);
        done();
      });
    });
  });

  it('passes a getConnection failure to the callback once, then ends the query', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error('Access denied', 1045, '28000'); } });
    });
    const pool = pools.create();
    let calls = 0;
    const query = pool.query('SELECT 1', function (err) {
      calls++;
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
    });
    query.on('end', function () {
      setTimeout(function () {
        assert.strictEqual(calls, 1);
        done();
      }, 20);
    });
  });

  it('emits a getConnection failure as "error" on a query without callback', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake({ auth: function (packet, c) { c.error('Access denied', 1045, '28000'); } });
    });
    const pool = pools.create();
    pool.query('SELECT 1').on('error', function (err) {
      assert.strictEqual(err.code, 'ER_ACCESS_DENIED_ERROR');
      done();
    });
  });

  it('calls the callback that query._callback holds when the query ends', function (done) {
    echoServer();
    const pool = pools.create();
    const query = pool.query('SELECT 1', function () { done(new Error('the original callback ran')); });
    query._callback = function (err, rows) {
      assert.ifError(err);
      assert.strictEqual(rows[0].sql, 'SELECT 1');
      done();
    };
  });

  it('calls getConnection synchronously, even on a bare Object.create(Pool.prototype) (dd-trace probe)', function () {
    const Pool = require(path.join(common.lib, 'Pool'));
    const receiver = Object.assign(Object.create(Pool.prototype), { config: { connectionConfig: {} } });
    let dispatched = false;
    receiver.getConnection = function () { dispatched = true; };
    Pool.prototype.query.apply(receiver, ['SELECT 1', function () {}]);
    assert.strictEqual(dispatched, true);
  });

  it('applies the pool typeCast option, and a per-query typeCast over it', async function () {
    echoServer();
    const pool = pools.create({
      typeCast: function (field, next) { return field.name === 'sql' ? 'pool' : next(); },
    });
    const run = function (options) {
      return new Promise(function (resolve, reject) {
        pool.query(options, function (err, rows) {
          if (err) reject(err);
          else resolve(rows[0].sql);
        });
      });
    };
    assert.strictEqual(await run({ sql: 'SELECT 1' }), 'pool');
    assert.strictEqual(await run({ sql: 'SELECT 1', typeCast: false }).then(String), 'SELECT 1');
  });

  it('joins the caller stack to the stack of a query error (trace)', function (done) {
    echoServer();
    const pool = pools.create();
    (function callerOfPoolQuery() {
      pool.query('FAIL', function (err) {
        assert.match(err.stack, /--------------------/);
        assert.match(err.stack, /callerOfPoolQuery/);
        done();
      });
    })();
  });

  it('escapes values with the pool connection options', function () {
    const pool = pools.create({ timezone: 'Z', stringifyObjects: true });
    assert.strictEqual(pool.escape(new Date(Date.UTC(2020, 0, 2, 3, 4, 5))), "'2020-01-02 03:04:05.000'");
    assert.strictEqual(pool.escape({ a: 1 }), "'[object Object]'");
    assert.strictEqual(pool.escape("it's"), "'it\\'s'");
    assert.strictEqual(pool.escapeId('db.table'), '`db`.`table`');
  });

  it('runs queries on more connections at once, up to connectionLimit', async function () {
    const running = new Set();
    let most = 0;
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () {
        running.add(conn);
        most = Math.max(most, running.size);
        setTimeout(function () {
          running.delete(conn);
          conn.ok();
        }, 10);
      });
    });
    const pool = pools.create({ connectionLimit: 3 });
    await Promise.all(Array.from({ length: 12 }, function () {
      return new Promise(function (resolve, reject) {
        pool.query('DO 1', function (err) { if (err) reject(err); else resolve(); });
      });
    }));
    await delay(10);
    assert.strictEqual(most, 3);
    assert.strictEqual(pool._allConnections.length, 3);
    assert.strictEqual(pool._freeConnections.length, 3);
  });
});
