'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures } = require('../helpers');

const OK_KEYS = ['fieldCount', 'affectedRows', 'insertId', 'serverStatus', 'warningCount', 'message', 'protocol41', 'changedRows'];

describe('integration: OkPacket, RowDataPacket and FieldPacket results', function () {
  const fx = useFixtures();
  let conn;
  let table;

  beforeEach(async function () {
    conn = fx.connect();
    table = fx.table('ok');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY AUTO_INCREMENT, v INT, tiny TINYINT, UNIQUE KEY (v))', [table]);
  });

  it('INSERT returns an OkPacket with mysqljs fields in mysqljs order', async function () {
    const { results } = await fx.run(conn, 'INSERT INTO ?? (v) VALUES (10)', [table]);
    assert.strictEqual(results.constructor.name, 'OkPacket');
    assert.deepStrictEqual(Object.keys(results), OK_KEYS);
    assert.strictEqual(results.fieldCount, 0);
    assert.strictEqual(results.affectedRows, 1);
    assert.strictEqual(results.insertId, 1);
    assert.strictEqual(results.warningCount, 0);
    assert.strictEqual(results.message, '');
    assert.strictEqual(results.protocol41, true);
    assert.strictEqual(results.changedRows, 0);
    assert.strictEqual(results.serverStatus & 2, 2, 'SERVER_STATUS_AUTOCOMMIT');
  });

  it('insertId is the first id of a multi-row INSERT and message carries the record counts', async function () {
    await fx.run(conn, 'INSERT INTO ?? (v) VALUES (1)', [table]);
    const { results } = await fx.run(conn, 'INSERT INTO ?? (v) VALUES (2), (3), (4)', [table]);
    assert.strictEqual(results.insertId, 2);
    assert.strictEqual(results.affectedRows, 3);
    // mysqljs reads the info string including its length byte ('&' = 38).
    assert.strictEqual(results.message, '&Records: 3  Duplicates: 0  Warnings: 0');
  });

  it('UPDATE reports matched rows as affectedRows (FOUND_ROWS) and changed rows as changedRows', async function () {
    await fx.run(conn, 'INSERT INTO ?? (v, tiny) VALUES (1, 5), (2, 5), (3, 6)', [table]);
    const { results } = await fx.run(conn, 'UPDATE ?? SET tiny = 6', [table]);
    assert.strictEqual(results.affectedRows, 3);
    assert.strictEqual(results.changedRows, 2);
    assert.strictEqual(results.message, '(Rows matched: 3  Changed: 2  Warnings: 0');
  });

  it('DELETE reports the deleted rows as affectedRows', async function () {
    await fx.run(conn, 'INSERT INTO ?? (v) VALUES (1), (2), (3)', [table]);
    const { results } = await fx.run(conn, 'DELETE FROM ?? WHERE v >= 2', [table]);
    assert.strictEqual(results.affectedRows, 2);
    assert.strictEqual(results.changedRows, 0);
  });

  it('INSERT ... ON DUPLICATE KEY UPDATE counts an update as two affected rows', async function () {
    await fx.run(conn, 'INSERT INTO ?? (v, tiny) VALUES (1, 1)', [table]);
    const { results } = await fx.run(conn, 'INSERT INTO ?? (v, tiny) VALUES (1, 1) ON DUPLICATE KEY UPDATE tiny = 2', [table]);
    assert.strictEqual(results.affectedRows, 2);
    assert.strictEqual(results.insertId, 1);
  });

  it('warningCount counts server warnings', async function () {
    await fx.run(conn, "SET SESSION sql_mode = ''");
    const { results } = await fx.run(conn, 'INSERT INTO ?? (v, tiny) VALUES (1, 300)', [table]);
    assert.strictEqual(results.warningCount, 1);
    const { results: warnings } = await fx.run(conn, 'SHOW WARNINGS');
    assert.strictEqual(warnings[0].Code, 1264);
  });

  it('returns rows as RowDataPacket objects whose only own keys are the columns', async function () {
    await fx.run(conn, 'INSERT INTO ?? (v, tiny) VALUES (7, 8)', [table]);
    const { results } = await fx.run(conn, 'SELECT id, v, tiny FROM ??', [table]);
    assert.ok(Array.isArray(results));
    assert.strictEqual(results[0].constructor.name, 'RowDataPacket');
    assert.deepStrictEqual(Object.keys(results[0]), ['id', 'v', 'tiny']);
    assert.strictEqual(JSON.stringify(results), '[{"id":1,"v":7,"tiny":8}]');
  });

  it('returns FieldPacket descriptions of the columns', async function () {
    const { fields } = await fx.run(conn, 'SELECT id, v AS value FROM ?? AS alias', [table]);
    assert.strictEqual(fields.length, 2);
    const f = fields[1];
    assert.strictEqual(f.constructor.name, 'FieldPacket');
    assert.deepStrictEqual(Object.keys(f), ['catalog', 'db', 'table', 'orgTable', 'name', 'orgName',
      'charsetNr', 'length', 'type', 'flags', 'decimals', 'default', 'zeroFill', 'protocol41']);
    assert.strictEqual(f.catalog, 'def');
    assert.strictEqual(f.db, common.config().database);
    assert.strictEqual(f.table, 'alias');
    assert.strictEqual(f.orgTable, table);
    assert.strictEqual(f.name, 'value');
    assert.strictEqual(f.orgName, 'v');
    assert.strictEqual(f.type, 3); // LONG
    assert.strictEqual(f.zeroFill, false);
    assert.strictEqual(fields[0].flags & 2, 2, 'PRI_KEY_FLAG on the id column');
  });

  it('a SELECT with no matching rows gives an empty array and still the fields', async function () {
    const { results, fields } = await fx.run(conn, 'SELECT id FROM ?? WHERE 0', [table]);
    assert.deepStrictEqual(results, []);
    assert.strictEqual(fields[0].name, 'id');
  });

  it('a statement without a result set gives undefined fields', async function () {
    const { fields } = await fx.run(conn, 'DO 1');
    assert.strictEqual(fields, undefined);
  });
});
