'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');

describe('pool: PoolConfig', function () {
  const PoolConfig = require(path.join(common.lib, 'PoolConfig'));
  const ConnectionConfig = require(path.join(common.lib, 'ConnectionConfig'));

  it('has the documented defaults', function () {
    const config = new PoolConfig({ host: 'db.example' });
    assert.strictEqual(config.acquireTimeout, 10000);
    assert.strictEqual(config.waitForConnections, true);
    assert.strictEqual(config.connectionLimit, 10);
    assert.strictEqual(config.queueLimit, 0);
    assert.ok(config.connectionConfig instanceof ConnectionConfig);
    assert.strictEqual(config.connectionConfig.host, 'db.example');
  });

  it('reads its options, converting them to numbers and booleans', function () {
    const config = new PoolConfig({ acquireTimeout: '250', waitForConnections: 0, connectionLimit: '3', queueLimit: 7 });
    assert.strictEqual(config.acquireTimeout, 250);
    assert.strictEqual(config.waitForConnections, false);
    assert.strictEqual(config.connectionLimit, 3);
    assert.strictEqual(config.queueLimit, 7);
  });

  it('reads pool and connection options from a URL', function () {
    const config = new PoolConfig('mysql://bob:secret@db.example:3307/shop?connectionLimit=4&waitForConnections=false');
    assert.strictEqual(config.connectionLimit, 4);
    assert.strictEqual(config.waitForConnections, false);
    assert.strictEqual(config.connectionConfig.user, 'bob');
    assert.strictEqual(Number(config.connectionConfig.port), 3307);
    assert.strictEqual(config.connectionConfig.database, 'shop');
  });

  it('makes a fresh copy of the connection options for every connection', function () {
    const config = new PoolConfig({ user: 'bob', charset: 'LATIN1_SWEDISH_CI', flags: '-FOUND_ROWS' });
    const first = config.newConnectionConfig();
    const second = config.newConnectionConfig();
    assert.notStrictEqual(first, second);
    assert.notStrictEqual(first, config.connectionConfig);
    assert.strictEqual(first.user, 'bob');
    assert.strictEqual(first.charsetNumber, config.connectionConfig.charsetNumber);
    assert.strictEqual(first.clientFlags, config.connectionConfig.clientFlags);
    first.user = 'changed';
    assert.strictEqual(config.connectionConfig.user, 'bob');
  });

  it('is what createPool() gives the pool', function () {
    const pool = common.mysql.createPool({ connectionLimit: 2, queueLimit: 1 });
    assert.ok(pool.config instanceof PoolConfig);
    assert.strictEqual(pool.config.connectionLimit, 2);
    assert.strictEqual(pool.config.queueLimit, 1);
    assert.strictEqual(pool.config.connectionConfig.pool, pool);
    pool.end();
  });

  // idleTimeout is a mysql-ts extension.
  common.itOwn('has idleTimeout, off (0) unless given', function () {
    assert.strictEqual(new PoolConfig({}).idleTimeout, 0);
    assert.strictEqual(new PoolConfig({ idleTimeout: 5000 }).idleTimeout, 5000);
    assert.strictEqual(new PoolConfig({ idleTimeout: -1 }).idleTimeout, 0);
  });
});
