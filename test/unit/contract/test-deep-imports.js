'use strict';

// Every module path of mysqljs 2.18.1 (node_modules/mysql/lib/**) must load from
// the library under test with the same kind of export, because APM agents,
// proxies and applications require them directly.

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const common = require('../../support/common');

const UPSTREAM_LIB = path.join(common.root, 'node_modules', 'mysql', 'lib');

const MODULES = fs.readdirSync(UPSTREAM_LIB, { recursive: true })
  .filter(function (name) { return name.endsWith('.js'); })
  .map(function (name) { return name.slice(0, -3).split(path.sep).join('/'); })
  .sort();

function ours(name) {
  return require(path.join(common.lib, name));
}

function upstream(name) {
  return require(path.join(UPSTREAM_LIB, name));
}

const CONSTANTS = ['types', 'client', 'field_flags', 'server_status', 'errors', 'charsets'];
// Every upstream key keeps its value; newer servers' types and flags may be added, each under a value
// upstream does not already name, so a lookup by value still finds upstream's name.
const EXTENDED_FLAGS = ['types', 'client', 'field_flags', 'server_status'];

// Upstream keys that are missing or hold another value.
function mismatches(expected, actual) {
  return Object.keys(expected)
    .filter(function (key) { return actual[key] !== expected[key]; })
    .map(function (key) { return key + ': ' + JSON.stringify(actual[key]) + ' (upstream ' + JSON.stringify(expected[key]) + ')'; });
}

// Added keys whose value upstream already gives another name.
function aliasedValues(expected, actual) {
  const known = new Set(Object.keys(expected).map(function (key) { return expected[key]; }));
  return Object.keys(actual)
    .filter(function (key) { return !Object.prototype.hasOwnProperty.call(expected, key) && known.has(actual[key]); })
    .map(function (key) { return key + ': ' + JSON.stringify(actual[key]); });
}

describe('contract: deep imports', function () {
  it('finds the upstream module list to compare with', function () {
    assert.strictEqual(MODULES.length, 56, 'mysql 2.18.1 has 56 modules under lib/');
  });

  MODULES.forEach(function (name) {
    it('lib/' + name + ' loads and exports a ' + typeof upstream(name) + ' like upstream', function () {
      assert.strictEqual(typeof ours(name), typeof upstream(name));
    });
  });

  ['packets', 'sequences'].forEach(function (dir) {
    const files = MODULES.filter(function (name) {
      return name.startsWith('protocol/' + dir + '/') && !name.endsWith('/index');
    });

    files.forEach(function (name) {
      const base = path.basename(name);
      it('lib/' + name + ' exports a constructor named ' + base, function () {
        assert.strictEqual(typeof ours(name), 'function');
        assert.strictEqual(ours(name).name, base);
      });
    });

    // New classes (MySQL 8 authentication, prepared statements) may be added.
    it('lib/protocol/' + dir + '/index exports every upstream class under its own name', function () {
      const index = ours('protocol/' + dir + '/index');
      files.forEach(function (name) {
        assert.strictEqual(index[path.basename(name)], ours(name), path.basename(name));
      });
    });
  });

  CONSTANTS.forEach(function (name) {
    it('lib/protocol/constants/' + name + ' keeps every upstream key with its value', function () {
      const actual = ours('protocol/constants/' + name);
      const expected = upstream('protocol/constants/' + name);
      assert.deepStrictEqual(mismatches(expected, actual), [], 'upstream keys missing or changed');
    });
  });

  EXTENDED_FLAGS.forEach(function (name) {
    it('lib/protocol/constants/' + name + ' adds no second name for a value upstream names', function () {
      const actual = ours('protocol/constants/' + name);
      const expected = upstream('protocol/constants/' + name);
      assert.deepStrictEqual(aliasedValues(expected, actual), [], 'added keys that alias upstream values');
    });
  });

  it('lib/protocol/constants/ssl_profiles has the upstream profile names', function () {
    const actual = Object.keys(ours('protocol/constants/ssl_profiles'));
    Object.keys(upstream('protocol/constants/ssl_profiles')).forEach(function (profile) {
      assert.ok(actual.includes(profile), profile);
    });
  });

  it('looks up types both ways', function () {
    const Types = ours('protocol/constants/types');
    assert.strictEqual(Types.LONGLONG, 8);
    assert.strictEqual(Types[6], 'NULL');
  });

  it('looks up errors both ways', function () {
    const errors = ours('protocol/constants/errors');
    assert.strictEqual(errors.ER_DUP_ENTRY, 1062);
    assert.strictEqual(errors[1062], 'ER_DUP_ENTRY');
  });
});

describe('contract: root module', function () {
  const FUNCTIONS = ['createConnection', 'createPool', 'createPoolCluster', 'createQuery',
    'escape', 'escapeId', 'format', 'raw'];

  FUNCTIONS.forEach(function (name) {
    // OpenTelemetry re-wraps these in place, which throws on a getter.
    it(name + ' is a plain writable, configurable data property', function () {
      const descriptor = Object.getOwnPropertyDescriptor(common.mysql, name);
      assert.ok(descriptor, name + ' is an own property');
      assert.strictEqual(descriptor.get, undefined);
      assert.strictEqual(descriptor.set, undefined);
      assert.strictEqual(descriptor.writable, true);
      assert.strictEqual(descriptor.configurable, true);
      assert.strictEqual(typeof descriptor.value, 'function');
    });
  });

  it('exposes Types as the types constants module', function () {
    assert.strictEqual(common.mysql.Types, ours('protocol/constants/types'));
  });
});
