// The callback API under `strict`: results, fields, errors and events are typed, and none of them is `any`.
import mysql = require('mysql-ts');
import { exactly, notAny } from './expect';

const connection: mysql.Connection = mysql.createConnection({ host: 'db.example', user: 'app', database: 'shop' });

connection.connect((err) => {
  exactly<mysql.MysqlError | null>()(err);
  if (err) console.log(err.code, err.errno, err.fatal, err.sqlState, err.sqlMessage, err.sql);
});

// Without a type argument the results serve both a SELECT (rows) and other statements (OkPacket fields).
connection.query('SELECT id, name FROM items', (err, rows, fields) => {
  if (err) throw err;
  notAny(rows);
  notAny(rows[0].name);
  exactly<unknown>()(rows[0].name);
  exactly<number>()(rows.length);
  exactly<mysql.FieldInfo[] | undefined>()(fields);
  if (fields) exactly<string>()(fields[0].name);
});
connection.query('INSERT INTO items SET ?', { name: 'pen' }, (err, result) => {
  if (err) throw err;
  exactly<number>()(result.insertId);
  exactly<number>()(result.affectedRows);
  exactly<number>()(result.changedRows);
});

// A type argument (or an annotated callback) names the result type.
interface Item {
  id: number;
  name: string;
}
connection.query<Item[]>('SELECT id, name FROM items', (err, items) => {
  if (err) throw err;
  exactly<string>()(items[0].name);
});
connection.query('DELETE FROM items', (err: mysql.MysqlError | null, result: mysql.OkPacket) => {
  if (!err) exactly<number>()(result.affectedRows);
});

// Events carry typed arguments.
const query = connection.query('SELECT * FROM items')
  .on('error', (err) => exactly<mysql.MysqlError>()(err))
  .on('fields', (fields, index) => {
    exactly<mysql.FieldInfo[]>()(fields);
    exactly<number>()(index);
  })
  .on('result', (row, index) => {
    notAny(row);
    exactly<number>()(index);
  })
  .on('end', () => undefined);
exactly<mysql.Query>()(query);
// A Query is not a thenable: promise libraries would otherwise mistake it for a promise.
// @ts-expect-error Query has no then()
query.then(() => undefined);

connection.on('error', (err) => exactly<mysql.MysqlError>()(err));
connection.ping((err) => exactly<mysql.MysqlError | null>()(err));
connection.statistics((err, stats) => {
  if (!err) notAny(stats.uptime);
});
connection.end((err) => notAny(err));

// Type casting receives a typed field.
connection.query({
  sql: 'SELECT flag FROM items',
  typeCast: (field, next) => {
    exactly<string | undefined>()(field.type);
    if (field.type === 'TINY' && field.length === 1) return field.string() === '1';
    return next();
  },
});

// Pools and clusters.
const pool: mysql.Pool = mysql.createPool({ connectionLimit: 2, host: 'db.example' });
pool.getConnection((err, conn) => {
  if (err || !conn) return;
  exactly<mysql.PoolConnection>()(conn);
  conn.query('SELECT 1', () => conn.release());
});
const cluster: mysql.PoolCluster = mysql.createPoolCluster({ defaultSelector: 'ORDER' });
cluster.add('primary', { host: 'db.example' });
const namespace: mysql.PoolNamespace = cluster.of('primary');
namespace.getConnection((err, conn) => {
  if (!err && conn) conn.release();
});

// Escaping helpers and constants.
exactly<string>()(mysql.format('SELECT ?', [1]));
exactly<string>()(mysql.escape(new Date()));
exactly<string>()(mysql.escapeId('a.b'));
exactly<8>()(mysql.Types.LONGLONG);
const code: mysql.Types = mysql.Types.VAR_STRING;
console.log(code);
