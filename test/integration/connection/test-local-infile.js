'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { useFixtures } = require('../helpers');

const CSV_ROWS = [
  [1, 'plain'],
  [2, 'with, a comma'],
  [3, 'quote " inside'],
  [4, 'café ñ 日本語 😀'],
];

function toCsv(rows) {
  return rows.map(function (row) {
    return row[0] + ',"' + String(row[1]).replace(/"/g, '""') + '"\n';
  }).join('');
}

// Values: [file path, table name].
const LOAD_SQL = "LOAD DATA LOCAL INFILE ? INTO TABLE ?? CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' " +
  "OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' (id, label)";

describe('integration: LOAD DATA LOCAL INFILE', function () {
  const fx = useFixtures();
  let dir;
  let table;

  beforeEach(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mysql-ts-infile-'));
    table = fx.table('infile');
    const admin = fx.connect();
    const { results } = await fx.run(admin, 'SELECT @@GLOBAL.local_infile AS v');
    fx.onCleanup('SET GLOBAL local_infile = ' + Number(results[0].v));
    await fx.run(admin, 'SET GLOBAL local_infile = 1');
    await fx.run(admin, 'CREATE TABLE ?? (id INT PRIMARY KEY, label VARCHAR(100)) CHARACTER SET utf8mb4', [table]);
  });

  afterEach(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads the named file and reports the loaded records', async function () {
    const file = path.join(dir, 'data.csv');
    fs.writeFileSync(file, toCsv(CSV_ROWS));
    const conn = fx.connect({ localInfile: true, charset: 'UTF8MB4_GENERAL_CI' });

    const { results } = await fx.run(conn, LOAD_SQL, [file, table]);
    assert.strictEqual(results.affectedRows, CSV_ROWS.length);
    assert.match(results.message, /Records: 4 {2}Deleted: 0 {2}Skipped: 0 {2}Warnings: 0$/);

    const { results: rows } = await fx.run(conn, 'SELECT id, label FROM ?? ORDER BY id', [table]);
    assert.deepStrictEqual(rows.map(function (r) { return [r.id, r.label]; }), CSV_ROWS);
  });

  it('uploads a file larger than one 16 MB packet', async function () {
    const file = path.join(dir, 'big.csv');
    const rows = [];
    const label = 'x'.repeat(90);
    for (let i = 1; i <= 200000; i++) rows.push([i, label]);
    fs.writeFileSync(file, toCsv(rows));
    assert.ok(fs.statSync(file).size > 16 * 1024 * 1024);
    const conn = fx.connect();

    const { results } = await fx.run(conn, LOAD_SQL, [file, table]);
    assert.strictEqual(results.affectedRows, rows.length);
    const { results: summary } = await fx.run(conn, 'SELECT COUNT(*) AS n, MAX(id) AS top FROM ??', [table]);
    assert.deepStrictEqual([summary[0].n, summary[0].top], [rows.length, rows.length]);
  });

  it('passes the file system error for a missing file and keeps the connection usable', async function () {
    const conn = fx.connect();
    const missing = path.join(dir, 'does-not-exist.csv');
    await assert.rejects(fx.run(conn, LOAD_SQL, [missing, table]), function (err) {
      assert.strictEqual(err.code, 'ENOENT');
      return true;
    });
    const { results } = await fx.run(conn, 'SELECT COUNT(*) AS n FROM ??', [table]);
    assert.strictEqual(results[0].n, 0);
  });

  it('is refused by the server when localInfile is false', async function () {
    const file = path.join(dir, 'data.csv');
    fs.writeFileSync(file, toCsv(CSV_ROWS));
    const conn = fx.connect({ localInfile: false });
    // MariaDB answers 4166 (ER_LOAD_INFILE_CAPABILITY_DISABLED); MySQL answers 1148 or 3948.
    await assert.rejects(fx.run(conn, LOAD_SQL, [file, table]), function (err) {
      assert.ok([4166, 1148, 3948].includes(err.errno), 'errno ' + err.errno);
      return true;
    });
    const { results } = await fx.run(conn, 'SELECT COUNT(*) AS n FROM ??', [table]);
    assert.strictEqual(results[0].n, 0);
  });
});
