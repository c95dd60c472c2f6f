'use strict';

const assert = require('assert');
const { useFixtures } = require('../helpers');

describe('integration: GEOMETRY type casting', function () {
  const fx = useFixtures();
  let conn;
  let table;

  beforeEach(async function () {
    conn = fx.connect();
    table = fx.table('geo');
    await fx.run(conn, 'CREATE TABLE ?? (id INT PRIMARY KEY, g GEOMETRY)', [table]);
  });

  async function readGeometry(wkt) {
    await fx.run(conn, 'INSERT INTO ?? VALUES (1, ST_GeomFromText(?))', [table, wkt]);
    const { results, fields } = await fx.run(conn, 'SELECT g FROM ??', [table]);
    assert.strictEqual(fields[0].type, 255); // GEOMETRY
    return results[0].g;
  }

  it('a POINT comes back as {x, y}', async function () {
    assert.deepStrictEqual(await readGeometry('POINT(1.5 -2)'), { x: 1.5, y: -2 });
  });

  it('a LINESTRING comes back as an array of points', async function () {
    assert.deepStrictEqual(await readGeometry('LINESTRING(0 0, 1 1, 2 4)'),
      [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 4 }]);
  });

  it('a POLYGON comes back as an array of rings of points', async function () {
    assert.deepStrictEqual(await readGeometry('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))'), [
      [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 0, y: 0 }],
      [{ x: 2, y: 2 }, { x: 3, y: 2 }, { x: 3, y: 3 }, { x: 2, y: 2 }],
    ]);
  });

  it('MULTIPOINT and GEOMETRYCOLLECTION come back as arrays of their members', async function () {
    assert.deepStrictEqual(await readGeometry('MULTIPOINT(1 1, 2 2)'), [{ x: 1, y: 1 }, { x: 2, y: 2 }]);
    await fx.run(conn, 'DELETE FROM ??', [table]);
    assert.deepStrictEqual(await readGeometry('GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1))'),
      [{ x: 1, y: 2 }, [{ x: 0, y: 0 }, { x: 1, y: 1 }]]);
  });

  it('a NULL geometry comes back as null', async function () {
    await fx.run(conn, 'INSERT INTO ?? VALUES (1, NULL)', [table]);
    const { results } = await fx.run(conn, 'SELECT g FROM ??', [table]);
    assert.strictEqual(results[0].g, null);
  });
});
