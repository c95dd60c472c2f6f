'use strict';

// The protocol listens to every sequence it queues ('error', 'packet', 'timeout', 'end'). A sequence that nothing
// listens to yet gets those listeners written into its events object directly (Sequence.listenFirst); what code
// can see of them must be what four on() calls leave, and a sequence that has listeners already must get them
// through on(), after its own.

const assert = require('assert');
const path = require('path');
const util = require('util');
const common = require('../../support/common');

const Sequence = require(path.join(common.lib, 'protocol/sequences/Sequence'));
const Packets = require(path.join(common.lib, 'protocol/packets'));

const PROTOCOL_EVENTS = ['end', 'error', 'packet', 'timeout'];

function Custom(callback) {
  Sequence.call(this, {}, callback);
}
util.inherits(Custom, Sequence);
// A ping of its own, which ends with the server's OK.
Custom.prototype.start = function () {
  this.emit('packet', new Packets.ComPingPacket());
};
Custom.prototype.OkPacket = function () {
  this.end(null);
};

describe('protocol: the listeners it puts on queued sequences', function () {
  const fake = common.useFakeServer();

  it('a new query has one listener per protocol event, which later listeners follow and removal finds', function (done) {
    const connection = fake.createConnection();
    const query = connection.query('SELECT 1', function (err) {
      assert.ifError(err);
    });
    assert.deepStrictEqual(query.eventNames().slice().sort(), PROTOCOL_EVENTS);
    PROTOCOL_EVENTS.forEach((name) => assert.strictEqual(query.listenerCount(name), 1, name));

    const protocolEnd = query.listeners('end')[0];
    const userEnd = function () {
      // The protocol's listener ran first: it took the query off the queue.
      assert.strictEqual(connection._protocol._queue.indexOf(query), -1);
      connection.end(done);
    };
    query.on('end', userEnd);
    assert.deepStrictEqual(query.listeners('end'), [protocolEnd, userEnd]);

    const extra = () => {};
    query.on('timeout', extra);
    query.removeListener('timeout', extra);
    assert.strictEqual(query.listenerCount('timeout'), 1);
  });

  it('a sequence listened to before it is queued keeps its own listeners ahead of the protocol\'s', function (done) {
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      const seen = [];
      const sequence = new Custom(assert.ifError);
      const own = () => seen.push('own end, queue length ' + connection._protocol._queue.length);
      sequence.on('end', own);
      connection._protocol._enqueue(sequence);
      assert.strictEqual(sequence.listeners('end')[0], own);
      assert.strictEqual(sequence.listenerCount('end'), 2);
      sequence.on('end', function () {
        // The protocol's listener, between the two, took the sequence off the queue.
        seen.push('later end, queue length ' + connection._protocol._queue.length);
        assert.deepStrictEqual(seen, ['own end, queue length 1', 'later end, queue length 0']);
        connection.end(done);
      });
    });
  });

  it('a sequence watched for new listeners is told of each of the protocol\'s, as on() tells', function (done) {
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      const announced = [];
      const sequence = new Custom(function (endErr) {
        assert.ifError(endErr);
        assert.deepStrictEqual(announced.slice().sort(), PROTOCOL_EVENTS);
        connection.end(done);
      });
      sequence.on('newListener', (name) => announced.push(name));
      connection._protocol._enqueue(sequence);
    });
  });
});
