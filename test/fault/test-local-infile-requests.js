'use strict';

// A server (or whatever sits between it and the client) can answer any query
// with a LOCAL INFILE request (0xFB + a path). The client may only ever read
// the file its own query named; the worker records every file the library
// opens, and any other path fails the test.

const assert = require('assert');
const { useWorkers, assertInvariants, assertFails, assertSucceeds } = require('../fuzz/harness');

const NAMED = 'test/fuzz/corpus/infile.csv'; // relative to the repository root, the workers' cwd
const LOAD = "LOAD DATA LOCAL INFILE '" + NAMED + "' INTO TABLE t";

function infileCase(h, infile, sql, extra) {
  return h.case({ query: 'infile', infile }, Object.assign({
    op: 'query', connectFirst: true, sql, opOptions: { timeout: 300 }, then: 'ping',
  }, extra), { allowFiles: [NAMED] });
}

describe('fault: LOCAL INFILE requests for files the query did not name', function () {
  this.timeout(10000);
  const h = useWorkers();
  const cases = {
    select: infileCase(h, '/etc/passwd', 'SELECT 1'),
    selectEvents: infileCase(h, '/etc/passwd', 'SELECT 1', { mode: 'events' }),
    other: infileCase(h, '/etc/passwd', LOAD),
    traversal: infileCase(h, 'test/fuzz/corpus/../../../package.json', LOAD),
    absolute: infileCase(h, '/work/main/' + NAMED + '.bak', LOAD),
    nul: infileCase(h, NAMED + '\0', LOAD),
    empty: infileCase(h, '', LOAD),
    disabled: infileCase(h, NAMED, LOAD, { options: { localInfile: false } }),
    named: infileCase(h, NAMED, LOAD),
    pool: infileCase(h, '/etc/passwd', 'SELECT 1', { op: 'pool.query', connectFirst: false, then: undefined }),
  };

  it('refuses a request answering a SELECT, with LOCAL_INFILE_NOT_REQUESTED, and stays usable', async function () {
    for (const name of ['select', 'selectEvents', 'pool']) {
      const report = await cases[name]();
      assertInvariants(report);
      assertFails(report.ops.main, 'LOCAL_INFILE_NOT_REQUESTED', { fatal: false });
      if (report.ops.then) assertSucceeds(report.ops.then);
    }
  });

  it('refuses any path other than the one the LOAD DATA named', async function () {
    for (const name of ['other', 'traversal', 'absolute', 'nul', 'empty']) {
      const report = await cases[name]();
      assertInvariants(report);
      assert.deepStrictEqual(report.files, [], name);
      assertFails(report.ops.main, 'LOCAL_INFILE_NOT_REQUESTED', { fatal: false });
      assertSucceeds(report.ops.then);
    }
  });

  it('refuses every request when localInfile is false', async function () {
    const report = await cases.disabled();
    assertInvariants(report);
    assertFails(report.ops.main, 'LOCAL_FILES_DISABLED', { fatal: false });
  });

  it('sends the file the query named', async function () {
    const report = await cases.named();
    assertInvariants(report);
    assert.strictEqual(assertSucceeds(report.ops.main).result.affectedRows, 1);
  });
});
