'use strict';

// The installed package's surface as patching code sees it: plain re-wrappable
// root exports, and every function the mysqljs API documentation lists (seed
// 001, for mysql 2.13; `raw` and Query from 2.18.1) under the same name.

const assert = require('assert');
const harness = require('./harness');

const ROOT_FUNCTIONS = ['createConnection', 'createPool', 'createPoolCluster', 'createQuery', 'escape', 'escapeId',
  'format', 'raw'];

const SEQUENCE_METHODS = ['_addLongStackTrace', '_onTimeout', '_packetToError', 'end', 'hasErrorHandler', 'start'];

const API = {
  Connection: {
    statics: ['createQuery', 'super_'],
    prototype: ['_handleConnectTimeout', '_handleNetworkError', '_handleProtocolConnect', '_handleProtocolDrain',
      '_handleProtocolEnd', '_handleProtocolEnqueue', '_handleProtocolError', '_handleProtocolHandshake',
      '_implyConnect', '_startTLS', 'beginTransaction', 'changeUser', 'commit', 'connect', 'destroy', 'end', 'escape',
      'escapeId', 'format', 'pause', 'ping', 'query', 'resume', 'rollback', 'statistics'],
  },
  ConnectionConfig: {
    statics: ['getCharsetNumber', 'getDefaultFlags', 'getSSLProfile', 'mergeFlags', 'parseFlagList', 'parseUrl'],
    prototype: [],
  },
  Pool: {
    statics: ['super_'],
    prototype: ['_enqueueCallback', '_needsChangeUser', '_purgeConnection', '_removeConnection', 'acquireConnection',
      'end', 'escape', 'escapeId', 'getConnection', 'query', 'releaseConnection'],
  },
  PoolCluster: {
    statics: ['super_'],
    prototype: ['_clearFindCaches', '_decreaseErrorCount', '_findNodeIds', '_getConnection', '_getNode',
      '_increaseErrorCount', '_removeNode', 'add', 'end', 'getConnection', 'of', 'remove'],
  },
  PoolConfig: { statics: [], prototype: ['newConnectionConfig'] },
  PoolConnection: {
    statics: ['super_'],
    prototype: ['_realEnd', '_removeFromPool', 'destroy', 'end', 'release', 'query', 'connect', 'changeUser'],
  },
  PoolNamespace: { statics: [], prototype: ['_getClusterNode', 'getConnection', 'query'] },
  PoolSelector: { statics: ['ORDER', 'RANDOM', 'RR'], prototype: [] },
  Query: {
    statics: [],
    prototype: SEQUENCE_METHODS.concat(['EofPacket', 'ErrorPacket', 'FieldPacket', 'LocalInfileRequestPacket',
      'OkPacket', 'ResultSetHeaderPacket', 'RowDataPacket', '_handleFinalResultPacket', '_sendLocalDataFile',
      'determinePacket', 'stream']),
  },
};

const EVENT_EMITTERS = ['Connection', 'Pool', 'PoolCluster', 'PoolConnection', 'Query'];

describe('compat: API surface of the installed package', function () {
  let run;

  before(async function () {
    run = await harness.runScript(this, 'exports.cjs');
  });

  // The agents instrument `mysql` only in their 2.x version ranges, and not a prerelease.
  it('installs as node_modules/mysql with a 2.x release version', function () {
    assert.match(run.app.packageJson.version, /^2\.\d+\.\d+$/);
  });

  it('exports the root functions as plain writable, configurable data properties', function () {
    const descriptors = harness.scenario(run.result, 'root module').descriptors;
    ROOT_FUNCTIONS.forEach(function (name) {
      const expected = { type: 'function', data: true, writable: true, configurable: true };
      assert.deepStrictEqual(descriptors[name], expected, name);
    });
  });

  it('lets every root function be re-wrapped and restored', function () {
    const rewrapped = harness.scenario(run.result, 're-wrap root functions').rewrapped;
    ROOT_FUNCTIONS.forEach(function (name) {
      assert.ok(rewrapped.includes(name), name + ' could not be re-wrapped');
    });
  });

  it('exports Types with the mysqljs codes', function () {
    assert.strictEqual(harness.scenario(run.result, 'root module').typesLonglong, 8);
  });

  Object.keys(API).forEach(function (name) {
    it('has every documented function of ' + name + ' under the same name', function () {
      const found = harness.scenario(run.result, 'class functions').classes[name];
      assert.ok(found.type === 'function' || (found.type === 'object' && API[name].prototype.length === 0), name);
      const missing = API[name].statics.filter(function (method) { return !found.statics.includes(method); })
        .concat(API[name].prototype.filter(function (method) { return !found.prototype.includes(method); })
          .map(function (method) { return 'prototype.' + method; }));
      assert.deepStrictEqual(missing, [], name + ' lacks these');
      if (EVENT_EMITTERS.includes(name)) assert.strictEqual(found.eventEmitter, true, name + ' is an EventEmitter');
    });
  });

  it('calls getConnection synchronously from Pool.prototype.query on a bare object (dd-trace\'s probe)', function () {
    assert.strictEqual(harness.scenario(run.result, 'dd-trace acquire probe').synchronous, true);
  });
});
