// Code in the style of @types/mysql's own tests: every call form, event, option and exported type that
// @types/mysql declares. It is compiled twice with @types/mysql's compiler settings (strictNullChecks off):
// against @types/mysql itself (tsconfig.types-mysql.json, proving it is valid code for those types) and
// against mysql-ts's lib/index.d.ts (tsconfig.compat.json), which must accept it unchanged.
import fs = require('fs');
import stream = require('stream');
import mysql = require('mysql');

let connection = mysql.createConnection({ host: 'db.example', user: 'app', password: 'secret', database: 'shop' });
connection.connect();
connection.connect((err) => {
  if (err) {
    console.error('connect failed: ' + err.stack + ' ' + err.code + ' ' + err.fatal);
    return;
  }
  console.log('thread ' + connection.threadId + ' is ' + connection.state);
});

connection = mysql.createConnection('mysql://app:secret@db.example/shop?flags=-FOUND_ROWS');
connection = mysql.createConnection({ ssl: 'Amazon RDS' });
connection = mysql.createConnection({ ssl: { ca: fs.readFileSync('/dev/null'), rejectUnauthorized: false } });
connection = mysql.createConnection({ debug: ['ComQueryPacket', 'RowDataPacket'], trace: false });
connection = mysql.createConnection({ dateStrings: ['DATE', 'DATETIME'], supportBigNumbers: true, bigNumberStrings: true });
connection = mysql.createConnection({ flags: ['-FOUND_ROWS'], multipleStatements: true, timezone: 'Z' });
connection = mysql.createConnection({ port: 3307, connectTimeout: 5000, charset: 'UTF8MB4_GENERAL_CI', typeCast: false });

// Query call forms and their results.
connection.query('SELECT 1 + 1 AS two', (err, rows, fields) => {
  if (err) throw err;
  console.log(rows[0].two, rows.length, fields[0].name, fields[0].type === mysql.Types.LONGLONG);
});
connection.query('SELECT * FROM items WHERE id = ?', [7], (err, rows) => {
  console.log(err.sqlMessage, rows);
});
connection.query({ sql: 'SELECT * FROM items', timeout: 1000, nestTables: '_' }, (err, rows) => {
  if (err && err.code === 'PROTOCOL_SEQUENCE_TIMEOUT') console.log('too slow');
  console.log(rows);
});
connection.query({ sql: 'SELECT * FROM items WHERE id = ?', values: [1], typeCast: true }, (err: Error, rows: any) => {
  console.log(err, rows);
});
connection.query({ sql: 'SELECT * FROM items WHERE id = ?' }, [2], (err, rows) => console.log(rows));
const insert = connection.query('INSERT INTO items SET ?', { name: 'pen' }, (err, result) => {
  console.log(result.insertId, result.affectedRows, result.changedRows);
});
console.log(insert.sql);
connection.query('USE nowhere', (err: mysql.MysqlError, rows: any) => console.log(err.code, err.errno, rows));
connection.query('DELETE FROM items', (err, result: mysql.OkPacket) => console.log(result.affectedRows));
connection.query('SELECT 1; SELECT 2', (err, results) => console.log(results[0], results[1]));
connection.query('UPDATE items SET name = :name', { name: 'pen' });

// A custom format, and escaping.
connection.config.queryFormat = function (query: string, values: any): string {
  if (!values) return query;
  return query.replace(/:(\w+)/g, (text: string, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? mysql.escape(values[key]) : text);
};
const order = 'SELECT * FROM items ORDER BY ' + connection.escapeId('items.name') + ' LIMIT ' + connection.escape(10);
const formatted: string = mysql.format('SELECT ?? FROM ?? WHERE id = ?', [['a', 'b'], 'items', 3]);
const now = mysql.raw('NOW()');
console.log(order, formatted, mysql.format('UPDATE items SET at = ?', [now]), mysql.escapeId('a.b', true),
  mysql.escape('x', true, 'Z'), now.toSqlString());

// Streaming: events, pause/resume, and a Readable.
connection.query('SELECT * FROM items')
  .on('error', (err) => console.error(err.code))
  .on('fields', (fields, index) => console.log(fields.length, index))
  .on('result', (row, index) => {
    connection.pause();
    setTimeout(() => connection.resume(), 10);
    console.log(row, index);
  })
  .on('end', () => console.log('done'));
connection.query('SELECT * FROM items').stream({ highWaterMark: 5 }).pipe(fs.createWriteStream('/dev/null'));
const readable: stream.Readable = connection.query('SELECT 1').stream();
console.log(readable.readable);

// A custom typeCast.
connection.query({
  sql: 'SELECT flag FROM items',
  typeCast: (field, next: () => void) => {
    if (field.type === 'TINY' && field.length === 1) return field.string() === '1';
    if (field.type === 'BLOB') return field.buffer();
    if (field.type === 'GEOMETRY') return field.geometry();
    return next();
  },
});

// Transactions, other commands, errors, teardown.
connection.beginTransaction((err) => {
  if (err) throw err;
  connection.query('INSERT INTO log SET ?', { at: new Date() }, (err) => {
    if (err) {
      connection.rollback(() => { throw err; });
      return;
    }
    connection.commit((err) => {
      if (err) connection.rollback(() => console.log('rolled back'));
    });
  });
});
connection.changeUser({ user: 'other', password: 'x', database: 'shop', charset: 'UTF8_GENERAL_CI' }, (err) => console.log(err));
connection.ping((err) => console.log(err));
connection.statistics((err) => console.log(err));
connection.on('error', (err: mysql.MysqlError) => console.log(err.code, err.fatal, err.sqlState, err.sql));
connection.end((err) => console.log(err));
connection.end();
connection.destroy();

// Pools.
const poolConfig: mysql.PoolConfig = { connectionLimit: 10, host: 'db.example', user: 'app', queueLimit: 0,
  waitForConnections: true, acquireTimeout: 1000 };
let pool: mysql.Pool = mysql.createPool(poolConfig);
pool = mysql.createPool('mysql://app@db.example/shop');
pool.query('SELECT 1 AS one', (err, rows, fields) => console.log(rows[0].one, fields));
pool.query('SELECT ? AS one', [1], (err, rows) => console.log(rows));
pool.on('connection', (conn: mysql.PoolConnection) => conn.query('SET SESSION sql_mode = ""'));
pool.getConnection((err, conn) => {
  if (err) throw err;
  conn.query('SELECT 1', (err, rows) => {
    conn.release();
    console.log(rows);
  });
});
pool.getConnection((err, conn: mysql.PoolConnection) => conn.destroy());
console.log(pool.config.connectionLimit, pool.config.connectionConfig.host, pool.escape('x'), pool.escapeId('y'));
pool.end((err) => console.log(err));

// Clusters.
const clusterConfig: mysql.PoolClusterConfig = { canRetry: true, removeNodeErrorCount: 3, restoreNodeTimeout: 1000,
  defaultSelector: 'ORDER' };
const cluster: mysql.PoolCluster = mysql.createPoolCluster(clusterConfig);
mysql.createPoolCluster();
cluster.add(poolConfig);
cluster.add('MASTER', poolConfig);
cluster.add('REPLICA1', poolConfig);
cluster.on('remove', (nodeId) => console.log('removed ' + nodeId));
cluster.getConnection((err, conn) => conn.release());
cluster.getConnection('MASTER', (err, conn) => conn.release());
cluster.getConnection('REPLICA*', 'RANDOM', (err, conn) => conn.release());
cluster.of('*').getConnection((err, conn) => conn.release());
const replicas = cluster.of('REPLICA*', 'RR');
replicas.query('SELECT 1', (err, rows) => console.log(rows));
replicas.getConnection((err, conn) => conn.release());
cluster.remove('REPLICA1');
cluster.end((err) => console.log(err));
cluster.end();

// Exported types.
function describeField(field: mysql.FieldInfo): string {
  return field.db + '.' + field.table + '.' + field.name + ' ' + field.type + ' ' + field.length + ' ' + field.flags;
}
const options: mysql.QueryOptions = { sql: 'SELECT 1', timeout: 10 };
const config: mysql.ConnectionConfig = { host: 'db.example', user: 'app' };
const change: mysql.ConnectionOptions = { user: 'other' };
const cast: mysql.TypeCast = (field, next) => (field.type === 'JSON' ? JSON.parse(field.string()) : next());
const callback: mysql.queryCallback = (err, results, fields) => console.log(err, results, fields);
const run: mysql.QueryFunction = connection.query;
const query: mysql.Query = connection.query(options, callback);
const escaper: mysql.EscapeFunctions = mysql;
console.log(describeField, config, change, cast, run, query.sql, escaper.escape(1));
