'use strict';

const assert = require('assert');
const childProcess = require('child_process');
const path = require('path');

describe('connection: domains', function () {
  it('runs each callback in the domain it was passed from, and the others outside every domain', function () {
    const child = childProcess.spawnSync(process.execPath, [path.join(__dirname, '../../support/children/domains.js')],
      { encoding: 'utf8', env: process.env, timeout: 10000 });
    assert.strictEqual(child.status, 0, child.stderr);
    const seen = JSON.parse(child.stdout.trim().split('\n').pop());
    assert.deepStrictEqual(seen.sort(),
      ['connect:d1', 'no-domain-query:null', 'ping:d3', 'query:d2', 'timer:d0']);
  });
});
