'use strict';

// The shape of the installed package as code that patches it sees it, with no
// agent loaded: the root module's property descriptors, whether its functions
// can be re-wrapped, and every function name on each class and its prototype
// chain (the test compares them with the API list it keeps).

const EventEmitter = require('events');
const mysql = require('mysql');
const { main } = require('./run.cjs');

const CLASSES = {
  Connection: 'mysql/lib/Connection',
  ConnectionConfig: 'mysql/lib/ConnectionConfig',
  Pool: 'mysql/lib/Pool',
  PoolCluster: 'mysql/lib/PoolCluster',
  PoolConfig: 'mysql/lib/PoolConfig',
  PoolConnection: 'mysql/lib/PoolConnection',
  PoolNamespace: 'mysql/lib/PoolNamespace',
  PoolSelector: 'mysql/lib/PoolSelector',
  Query: 'mysql/lib/protocol/sequences/Query',
};

// Function-valued names without running getters; EventEmitter's own methods are left out.
function functionNames(object, stop) {
  const names = new Set();
  for (let current = object; current && current !== stop && current !== Object.prototype;
    current = Object.getPrototypeOf(current)) {
    Object.getOwnPropertyNames(current).forEach(function (name) {
      const descriptor = Object.getOwnPropertyDescriptor(current, name);
      if (name !== 'constructor' && typeof descriptor.value === 'function') names.add(name);
    });
  }
  return [...names].sort();
}

main([
  ['root module', function () {
    const descriptors = {};
    Object.getOwnPropertyNames(mysql).forEach(function (name) {
      const descriptor = Object.getOwnPropertyDescriptor(mysql, name);
      descriptors[name] = {
        type: typeof mysql[name],
        data: 'value' in descriptor,
        writable: descriptor.writable === true,
        configurable: descriptor.configurable === true,
      };
    });
    return { descriptors: descriptors, typesLonglong: mysql.Types.LONGLONG };
  }],
  // What OpenTelemetry's shimmer does to createConnection and friends.
  ['re-wrap root functions', function () {
    const rewrapped = [];
    Object.keys(mysql).filter(function (name) { return typeof mysql[name] === 'function'; }).forEach(function (name) {
      const original = mysql[name];
      const wrapper = function () { return original.apply(this, arguments); };
      mysql[name] = wrapper;
      const assigned = mysql[name] === wrapper;
      Object.defineProperty(mysql, name, { value: original, writable: true, configurable: true, enumerable: true });
      if (assigned && mysql[name] === original) rewrapped.push(name);
    });
    return { rewrapped: rewrapped.sort() };
  }],
  ['class functions', function () {
    const classes = {};
    Object.keys(CLASSES).forEach(function (name) {
      const Class = require(CLASSES[name]);
      classes[name] = {
        type: typeof Class,
        eventEmitter: typeof Class === 'function' && Class.prototype instanceof EventEmitter,
        statics: functionNames(Class, Function.prototype),
        prototype: Class.prototype ? functionNames(Class.prototype, EventEmitter.prototype) : [],
      };
    });
    return { classes: classes };
  }],
  // dd-trace's own probe: does Pool.prototype.query, called on a bare Object.create(Pool.prototype),
  // call getConnection synchronously? If not, dd-trace switches to its deferred-acquire path.
  ['dd-trace acquire probe', function () {
    const probe = require('dd-trace/packages/datadog-instrumentations/src/helpers/pool-acquire');
    const Pool = require('mysql/lib/Pool');
    const bare = Object.assign(Object.create(Pool.prototype), { config: { connectionConfig: {} } });
    const args = ['SELECT 1', function () {}];
    return { synchronous: probe.dispatchesAcquireSynchronously(Pool.prototype.query, bare, 'getConnection', args) };
  }],
]);
