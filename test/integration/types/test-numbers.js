'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

// [column type, values to insert and expect back as JavaScript numbers]
const INTEGER_COLUMNS = [
  ['TINYINT', [-128, 0, 127]],
  ['TINYINT UNSIGNED', [0, 255]],
  ['SMALLINT', [-32768, 32767]],
  ['SMALLINT UNSIGNED', [0, 65535]],
  ['MEDIUMINT', [-8388608, 8388607]],
  ['MEDIUMINT UNSIGNED', [0, 16777215]],
  ['INT', [-2147483648, 2147483647]],
  ['INT UNSIGNED', [0, 4294967295]],
  ['BIGINT', [-9007199254740991, 9007199254740991]],
  ['BIGINT UNSIGNED', [0, 9007199254740991]],
];

describe('integration: numeric type casting', function () {
  const fx = useFixtures();
  let conn;

  beforeEach(function () { conn = fx.connect(); });

  // Stores each value in a one-column table of the given type and reads it back.
  async function roundTrip(type, values) {
    const table = fx.table('num');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY AUTO_INCREMENT, v ' + type + ')', [table]);
    await fx.run(conn, 'INSERT INTO ?? (v) VALUES ?', [table, values.map(function (v) { return [v]; })]);
    const { results, fields } = await fx.run(conn, 'SELECT v FROM ?? ORDER BY id', [table]);
    return { values: results.map(function (r) { return r.v; }), field: fields[0] };
  }

  for (const [type, values] of INTEGER_COLUMNS) {
    it(type + ' values come back as Numbers, limits included', async function () {
      const back = await roundTrip(type, values);
      assert.deepStrictEqual(back.values, values);
    });
  }

  it('BIGINT beyond 2^53 comes back as a (rounded) Number without supportBigNumbers', async function () {
    const back = await roundTrip('BIGINT UNSIGNED', ['18446744073709551615']);
    assert.strictEqual(typeof back.values[0], 'number');
    assert.strictEqual(back.values[0], 18446744073709551615);
  });

  it('FLOAT values come back as Numbers', async function () {
    const back = await roundTrip('FLOAT', [1.5, -0.25, 0, 3.4e38]);
    assert.deepStrictEqual(back.values, [1.5, -0.25, 0, 3.4e38]);
  });

  it('DOUBLE values come back as Numbers with full precision', async function () {
    const values = [0.1, -1.7976931348623157e308, 5e-324, 123456789.123456789, Math.PI];
    const back = await roundTrip('DOUBLE', values);
    assert.deepStrictEqual(back.values, values);
  });

  it('DECIMAL values come back as Numbers by default', async function () {
    const back = await roundTrip('DECIMAL(10,2)', ['12.34', '-0.50', '99999999.99']);
    assert.deepStrictEqual(back.values, [12.34, -0.5, 99999999.99]);
  });

  it('ZEROFILL columns come back as strings that keep their leading zeros', async function () {
    const back = await roundTrip('INT(5) ZEROFILL', [42, 123456]);
    assert.strictEqual(back.field.zeroFill, true);
    assert.deepStrictEqual(back.values, ['00042', 123456]);
  });

  it('YEAR values come back as Numbers', async function () {
    const back = await roundTrip('YEAR', [1901, 2024, 2155]);
    assert.deepStrictEqual(back.values, [1901, 2024, 2155]);
  });

  it('NULL comes back as null for every numeric type', async function () {
    const types = ['TINYINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL(5,1)', 'YEAR'];
    const table = fx.table('nulls');
    await fx.run(conn, 'CREATE TABLE ?? (' + types.map(function (t, i) { return 'c' + i + ' ' + t; }).join(', ') + ')', [table]);
    await fx.run(conn, 'INSERT INTO ?? () VALUES ()', [table]);
    const { results } = await fx.run(conn, 'SELECT * FROM ??', [table]);
    assert.deepStrictEqual(Object.values(results[0]), types.map(function () { return null; }));
  });

  it('computed integer and decimal expressions are cast by their result type', async function () {
    const { results } = await fx.run(conn, 'SELECT 1 + 1 AS i, 7 / 2 AS d, COUNT(*) AS c, SUM(2) AS s FROM DUAL');
    assert.deepStrictEqual(Object.assign({}, results[0]), { i: 2, d: 3.5, c: 1, s: 2 });
  });
});
