'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: binary and BIT type casting', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  it('BLOB types, BINARY and VARBINARY come back as Buffers', async function () {
    const table = fx.table('bin');
    const bytes = Buffer.from([0, 1, 0x7f, 0x80, 0xfe, 0xff]);
    await fx.run(conn, 'CREATE TABLE ?? (tb TINYBLOB, b BLOB, mb MEDIUMBLOB, lb LONGBLOB, bi BINARY(8), vb VARBINARY(16))', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (?, ?, ?, ?, ?, ?)', [table, bytes, bytes, bytes, bytes, bytes, bytes]);
    const { results } = await fx.run(conn, 'SELECT * FROM ??', [table]);
    const row = results[0];
    for (const column of ['tb', 'b', 'mb', 'lb', 'vb']) {
      assert.ok(Buffer.isBuffer(row[column]), column + ' is a Buffer');
      assert.ok(row[column].equals(bytes), column + ' keeps its bytes');
    }
    // BINARY(n) pads with zero bytes up to its length.
    assert.ok(row.bi.equals(Buffer.concat([bytes, Buffer.alloc(2)])));
  });

  it('an empty BLOB is an empty Buffer and a NULL BLOB is null', async function () {
    const table = fx.table('bin');
    await fx.run(conn, 'CREATE TABLE ?? (id INT, b BLOB)', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (1, ?), (2, NULL)', [table, Buffer.alloc(0)]);
    const { results } = await fx.run(conn, 'SELECT b FROM ?? ORDER BY id', [table]);
    assert.ok(Buffer.isBuffer(results[0].b) && results[0].b.length === 0);
    assert.strictEqual(results[1].b, null);
  });

  it('text in the binary character set comes back as a Buffer', async function () {
    const { results } = await fx.run(conn, "SELECT CAST('abc' AS BINARY) AS cast, CONVERT('é' USING binary) AS conv, 'abc' AS text");
    assert.deepStrictEqual(results[0].cast, Buffer.from('abc'));
    assert.deepStrictEqual(results[0].conv, Buffer.from('é', 'utf8'));
    assert.strictEqual(results[0].text, 'abc');
  });

  it('BIT columns come back as big-endian Buffers of the column width', async function () {
    const table = fx.table('bit');
    await fx.run(conn, 'CREATE TABLE ?? (id INT, b1 BIT(1), b10 BIT(10), b64 BIT(64))', [table]);
    await fx.run(conn, "INSERT INTO ?? VALUES (1, b'1', b'1000000001', b'1111111111111111111111111111111111111111111111111111111111111111'), (2, 0, 5, 1)", [table]);
    const { results, fields } = await fx.run(conn, 'SELECT b1, b10, b64 FROM ?? ORDER BY id', [table]);
    assert.strictEqual(fields[0].type, 16); // BIT
    assert.deepStrictEqual(results[0].b1, Buffer.from([1]));
    assert.deepStrictEqual(results[0].b10, Buffer.from([0x02, 0x01]));
    assert.deepStrictEqual(results[0].b64, Buffer.alloc(8, 0xff));
    assert.deepStrictEqual(results[1].b1, Buffer.from([0]));
    assert.deepStrictEqual(results[1].b10, Buffer.from([0x00, 0x05]));
    assert.deepStrictEqual(results[1].b64, Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]));
  });
});
