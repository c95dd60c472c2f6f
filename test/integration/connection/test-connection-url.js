'use strict';

const assert = require('assert');
const common = require('../../support/common');

// mysql://user:pass@host:port/db?options, built from the MYSQL_* settings.
function url(query) {
  const c = common.config();
  const auth = encodeURIComponent(c.user) + (c.password ? ':' + encodeURIComponent(c.password) : '');
  return 'mysql://' + auth + '@' + c.host + ':' + c.port + '/' + c.database + (query ? '?' + query : '');
}

function query(conn, sql) {
  return new Promise(function (resolve, reject) {
    conn.query(sql, function (err, rows) { if (err) reject(err); else resolve(rows); });
  });
}

describe('integration: createConnection with a URL string', function () {
  let conn;

  afterEach(function (done) {
    if (!conn) return done();
    conn.end(function () { conn.destroy(); conn = null; done(); });
  });

  it('takes host, port, user and database from the URL', async function () {
    conn = common.mysql.createConnection(url());
    const c = common.config();
    assert.strictEqual(conn.config.host, c.host);
    assert.strictEqual(Number(conn.config.port), c.port);
    assert.strictEqual(conn.config.user, c.user);
    assert.strictEqual(conn.config.database, c.database);

    const rows = await query(conn, 'SELECT DATABASE() AS db, CURRENT_USER() AS who');
    assert.strictEqual(rows[0].db, c.database);
    assert.match(rows[0].who, new RegExp('^' + c.user + '@'));
  });

  it('applies charset, timezone and dateStrings from the query string', async function () {
    conn = common.mysql.createConnection(url('charset=BIG5_CHINESE_CI&timezone=-0700&dateStrings=true'));
    assert.strictEqual(conn.config.timezone, '-0700');
    assert.strictEqual(conn.config.dateStrings, true);

    const rows = await query(conn,
      "SELECT @@collation_connection AS coll, CAST('2020-01-02 03:04:05' AS DATETIME) AS dt");
    assert.strictEqual(rows[0].coll, 'big5_chinese_ci');
    assert.strictEqual(rows[0].dt, '2020-01-02 03:04:05');
  });

  it('parses the timezone from the URL when casting dates', async function () {
    conn = common.mysql.createConnection(url('timezone=-0700'));
    const rows = await query(conn, "SELECT CAST('2020-01-02 03:04:05' AS DATETIME) AS dt");
    assert.ok(rows[0].dt instanceof Date);
    assert.strictEqual(rows[0].dt.toISOString(), '2020-01-02T10:04:05.000Z');
  });

  it('keeps a "+HH:MM" timezone whose "+" decodes to a space', function () {
    conn = common.mysql.createConnection(url('timezone=+05:30'));
    assert.strictEqual(conn.config.timezone, '+05:30');
  });

  it('parses option values as JSON when they are JSON', async function () {
    conn = common.mysql.createConnection(url('supportBigNumbers=true&bigNumberStrings=true&multipleStatements=true'));
    assert.strictEqual(conn.config.supportBigNumbers, true);
    assert.strictEqual(conn.config.bigNumberStrings, true);

    const results = await query(conn, 'SELECT CAST(1.5 AS DECIMAL(5,1)) AS n; SELECT 2 AS m');
    assert.strictEqual(results[0][0].n, '1.5');
    assert.strictEqual(results[1][0].m, 2);
  });
});
