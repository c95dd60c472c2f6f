'use strict';

// bluebird.promisifyAll on the prototypes, the way promise wrappers written
// for mysqljs do it: it adds an <name>Async twin of every method (and throws
// if a prototype already has a name ending in Async).

const Promise = require('bluebird');
const mysql = require('mysql');
const Connection = require('mysql/lib/Connection');
const Pool = require('mysql/lib/Pool');
const PoolCluster = require('mysql/lib/PoolCluster');
const PoolConnection = require('mysql/lib/PoolConnection');
const { config, main } = require('./run.cjs');

main([
  ['promisifyAll', function () {
    [Connection, Pool, PoolCluster].forEach(function (Class) { Promise.promisifyAll(Class.prototype); });
    return {
      twins: ['queryAsync', 'connectAsync', 'endAsync', 'pingAsync'].filter(function (name) {
        return typeof Connection.prototype[name] === 'function';
      }),
    };
  }],
  ['Connection', async function () {
    const connection = mysql.createConnection(config());
    await connection.connectAsync();
    const rows = await connection.queryAsync('SELECT 1 AS one');
    const result = { instanceOf: connection instanceof Connection, rows: rows };
    try {
      await connection.queryAsync('SELECT * FROM compat_no_such_table');
    } catch (err) {
      result.rejectedWith = err.code;
    }
    await connection.endAsync();
    result.stateAfterEnd = connection.state;
    return result;
  }],
  ['Pool', async function () {
    const pool = mysql.createPool(config({ connectionLimit: 2 }));
    const connection = await pool.getConnectionAsync();
    const result = {
      instanceOf: pool instanceof Pool,
      connectionInstanceOf: connection instanceof PoolConnection && connection instanceof Connection,
      pooledRows: await connection.queryAsync('SELECT 2 AS two'),
    };
    connection.release();
    result.rows = await pool.queryAsync('SELECT 1 AS one');
    await pool.endAsync();
    return result;
  }],
  ['PoolCluster', async function () {
    const cluster = mysql.createPoolCluster();
    cluster.add('node1', config({ connectionLimit: 2 }));
    const connection = await cluster.getConnectionAsync('node1');
    const result = {
      instanceOf: cluster instanceof PoolCluster,
      connectionInstanceOf: connection instanceof PoolConnection,
      rows: await connection.queryAsync('SELECT 1 AS one'),
    };
    connection.release();
    await cluster.endAsync();
    return result;
  }],
]);
