'use strict';

const assert = require('assert');
const crypto = require('crypto');
const { useFixtures } = require('../helpers');

const BLOB_BYTES = 20 * 1024 * 1024;
// The hex-escaped INSERT is twice the blob size plus the statement text.
const NEEDED_PACKET = 64 * 1024 * 1024;

describe('integration: large values', function () {
  const fx = useFixtures();

  beforeEach(async function () {
    const admin = fx.connect();
    const { results } = await fx.run(admin, 'SELECT @@GLOBAL.max_allowed_packet AS v');
    if (results[0].v < NEEDED_PACKET) {
      fx.onCleanup('SET GLOBAL max_allowed_packet = ' + Number(results[0].v));
      await fx.run(admin, 'SET GLOBAL max_allowed_packet = ?', [NEEDED_PACKET]);
    }
  });

  it('round-trips a 20 MB BLOB across the 16 MB packet boundary both ways', async function () {
    this.timeout(120000);
    // Connect after raising the global: the session value is copied at connect.
    const conn = fx.connect();
    const table = fx.table('blob');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY, data LONGBLOB)', [table]);
    const blob = crypto.randomBytes(BLOB_BYTES);

    const insert = await fx.run(conn, 'INSERT INTO ?? VALUES (1, ?)', [table, blob]);
    assert.strictEqual(insert.results.affectedRows, 1);

    const { results } = await fx.run(conn, 'SELECT data, LENGTH(data) AS len, MD5(data) AS md5 FROM ?? WHERE id = 1', [table]);
    assert.strictEqual(results[0].len, BLOB_BYTES);
    assert.strictEqual(results[0].md5, crypto.createHash('md5').update(blob).digest('hex'));
    assert.ok(Buffer.isBuffer(results[0].data));
    assert.ok(results[0].data.equals(blob), 'the selected BLOB differs from the inserted one');
  });

  it('reads a text value of exactly 16 MB - 1 bytes (one full packet plus an empty one)', async function () {
    this.timeout(60000);
    const conn = fx.connect();
    const size = 16 * 1024 * 1024 - 1;
    // The row packet holds a length prefix too, so shift the payload to land the packet on 0xffffff.
    const { results } = await fx.run(conn, 'SELECT REPEAT(?, ?) AS s', ['a', size - 4]);
    assert.strictEqual(results[0].s.length, size - 4);
    assert.ok(/^a+$/.test(results[0].s));
  });
});
