'use strict';

// The runtime shape that APM agents and older libraries rely on (DESIGN §1,
// "Runtime shape that third-party code relies on").

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const util = require('util');
const EventEmitter = require('events');
const common = require('../../support/common');

function ours(name) {
  return require(path.join(common.lib, name));
}

describe('contract: what instrumentation and subclasses rely on', function () {
  const fake = common.useFakeServer();

  // New Relic rewrites these files' source and only finds this assignment form.
  [['Connection', 'query'], ['Pool', 'getConnection'], ['Pool', 'query'], ['PoolNamespace', 'query']]
    .forEach(function (pair) {
      const file = pair[0];
      const method = pair[1];
      it('lib/' + file + '.js assigns ' + file + '.prototype.' + method + ' = function', function () {
        const source = fs.readFileSync(path.join(common.lib, file + '.js'), 'utf8');
        assert.match(source, new RegExp(file + '\\.prototype\\.' + method + '\\s*=\\s*function'));
      });
    });

  it('lets a util.inherits subclass call Sequence as a function', function () {
    const Sequence = ours('protocol/sequences/Sequence');
    function Custom(options, callback) {
      Sequence.call(this, options, callback);
    }
    util.inherits(Custom, Sequence);
    const callback = function () {};
    const sequence = new Custom({}, callback);
    assert.ok(sequence instanceof EventEmitter);
    assert.strictEqual(sequence._callback, callback);
  });

  it('lets a util.inherits subclass call Connection as a function', function () {
    const Connection = ours('Connection');
    const ConnectionConfig = ours('ConnectionConfig');
    function Custom(options) {
      Connection.call(this, options);
    }
    util.inherits(Custom, Connection);
    const connection = new Custom({ config: new ConnectionConfig({ host: '127.0.0.1' }) });
    assert.strictEqual(connection.state, 'disconnected');
    assert.strictEqual(connection.config.host, '127.0.0.1');
  });

  it('runs a custom sequence enqueued on connection._protocol and dispatches packets by class name', function (done) {
    const Sequence = ours('protocol/sequences/Sequence');
    const Packets = ours('protocol/packets');
    function Custom(callback) {
      Sequence.call(this, {}, callback);
    }
    util.inherits(Custom, Sequence);
    Custom.prototype.start = function () {
      this.emit('packet', new Packets.ComPingPacket());
    };
    Custom.prototype.OkPacket = function (packet) {
      this.end(null, 'custom handler saw ' + packet.constructor.name);
    };

    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      connection._protocol._enqueue(new Custom(function (err, result) {
        assert.ifError(err);
        assert.strictEqual(result, 'custom handler saw OkPacket');
        done();
      }));
    });
  });

  it('calls the query callback read from query._callback when the query ends', function (done) {
    const connection = fake.createConnection();
    const query = connection.query('SELECT 1', function () { done(new Error('the original callback ran')); });
    query._callback = function (err) {
      assert.ifError(err);
      done();
    };
  });

  it('Pool.prototype.query calls getConnection synchronously', function () {
    const pool = common.createPool({ connectionLimit: 1 });
    let called = false;
    pool.getConnection = function () { called = true; };
    pool.query('SELECT 1', function () {});
    assert.strictEqual(called, true);
  });

  it('does not make a Query thenable', function () {
    assert.strictEqual('then' in common.mysql.createQuery('SELECT 1'), false);
  });

  ['Connection', 'Pool', 'PoolCluster', 'PoolConnection', 'PoolNamespace', 'protocol/sequences/Query']
    .forEach(function (name) {
      // bluebird's promisifyAll refuses to run on such a prototype.
      it(name + ' has no prototype method whose name ends in Async', function () {
        let proto = ours(name).prototype;
        while (proto && proto !== EventEmitter.prototype && proto !== Object.prototype) {
          Object.getOwnPropertyNames(proto).forEach(function (key) {
            assert.ok(!/Async$/.test(key), name + ' has ' + key);
          });
          proto = Object.getPrototypeOf(proto);
        }
      });
    });

  it('exports neither execute nor version from the root module', function () {
    assert.strictEqual('execute' in common.mysql, false);
    assert.strictEqual('version' in common.mysql, false);
  });
});
