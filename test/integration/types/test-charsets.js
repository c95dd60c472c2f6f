'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: character sets', function () {
  const fx = useFixtures();

  it('the charset option sets the session character set and collation', async function () {
    const conn = fx.connect({ charset: 'UTF8MB4_UNICODE_CI' });
    const { results } = await fx.run(conn,
      'SELECT @@character_set_client AS client, @@character_set_results AS results, @@collation_connection AS coll');
    assert.deepStrictEqual(Object.assign({}, results[0]), { client: 'utf8mb4', results: 'utf8mb4', coll: 'utf8mb4_unicode_ci' });
  });

  it('a SQL-level charset name selects that charset\'s default collation', async function () {
    const conn = fx.connect({ charset: 'utf8mb4' });
    const { results } = await fx.run(conn, 'SELECT @@character_set_client AS client');
    assert.strictEqual(results[0].client, 'utf8mb4');
  });

  it('the default charset is UTF8_GENERAL_CI', async function () {
    const conn = fx.connect();
    const { results } = await fx.run(conn, 'SELECT @@collation_connection AS coll');
    assert.match(results[0].coll, /^utf8(mb3)?_general_ci$/);
  });

  it('an unknown charset name is rejected when the connection is created', function () {
    assert.throws(function () { fx.connect({ charset: 'NOT_A_CHARSET' }); }, /Unknown charset 'NOT_A_CHARSET'/);
  });

  it('a latin1 table reads back as correct strings over a utf8mb4 connection', async function () {
    const conn = fx.connect({ charset: 'UTF8MB4_GENERAL_CI' });
    const table = fx.table('latin');
    const text = 'Café déjà vu – naïve Ångström ÿ ß';
    await fx.run(conn, 'CREATE TABLE ?? (s VARCHAR(60)) CHARACTER SET latin1', [table]);
    // '–' (en dash) is in cp1252, which MariaDB uses for latin1.
    await fx.run(conn, 'INSERT INTO ?? VALUES (?)', [table, text]);
    const { results } = await fx.run(conn, 'SELECT s, LENGTH(s) AS bytes, CHAR_LENGTH(s) AS chars FROM ??', [table]);
    assert.strictEqual(results[0].s, text);
    assert.strictEqual(results[0].bytes, text.length, 'stored as one byte per character');
    assert.strictEqual(results[0].chars, text.length);
  });

  it('4-byte characters survive a utf8mb4 connection and table', async function () {
    const conn = fx.connect({ charset: 'UTF8MB4_GENERAL_CI' });
    const table = fx.table('emoji');
    const text = '😀 𝄞 𠜎';
    await fx.run(conn, 'CREATE TABLE ?? (s VARCHAR(20)) CHARACTER SET utf8mb4', [table]);
    await fx.run(conn, 'INSERT INTO ?? VALUES (?)', [table, text]);
    const { results } = await fx.run(conn, 'SELECT s, HEX(s) AS hex FROM ??', [table]);
    assert.strictEqual(results[0].s, text);
    assert.strictEqual(results[0].hex, Buffer.from(text, 'utf8').toString('hex').toUpperCase());
  });

  it('a charsetNr on each field reports the column character set', async function () {
    const conn = fx.connect({ charset: 'UTF8MB4_GENERAL_CI' });
    const { fields } = await fx.run(conn, "SELECT 'a' AS text, 1 AS num, CAST('b' AS BINARY) AS bin");
    assert.strictEqual(fields[0].charsetNr, 45); // utf8mb4_general_ci
    assert.strictEqual(fields[1].charsetNr, 63); // binary
    assert.strictEqual(fields[2].charsetNr, 63);
  });
});
