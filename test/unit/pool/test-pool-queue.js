'use strict';

// lib/poolQueue.js is mysql-ts's own module (mysqljs queues in a plain array).

const assert = require('assert');
const path = require('path');
const util = require('util');
const common = require('../../support/common');

(common.isUpstream ? describe.skip : describe)('pool: the wait queue (poolQueue)', function () {
  function createQueue() {
    const PoolQueue = require(path.join(common.lib, 'poolQueue'));
    return new PoolQueue();
  }

  function contents(queue) {
    return Array.from(queue.view);
  }

  it('is first in, first out across growth and wrap-around', function () {
    const queue = createQueue();
    const expected = [];
    let next = 0;
    // Uneven pushes and shifts move the head around the ring while it grows.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7; i++) {
        queue.push(next);
        expected.push(next++);
      }
      for (let i = 0; i < 5; i++) assert.strictEqual(queue.shift(), expected.shift());
    }
    assert.strictEqual(queue.length, expected.length);
    assert.deepStrictEqual(contents(queue), expected);
    assert.deepStrictEqual(queue.drain(), expected);
    assert.strictEqual(queue.length, 0);
    assert.strictEqual(queue.shift(), undefined);
  });

  it('puts an unshifted item first, also when the head is at the start of the buffer or it is full', function () {
    const queue = createQueue();
    queue.push('b');
    queue.unshift('a');
    assert.deepStrictEqual(contents(queue), ['a', 'b']);
    for (let i = 0; i < 14; i++) queue.push(i);
    queue.unshift('first'); // the 17th item: the buffer grows
    assert.strictEqual(queue.length, 17);
    assert.strictEqual(queue.shift(), 'first');
    assert.strictEqual(queue.shift(), 'a');
  });

  it('shifts in constant time however long the queue is', function () {
    const queue = createQueue();
    for (let i = 0; i < 200000; i++) queue.push(i);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 200000; i++) queue.shift();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.strictEqual(queue.length, 0);
    // Array#shift on 200,000 items takes seconds (a copy per call); the ring takes milliseconds.
    assert.ok(ms < 500, 'took ' + ms + ' ms');
  });

  it('shows the live contents through a read-only array view', function () {
    const queue = createQueue();
    const view = queue.view;
    assert.ok(Array.isArray(view));
    queue.push('x');
    queue.push('y');
    assert.strictEqual(view.length, 2);
    assert.strictEqual(view[1], 'y');
    assert.strictEqual(view[2], undefined);
    assert.ok(1 in view);
    assert.deepStrictEqual(Object.keys(view), ['0', '1']);
    assert.deepStrictEqual([...view], ['x', 'y']);
    assert.strictEqual(JSON.stringify(view), '["x","y"]');
    assert.strictEqual(util.inspect(view), "[ 'x', 'y' ]");
    queue.shift();
    assert.deepStrictEqual(view.slice(), ['y']);
    assert.throws(function () { view[0] = 'z'; }, TypeError);
    assert.throws(function () { view.pop(); }, TypeError);
    assert.throws(function () { delete view[0]; }, TypeError);
  });
});
