'use strict';

// A query is an EventEmitter like any other: its events object is pre-shaped for speed (Sequence.ts), which
// must change nothing code can see, whatever the event names.

const assert = require('assert');
const common = require('../../support/common');

describe('query: an ordinary EventEmitter', function () {
  const fake = common.useFakeServer();

  it('treats the names of Object.prototype members as events without listeners', function () {
    const query = common.mysql.createQuery('SELECT 1');
    ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'].forEach(function (name) {
      assert.strictEqual(query.listenerCount(name), 0, name);
      assert.strictEqual(query.emit(name), false, name);
    });
    const seen = [];
    query.on('constructor', function (value) { seen.push(value); });
    assert.strictEqual(query.emit('constructor', 7), true);
    assert.deepStrictEqual(seen, [7]);
  });

  it('lists only the events that have listeners, and forgets a removed one', function () {
    const query = common.mysql.createQuery('SELECT 1');
    assert.deepStrictEqual(query.eventNames(), []);
    const onEnd = function () {};
    query.on('end', onEnd);
    query.on('fields', function () {});
    assert.deepStrictEqual(query.eventNames().sort(), ['end', 'fields']);
    query.removeListener('end', onEnd);
    assert.deepStrictEqual(query.eventNames(), ['fields']);
    assert.strictEqual(query.emit('end'), false);
  });

  it("emits 'removeListener' when a listener of the protocol's events is removed", function () {
    const query = common.mysql.createQuery('SELECT 1');
    const removed = [];
    query.on('removeListener', function (name) { removed.push(name); });
    const onEnd = function () {};
    query.on('end', onEnd);
    query.removeListener('end', onEnd);
    assert.deepStrictEqual(removed, ['end']);
  });

  it('calls its own listeners next to the connection\'s, in the order they were added', function (done) {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.ok(); });
    });
    const connection = fake.createConnection();
    const order = [];
    const query = connection.query('SELECT 1', function (err) {
      assert.ifError(err);
      order.push('callback');
    });
    query.on('end', function () {
      order.push('end');
      assert.deepStrictEqual(order, ['callback', 'end']);
      assert.strictEqual(query.listenerCount('end'), 2); // the connection's own and this one
      connection.destroy();
      done();
    });
  });
});
