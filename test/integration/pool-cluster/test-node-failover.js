'use strict';

// A two-node cluster under load: the local MariaDB and a second mariadbd started here. The second is killed
// (SIGKILL) mid-load and restarted: the cluster must keep serving from the local node, take the dead node
// offline, and use it again once restoreNodeTimeout has passed and the server is back.

const assert = require('assert');
const common = require('../../support/common');
const { MariaDBServer, findMariaDB } = require('../../support/mariadb-server');
const { usePools, delay } = require('../../support/pool-fixtures');

const WORKERS = 20;
const RESTORE_NODE_TIMEOUT_MS = 1000;
const EVENT_TIMEOUT_MS = 10000;

describe('integration: pool cluster losing a node', function () {
  this.timeout(30000);
  const pools = usePools();
  let second = null;

  before(async function () {
    if (!findMariaDB()) this.skip();
    second = new MariaDBServer();
    await second.start();
  });

  after(async function () {
    if (second) await second.destroy();
  });

  function nextEvent(emitter, name) {
    return new Promise(function (resolve, reject) {
      const timer = setTimeout(function () { reject(new Error('no ' + name + ' event')); }, EVENT_TIMEOUT_MS);
      emitter.once(name, function (id) {
        clearTimeout(timer);
        resolve({ id: id, at: Date.now() });
      });
    });
  }

  it('serves from the other node, takes the killed node offline, and restores it after restoreNodeTimeout',
    async function () {
      const cluster = pools.cluster({ removeNodeErrorCount: 1, restoreNodeTimeout: RESTORE_NODE_TIMEOUT_MS });
      cluster.add('LOCAL', Object.assign(common.config(), { connectionLimit: 4 }));
      cluster.add('SECOND', second.config({ connectionLimit: 4 }));
      const localPort = await new Promise(function (resolve, reject) {
        cluster.of('LOCAL').query('SELECT @@port AS port', function (err, rows) {
          if (err) reject(err);
          else resolve(rows[0].port);
        });
      });
      assert.notStrictEqual(localPort, second.port);

      // Every query's outcome, in completion order: [time, port or error code].
      const outcomes = [];
      let issued = 0;
      let completed = 0;
      let stopping = false;
      const namespace = cluster.of('*');
      function worker() {
        return new Promise(function (resolve) {
          (function loop() {
            if (stopping) return resolve();
            issued++;
            let calls = 0;
            namespace.query('SELECT @@port AS port', function (err, rows) {
              calls++;
              assert.strictEqual(calls, 1, 'callback called twice');
              completed++;
              outcomes.push([Date.now(), err ? err.code : rows[0].port]);
              setImmediate(loop);
            });
          })();
        });
      }
      const since = function (time) {
        return outcomes.filter(function (outcome) { return outcome[0] > time; }).map(function (outcome) {
          return outcome[1];
        });
      };

      const workers = Array.from({ length: WORKERS }, worker);
      await delay(300);
      const before = since(0);
      assert.ok(before.indexOf(localPort) !== -1 && before.indexOf(second.port) !== -1, 'both nodes served');

      const offline = nextEvent(cluster, 'offline');
      await second.kill();
      const wentOffline = await offline;
      assert.strictEqual(wentOffline.id, 'SECOND');

      // The dead node is out of rotation: everything now runs on the local server.
      await delay(300);
      const whileOffline = since(wentOffline.at + 50);
      assert.ok(whileOffline.length > 50, 'queries kept running: ' + whileOffline.length);
      assert.deepStrictEqual(Array.from(new Set(whileOffline)), [localPort]);

      const online = nextEvent(cluster, 'online');
      await second.start();
      const cameBack = await online;
      assert.strictEqual(cameBack.id, 'SECOND');
      assert.ok(cameBack.at - wentOffline.at >= RESTORE_NODE_TIMEOUT_MS - 20,
        'back after ' + (cameBack.at - wentOffline.at) + ' ms');
      await delay(200);
      assert.ok(since(cameBack.at).indexOf(second.port) !== -1, 'the restored node serves again');

      stopping = true;
      await Promise.all(workers);
      assert.strictEqual(completed, issued);
      // Only queries that were running on the killed server may fail; connection attempts were retried.
      const failures = outcomes.filter(function (outcome) { return typeof outcome[1] === 'string'; });
      failures.forEach(function (outcome) {
        assert.ok(outcome[1] === 'PROTOCOL_CONNECTION_LOST' || outcome[1] === 'ECONNRESET', outcome[1]);
      });
      assert.ok(failures.length <= 8, failures.length + ' failures');

      await new Promise(function (resolve, reject) {
        cluster.end(function (err) { if (err) reject(err); else resolve(); });
      });
    });
});
