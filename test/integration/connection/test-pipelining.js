'use strict';

// Pipelining against the real server: commands queued on one connection are written without waiting for the
// replies ahead of them. Every documented behaviour must stay as it was: each callback gets its own result, in
// order, errors and session state stay with their command, and a fatal error or destroy() reaches every queued
// callback exactly once. Most cases run twice, pipelined and with `pipelining: false`, with the same assertions.

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const common = require('../../support/common');
const { useFixtures, uniqueName } = require('../helpers');

// Rows 1 to 899 come back, then the scalar subquery returns two rows: an error packet in the middle of the rows.
const MID_RESULT_ERROR_SQL = 'SELECT seq, IF(seq < 900, seq, (SELECT seq FROM seq_1_to_2)) AS v FROM seq_1_to_1000';

// Values: [file path, table name].
const LOAD_SQL = "LOAD DATA LOCAL INFILE ? INTO TABLE ?? FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' " +
  "LINES TERMINATED BY '\\n' (id, label)";

const MODES = [
  { title: 'pipelined', options: {} },
  { title: 'pipelining: false', options: { pipelining: false } },
];

function connected(conn) {
  return new Promise(function (resolve, reject) {
    conn.connect(function (err) { if (err) reject(err); else resolve(); });
  });
}

function wait(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

// How many queued commands have been written behind the one the server is answering. Internal state, read only
// to make sure the pipelined runs really do pipeline (otherwise this file would pass without testing anything).
function writtenAhead(conn) {
  return conn._protocol._sent - 1;
}

function assertPipelined(conn, mode, expected) {
  if (mode.options.pipelining === false) assert.strictEqual(writtenAhead(conn), 0);
  else assert.strictEqual(writtenAhead(conn), expected, 'commands written ahead');
}

// Hands out callbacks that record their label and arguments in the order they are called. done() resolves once
// as many calls as callbacks have come in, and a little later, so that a second call of any of them would show.
function recorder() {
  const calls = [];
  let expected = 0;
  let resolve;
  const finished = new Promise(function (r) { resolve = r; });
  return {
    calls: calls,
    cb: function (label) {
      expected++;
      return function () {
        calls.push({ label: label, args: Array.prototype.slice.call(arguments) });
        if (calls.length === expected) setTimeout(resolve, 50);
      };
    },
    done: function () { return finished; },
    labels: function () { return calls.map(function (c) { return c.label; }); },
    // The arguments of the one call of this callback.
    args: function (label) {
      const found = calls.filter(function (c) { return c.label === label; });
      assert.strictEqual(found.length, 1, label + ' called ' + found.length + ' times');
      return found[0].args;
    },
  };
}

// Queues each [label, sql] at once, checks how many commands went out ahead (assertPipelined), waits for every
// callback and checks that they ran in queue order; the recorder then holds their arguments.
async function runQueued(conn, mode, sentAhead, queries) {
  const rec = recorder();
  queries.forEach(function (query) { conn.query(query[1], rec.cb(query[0])); });
  assertPipelined(conn, mode, sentAhead);
  await rec.done();
  assert.deepStrictEqual(rec.labels(), queries.map(function (query) { return query[0]; }));
  return rec;
}

// Rows as plain objects (RowDataPacket has its own prototype), for deepStrictEqual.
function plain(rows) {
  return rows.map(function (row) { return Object.assign({}, row); });
}

// A query that timed out goes on running on the server after the client has closed the socket: end it there too.
async function killOnServer(fx, threadId) {
  const admin = fx.connect();
  try {
    await fx.run(admin, 'KILL ?', [threadId]);
  } catch (err) {
    if (err.code !== 'ER_NO_SUCH_THREAD') throw err;
  }
}

// 'error' events on the connection: none may come while every command has a callback.
function errorEvents(conn) {
  const events = [];
  conn.on('error', function (err) { events.push(err); });
  return events;
}

describe('integration: pipelining', function () {
  const fx = useFixtures();
  const dirs = [];

  afterEach(function () {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('1000 queries queued at once each get their own result, in order, the same as with pipelining: false', async function () {
    const COUNT = 1000;
    async function runAll(mode) {
      const conn = fx.connect(mode.options);
      await connected(conn);
      const rec = recorder();
      // A column name of its own per query too, so that fields are checked as well as values.
      for (let i = 0; i < COUNT; i++) conn.query('SELECT ? AS ??', [i, 'c' + i], rec.cb(i));
      assertPipelined(conn, mode, COUNT - 1);
      await rec.done();
      assert.deepStrictEqual(rec.labels(), Array.from({ length: COUNT }, function (_, i) { return i; }));
      return rec.calls.map(function (call) {
        const [err, rows, fields] = call.args;
        assert.ifError(err);
        return { rows: plain(rows), field: fields[0].name };
      });
    }

    const pipelined = await runAll(MODES[0]);
    for (let i = 0; i < COUNT; i++) {
      assert.deepStrictEqual(pipelined[i], { rows: [{ ['c' + i]: i }], field: 'c' + i }, 'query ' + i);
    }
    const sequential = await runAll(MODES[1]);
    assert.deepStrictEqual(pipelined, sequential);
  });

  it('batches each queued by the last callback of the one before keep every result in order', function (done) {
    // The queue then never drains, and its array is renewed as it goes (Protocol.ts, QUEUE_RENEWAL).
    const BATCH = 100;
    const BATCHES = 5;
    const conn = fx.connect();
    const seen = [];
    function queueBatch(batch) {
      for (let i = 0; i < BATCH; i++) {
        const n = batch * BATCH + i;
        conn.query('SELECT ? AS n', [n], function (err, rows) {
          if (err) return done(err);
          seen.push(rows[0].n);
          if (i < BATCH - 1) return;
          if (batch + 1 < BATCHES) return queueBatch(batch + 1);
          assert.deepStrictEqual(seen, Array.from({ length: BATCH * BATCHES }, function (_, k) { return k; }));
          conn.end(done);
        });
      }
    }
    queueBatch(0);
  });

  for (const mode of MODES) {
    describe(mode.title, function () {
      it('a mix of queries, a failing query, ping and statistics each get their own result', async function () {
        const table = fx.table('pl_mix');
        const missing = uniqueName('pl_missing');
        const conn = fx.connect(mode.options);
        await fx.run(conn, 'CREATE TABLE ?? (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(20)) ENGINE=InnoDB',
          [table]);
        const events = errorEvents(conn);

        const rec = recorder();
        conn.query('SELECT 1 AS a', rec.cb('first'));
        conn.query('SELEC 2', rec.cb('syntax'));
        conn.query('SELECT seq FROM seq_1_to_5', rec.cb('rows'));
        // Fails after 899 rows have been sent: the error packet comes in the middle of the result set.
        conn.query(MID_RESULT_ERROR_SQL, rec.cb('midResult'));
        conn.query('INSERT INTO ?? (label) VALUES (?), (?)', [table, 'x', 'y'], rec.cb('insert'));
        conn.ping(rec.cb('ping'));
        conn.statistics(rec.cb('statistics'));
        conn.query('SELECT * FROM ??', [missing], rec.cb('missing'));
        conn.query('UPDATE ?? SET label = ? WHERE id = ?', [table, 'z', 2], rec.cb('update'));
        conn.query('SELECT id, label FROM ?? ORDER BY id', [table], rec.cb('after'));
        assertPipelined(conn, mode, 9);
        await rec.done();

        assert.deepStrictEqual(rec.labels(),
          ['first', 'syntax', 'rows', 'midResult', 'insert', 'ping', 'statistics', 'missing', 'update', 'after']);

        let [err, rows, fields] = rec.args('first');
        assert.ifError(err);
        assert.deepStrictEqual(plain(rows), [{ a: 1 }]);
        assert.strictEqual(fields[0].name, 'a');

        [err, rows] = rec.args('syntax');
        assert.ok(err, 'expected a syntax error');
        assert.strictEqual(err.code, 'ER_PARSE_ERROR');
        assert.strictEqual(err.errno, 1064);
        assert.strictEqual(err.sqlState, '42000');
        assert.strictEqual(err.sql, 'SELEC 2');
        assert.strictEqual(err.fatal, undefined, 'mysqljs leaves fatal unset on query errors');

        [err, rows, fields] = rec.args('rows');
        assert.ifError(err);
        assert.deepStrictEqual(plain(rows), [1, 2, 3, 4, 5].map(function (seq) { return { seq: seq }; }));
        assert.strictEqual(fields[0].name, 'seq');

        [err] = rec.args('midResult');
        assert.ok(err, 'expected ER_SUBQUERY_NO_1_ROW');
        assert.strictEqual(err.code, 'ER_SUBQUERY_NO_1_ROW');
        assert.strictEqual(err.sql, MID_RESULT_ERROR_SQL);
        assert.strictEqual(err.fatal, undefined);

        [err, rows] = rec.args('insert');
        assert.ifError(err);
        assert.strictEqual(rows.constructor.name, 'OkPacket');
        assert.strictEqual(rows.affectedRows, 2);
        assert.strictEqual(rows.insertId, 1);

        assert.deepStrictEqual(rec.args('ping').slice(0, 1), [null]);

        const [statsErr, stats] = rec.args('statistics');
        assert.ifError(statsErr);
        assert.match(stats.message, /^Uptime: \d+ {2}Threads: \d+ {2}Questions: \d+/);
        assert.strictEqual(typeof stats.uptime, 'number');

        [err] = rec.args('missing');
        assert.ok(err, 'expected ER_NO_SUCH_TABLE');
        assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
        assert.strictEqual(err.sql, 'SELECT * FROM `' + missing + '`');
        assert.strictEqual(err.fatal, undefined);

        [err, rows] = rec.args('update');
        assert.ifError(err);
        assert.strictEqual(rows.affectedRows, 1);
        assert.strictEqual(rows.changedRows, 1);

        [err, rows] = rec.args('after');
        assert.ifError(err);
        assert.deepStrictEqual(plain(rows), [{ id: 1, label: 'x' }, { id: 2, label: 'z' }]);

        assert.deepStrictEqual(events, []);
        assert.strictEqual(conn.state, 'authenticated');
        const { results } = await fx.run(conn, 'SELECT 42 AS n');
        assert.strictEqual(results[0].n, 42);
      });

      it('user variables set by queued queries are seen by the ones behind them, in order', async function () {
        const conn = fx.connect(mode.options);
        await connected(conn);
        const rec = await runQueued(conn, mode, 3, [
          ['set1', 'SET @x = 1'], ['get1', 'SELECT @x AS x'], ['set2', 'SET @x = 2'], ['get2', 'SELECT @x AS x'],
        ]);
        assert.ifError(rec.args('set1')[0]);
        assert.ifError(rec.args('set2')[0]);
        assert.deepStrictEqual([rec.args('get1')[0], plain(rec.args('get1')[1])], [null, [{ x: 1 }]]);
        assert.deepStrictEqual([rec.args('get2')[0], plain(rec.args('get2')[1])], [null, [{ x: 2 }]]);
      });

      it('multiple-statement queries queued at once each get their own result sets', async function () {
        const conn = fx.connect(Object.assign({ multipleStatements: true }, mode.options));
        await connected(conn);
        const rec = await runQueued(conn, mode, 3, [
          ['two', 'SELECT 1 AS a; SELECT 2 AS b, 3 AS c'],
          ['failing', 'SELECT 4 AS d; SELEC 5; SELECT 6 AS e'],
          ['setGet', 'SET @m = 7; SELECT @m AS m'],
          ['single', 'SELECT 8 AS f'],
        ]);
        let [err, results] = rec.args('two');
        assert.ifError(err);
        assert.deepStrictEqual(results.map(plain), [[{ a: 1 }], [{ b: 2, c: 3 }]]);
        [err] = rec.args('failing');
        assert.ok(err, 'expected a syntax error');
        assert.strictEqual(err.code, 'ER_PARSE_ERROR');
        assert.strictEqual(err.index, 1, 'the second statement failed');
        [err, results] = rec.args('setGet');
        assert.ifError(err);
        assert.strictEqual(results[0].constructor.name, 'OkPacket');
        assert.deepStrictEqual(plain(results[1]), [{ m: 7 }]);
        [err, results] = rec.args('single');
        assert.ifError(err);
        assert.deepStrictEqual(plain(results), [{ f: 8 }]);
      });

      it('a transaction queued at once: beginTransaction, INSERT, rollback leave no rows', async function () {
        const table = fx.table('pl_tx');
        const conn = fx.connect(mode.options);
        await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY) ENGINE=InnoDB', [table]);
        const rec = recorder();
        conn.beginTransaction(rec.cb('begin'));
        conn.query('INSERT INTO ?? (id) VALUES (1), (2)', [table], rec.cb('insert'));
        conn.query('SELECT COUNT(*) AS n FROM ??', [table], rec.cb('inside'));
        conn.rollback(rec.cb('rollback'));
        conn.query('SELECT COUNT(*) AS n FROM ??', [table], rec.cb('after'));
        assertPipelined(conn, mode, 4);
        await rec.done();

        assert.deepStrictEqual(rec.labels(), ['begin', 'insert', 'inside', 'rollback', 'after']);
        assert.ifError(rec.args('begin')[0]);
        assert.ifError(rec.args('insert')[0]);
        assert.strictEqual(rec.args('insert')[1].affectedRows, 2);
        assert.ifError(rec.args('rollback')[0]);
        assert.deepStrictEqual(plain(rec.args('inside')[1]), [{ n: 2 }]);
        assert.deepStrictEqual(plain(rec.args('after')[1]), [{ n: 0 }]);

        const observer = fx.connect();
        const { results } = await fx.run(observer, 'SELECT COUNT(*) AS n FROM ??', [table]);
        assert.strictEqual(results[0].n, 0);
      });

      it('LOAD DATA LOCAL INFILE between queued queries loads the file, and the queries behind it see the rows',
        async function () {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-ts-pipelining-'));
          dirs.push(dir);
          const file = path.join(dir, 'data.csv');
          fs.writeFileSync(file, '1,"one"\n2,"two, with a comma"\n3,"three"\n');
          const table = fx.table('pl_infile');
          const admin = fx.connect();
          const { results: before } = await fx.run(admin, 'SELECT @@GLOBAL.local_infile AS v');
          fx.onCleanup('SET GLOBAL local_infile = ' + Number(before[0].v));
          await fx.run(admin, 'SET GLOBAL local_infile = 1');
          await fx.run(admin, 'CREATE TABLE ?? (id INT PRIMARY KEY, label VARCHAR(100)) ENGINE=InnoDB', [table]);

          const conn = fx.connect(Object.assign({ localInfile: true }, mode.options));
          await connected(conn);
          const rec = recorder();
          conn.query('INSERT INTO ?? (id, label) VALUES (100, ?)', [table, 'before'], rec.cb('insert'));
          conn.query('SELECT COUNT(*) AS n FROM ??', [table], rec.cb('countBefore'));
          conn.query(LOAD_SQL, [file, table], rec.cb('load'));
          conn.query('SELECT COUNT(*) AS n FROM ??', [table], rec.cb('countAfter'));
          conn.query('SELECT id, label FROM ?? ORDER BY id', [table], rec.cb('rows'));
          conn.query(LOAD_SQL, [path.join(dir, 'missing.csv'), table], rec.cb('missingFile'));
          conn.query('SELECT COUNT(*) AS n FROM ??', [table], rec.cb('countLast'));
          conn.ping(rec.cb('ping'));
          // Written: the INSERT, the COUNT behind it and the LOAD; nothing behind the LOAD until it has ended.
          assertPipelined(conn, mode, 2);
          await rec.done();

          assert.deepStrictEqual(rec.labels(),
            ['insert', 'countBefore', 'load', 'countAfter', 'rows', 'missingFile', 'countLast', 'ping']);
          for (const call of rec.calls) if (call.label !== 'missingFile') assert.ifError(call.args[0]);
          assert.deepStrictEqual(plain(rec.args('countBefore')[1]), [{ n: 1 }]);
          const load = rec.args('load')[1];
          assert.strictEqual(load.affectedRows, 3);
          assert.match(load.message, /Records: 3 {2}Deleted: 0 {2}Skipped: 0 {2}Warnings: 0$/);
          assert.deepStrictEqual(plain(rec.args('countAfter')[1]), [{ n: 4 }]);
          assert.deepStrictEqual(plain(rec.args('rows')[1]), [
            { id: 1, label: 'one' },
            { id: 2, label: 'two, with a comma' },
            { id: 3, label: 'three' },
            { id: 100, label: 'before' },
          ]);
          const missingErr = rec.args('missingFile')[0];
          assert.ok(missingErr, 'expected ENOENT');
          assert.strictEqual(missingErr.code, 'ENOENT');
          assert.deepStrictEqual(plain(rec.args('countLast')[1]), [{ n: 4 }]);
        });

      it('changeUser between queued queries: those before it see the old database, those behind it the new one',
        async function () {
          const other = uniqueName('pl_db');
          const admin = fx.connect();
          await fx.run(admin, 'CREATE DATABASE ??', [other]);
          fx.onCleanup('DROP DATABASE IF EXISTS ' + common.mysql.escapeId(other));

          const conn = fx.connect(mode.options);
          await connected(conn);
          const rec = recorder();
          conn.query('SET @v = 5', rec.cb('set'));
          conn.query('SELECT DATABASE() AS db, @v AS v', rec.cb('before'));
          conn.changeUser({ database: other }, rec.cb('changeUser'));
          conn.query('SELECT DATABASE() AS db, @v AS v', rec.cb('after'));
          conn.query('SELECT ? AS n', [7], rec.cb('more'));
          // The SET and the first SELECT go ahead of their replies, changeUser goes once they are in.
          assertPipelined(conn, mode, 1);
          await rec.done();

          assert.deepStrictEqual(rec.labels(), ['set', 'before', 'changeUser', 'after', 'more']);
          for (const call of rec.calls) assert.ifError(call.args[0]);
          assert.deepStrictEqual(plain(rec.args('before')[1]), [{ db: common.config().database, v: 5 }]);
          // changeUser resets the session: the variable is gone.
          assert.deepStrictEqual(plain(rec.args('after')[1]), [{ db: other, v: null }]);
          assert.deepStrictEqual(plain(rec.args('more')[1]), [{ n: 7 }]);
        });

      it('a query timeout fails it and every query queued behind it with the same fatal error', async function () {
        const conn = fx.connect(mode.options);
        await connected(conn);
        const events = errorEvents(conn);
        const rec = recorder();
        conn.query({ sql: 'SELECT SLEEP(2) AS s', timeout: 100 }, rec.cb('sleep'));
        conn.query('SELECT 1 AS n', rec.cb('q1'));
        conn.query('SELECT 2 AS n', rec.cb('q2'));
        assertPipelined(conn, mode, 2);
        await rec.done();

        assert.deepStrictEqual(rec.labels(), ['sleep', 'q1', 'q2']);
        const err = rec.args('sleep')[0];
        assert.ok(err, 'expected a timeout');
        assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
        assert.strictEqual(err.message, 'Query inactivity timeout');
        assert.strictEqual(err.fatal, true);
        assert.strictEqual(err.timeout, 100);
        assert.strictEqual(rec.args('q1')[0], err);
        assert.strictEqual(rec.args('q2')[0], err);
        assert.strictEqual(rec.args('q1').length, 1, 'no results for a failed query');
        assert.deepStrictEqual(events, []);

        const late = await new Promise(function (resolve) { conn.query('SELECT 3', resolve); });
        assert.ok(late, 'expected an error');
        assert.strictEqual(late.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
        assert.strictEqual(late.fatal, false);
        await killOnServer(fx, conn.threadId);
      });

      it('the timeout of a queued query counts from when the one ahead of it has ended', async function () {
        const conn = fx.connect(mode.options);
        await connected(conn);
        const rec = recorder();
        conn.query('SELECT SLEEP(0.3) AS s', rec.cb('sleep'));
        // Written at once when pipelined, but its 150 ms start only once the 300 ms sleep has been answered.
        conn.query({ sql: 'SELECT 1 AS n', timeout: 150 }, rec.cb('queued'));
        assertPipelined(conn, mode, 1);
        await rec.done();

        assert.deepStrictEqual(rec.labels(), ['sleep', 'queued']);
        assert.ifError(rec.args('sleep')[0]);
        assert.deepStrictEqual(plain(rec.args('sleep')[1]), [{ s: 0 }]);
        assert.ifError(rec.args('queued')[0]);
        assert.deepStrictEqual(plain(rec.args('queued')[1]), [{ n: 1 }]);
      });

      it('a queued query that times out itself fails with the same fatal error as those behind it', async function () {
        const conn = fx.connect(mode.options);
        await connected(conn);
        const events = errorEvents(conn);
        const rec = recorder();
        conn.query('SELECT 1 AS n', rec.cb('first'));
        conn.query({ sql: 'SELECT SLEEP(2) AS s', timeout: 100 }, rec.cb('sleep'));
        conn.query('SELECT 3 AS n', rec.cb('behind'));
        assertPipelined(conn, mode, 2);
        await rec.done();

        assert.deepStrictEqual(rec.labels(), ['first', 'sleep', 'behind']);
        assert.ifError(rec.args('first')[0]);
        assert.deepStrictEqual(plain(rec.args('first')[1]), [{ n: 1 }]);
        const err = rec.args('sleep')[0];
        assert.ok(err, 'expected a timeout');
        assert.strictEqual(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
        assert.strictEqual(err.fatal, true);
        assert.strictEqual(err.timeout, 100);
        assert.strictEqual(rec.args('behind')[0], err);
        assert.deepStrictEqual(events, []);
        await killOnServer(fx, conn.threadId);
      });

      it('the server killing the connection fails the running query and every queued one once, alike',
        async function () {
          const victim = fx.connect(mode.options);
          const killer = fx.connect();
          await Promise.all([connected(victim), connected(killer)]);
          const events = errorEvents(victim);
          const rec = recorder();
          victim.query('SELECT SLEEP(5) AS s', rec.cb('sleep'));
          const labels = ['sleep'];
          for (let i = 0; i < 5; i++) {
            victim.query('SELECT ? AS n', [i], rec.cb('q' + i));
            labels.push('q' + i);
          }
          victim.ping(rec.cb('ping'));
          labels.push('ping');
          assertPipelined(victim, mode, 6);

          // Kill once the server is running the sleep.
          for (let i = 0; ; i++) {
            const { results } = await fx.run(killer, 'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST ' +
              "WHERE ID = ? AND INFO LIKE 'SELECT SLEEP(5)%'", [victim.threadId]);
            if (results[0].n === 1) break;
            assert.ok(i < 200, 'the sleep never showed in the process list');
            await wait(10);
          }
          await fx.run(killer, 'KILL ?', [victim.threadId]);
          await rec.done();

          assert.deepStrictEqual(rec.labels(), labels);
          const err = rec.args('sleep')[0];
          assert.ok(err, 'expected the sleep to fail');
          assert.strictEqual(err.fatal, true);
          // MariaDB may send ER_CONNECTION_KILLED before it closes the socket; it closes without it here.
          assert.ok(['PROTOCOL_CONNECTION_LOST', 'ER_CONNECTION_KILLED'].includes(err.code), err.code);
          for (const label of labels) {
            assert.strictEqual(rec.args(label)[0], err, label + ' gets the same error');
            assert.strictEqual(rec.args(label).length, 1, label + ' gets no results');
          }
          assert.deepStrictEqual(events, []);
          assert.strictEqual(victim.state, 'disconnected');
        });

      it('pause() and resume() during a large result hold back its rows and those of the query behind it',
        async function () {
          const TOTAL = 20000;
          const conn = fx.connect(mode.options);
          await connected(conn);

          const seqs = [];
          let paused = false;
          let rowsWhilePaused = 0;
          let pauses = 0;
          let firstEnded = false;
          const order = [];
          const first = conn.query('SELECT seq FROM seq_1_to_' + TOTAL);
          first.on('error', function (err) { order.push(['first error', err]); });
          first.on('fields', function (fields) { order.push(['first fields', fields.map(function (f) { return f.name; })]); });
          first.on('result', function (row) {
            if (paused) rowsWhilePaused++;
            seqs.push(row.seq);
            if (seqs.length === 1000 || seqs.length === 10000) {
              paused = true;
              pauses++;
              conn.pause();
              setTimeout(function () {
                paused = false;
                conn.resume();
              }, 50);
            }
          });
          first.on('end', function () { firstEnded = true; order.push(['first end']); });

          const second = new Promise(function (resolve) {
            conn.query('SELECT seq * 2 AS d FROM seq_1_to_300', function (err, rows, fields) {
              order.push(['second', firstEnded]);
              resolve([err, rows, fields]);
            });
          });
          assertPipelined(conn, mode, 1);
          const [err, rows, fields] = await second;

          assert.deepStrictEqual(order, [['first fields', ['seq']], ['first end'], ['second', true]]);
          assert.strictEqual(pauses, 2);
          assert.strictEqual(rowsWhilePaused, 0, 'rows arrived while paused');
          assert.strictEqual(seqs.length, TOTAL);
          for (let i = 0; i < TOTAL; i++) {
            if (seqs[i] !== i + 1) assert.fail('row ' + i + ' is ' + seqs[i]);
          }
          assert.ifError(err);
          assert.strictEqual(fields[0].name, 'd');
          assert.deepStrictEqual(plain(rows), Array.from({ length: 300 }, function (_, i) { return { d: 2 * (i + 1) }; }));
        });

      it('destroy() in the first callback fails each queued command once with PROTOCOL_CONNECTION_DESTROYED',
        async function () {
          const conn = fx.connect(mode.options);
          await connected(conn);
          const events = errorEvents(conn);
          const rec = recorder();
          const firstCallback = rec.cb('first');
          conn.query('SELECT 1 AS one', function (err, rows) {
            firstCallback(err, rows);
            conn.destroy();
          });
          const labels = ['first'];
          for (let i = 0; i < 20; i++) {
            conn.query('SELECT ? AS n', [i], rec.cb('q' + i));
            labels.push('q' + i);
          }
          conn.query('SELECT seq FROM seq_1_to_1000', rec.cb('rows'));
          conn.ping(rec.cb('ping'));
          conn.statistics(rec.cb('statistics'));
          labels.push('rows', 'ping', 'statistics');
          assertPipelined(conn, mode, 23);
          await rec.done();

          assert.deepStrictEqual(rec.labels(), labels);
          const [firstErr, firstRows] = rec.args('first');
          assert.ifError(firstErr);
          assert.deepStrictEqual(plain(firstRows), [{ one: 1 }]);
          const err = rec.args('q0')[0];
          assert.ok(err, 'expected the queued queries to fail');
          assert.strictEqual(err.code, 'PROTOCOL_CONNECTION_DESTROYED');
          assert.strictEqual(err.fatal, true);
          for (const label of labels.slice(1)) {
            assert.strictEqual(rec.args(label)[0], err, label + ' gets the same error');
            assert.strictEqual(rec.args(label).length, 1, label + ' gets no results');
          }
          assert.deepStrictEqual(events, []);
          assert.strictEqual(conn.state, 'disconnected');
        });
    });
  }
});
