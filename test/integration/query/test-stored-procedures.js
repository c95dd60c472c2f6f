'use strict';

const assert = require('assert');
const common = require('../../support/common');
const { useFixtures, uniqueName } = require('../helpers');

describe('integration: stored procedures', function () {
  const fx = useFixtures();
  let conn;

  // Creates a procedure with the given parameter list and body; dropped after the test.
  async function procedure(params, body) {
    const name = uniqueName('p');
    fx.onCleanup('DROP PROCEDURE IF EXISTS ' + common.mysql.escapeId(name));
    await fx.run(conn, 'CREATE PROCEDURE ' + conn.escapeId(name) + ' (' + params + ') BEGIN ' + body + ' END');
    return name;
  }

  beforeEach(function () { conn = fx.connect(); });

  it('returns each result set, then the OkPacket of the CALL', async function () {
    const name = await procedure('', "SELECT 1 AS a; SELECT 'x' AS b, 2 AS c;");
    const { results, fields } = await fx.run(conn, 'CALL ??()', [name]);
    assert.strictEqual(results.length, 3);
    assert.deepStrictEqual(results[0].map(function (r) { return r.a; }), [1]);
    assert.deepStrictEqual(Object.assign({}, results[1][0]), { b: 'x', c: 2 });
    assert.strictEqual(results[2].constructor.name, 'OkPacket');
    assert.strictEqual(results[2].affectedRows, 0);
    assert.strictEqual(fields[0][0].name, 'a');
    assert.strictEqual(fields[2], undefined);
  });

  it('passes IN parameters with placeholders and reads OUT parameters back', async function () {
    const name = await procedure('IN x INT, OUT doubled INT', 'SET doubled = x * 2; SELECT x AS echoed;');
    const { results } = await fx.run(conn, 'CALL ??(?, @out)', [name, 21]);
    assert.strictEqual(results[0][0].echoed, 21);
    const { results: out } = await fx.run(conn, 'SELECT @out AS doubled');
    assert.strictEqual(out[0].doubled, 42);
  });

  it('returns just the OkPacket for a procedure without result sets', async function () {
    const table = fx.table('proc');
    await fx.run(conn, 'CREATE TABLE ?? (id INT)', [table]);
    const name = await procedure('', 'INSERT INTO ' + conn.escapeId(table) + ' VALUES (1), (2);');
    const { results } = await fx.run(conn, 'CALL ??()', [name]);
    assert.strictEqual(results.constructor.name, 'OkPacket');
    assert.strictEqual(results.affectedRows, 2);
  });

  it('reports an error raised inside the procedure', async function () {
    const name = await procedure('', "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custom failure';");
    await assert.rejects(fx.run(conn, 'CALL ??()', [name]), function (err) {
      assert.strictEqual(err.code, 'ER_SIGNAL_EXCEPTION');
      assert.strictEqual(err.sqlState, '45000');
      assert.strictEqual(err.sqlMessage, 'custom failure');
      return true;
    });
  });
});
