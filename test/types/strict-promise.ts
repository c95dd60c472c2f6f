// The promise API under `strict`: what every method resolves to, generic rows, and the row iterator.
import mysql = require('mysql-ts/promise');
import callbackApi = require('mysql-ts');
import { exactly, notAny } from './expect';

interface Item {
  id: number;
  name: string;
}

async function connectionApi(): Promise<void> {
  const conn: mysql.Connection = await mysql.createConnection({ host: 'db.example', user: 'app' });
  exactly<callbackApi.Connection>()(conn.connection);
  exactly<number | null>()(conn.threadId);

  // Without a type argument: loose results (rows and OkPacket fields), fields possibly undefined.
  const [rows, fields] = await conn.query('SELECT id, name FROM items WHERE id > ?', [0]);
  notAny(rows);
  exactly<unknown>()(rows[0].name);
  exactly<number>()(rows.insertId);
  exactly<mysql.FieldInfo[] | undefined>()(fields);

  // With a row type: the rows of a SELECT, and its fields.
  const [items, itemFields] = await conn.query<Item>('SELECT id, name FROM items');
  exactly<Item[]>()(items);
  exactly<mysql.FieldInfo[]>()(itemFields);
  // @ts-expect-error Item has no such column
  console.log(items[0].price);

  const [ok] = await conn.query({ sql: 'INSERT INTO items SET ?', timeout: 1000 }, { name: 'pen' });
  exactly<number>()(ok.insertId);

  exactly<void>()(await conn.ping());
  exactly<void>()(await conn.beginTransaction());
  exactly<void>()(await conn.commit());
  exactly<void>()(await conn.rollback());
  exactly<void>()(await conn.changeUser({ user: 'other' }));
  notAny((await conn.statistics()).uptime);

  // Rows one at a time with back-pressure; typed by the type argument.
  for await (const item of conn.queryStream<Item>('SELECT id, name FROM items')) {
    exactly<Item>()(item);
    if (item.id > 10) break;
  }
  for await (const row of conn.queryStream('SELECT 1')) {
    exactly<mysql.RowDataPacket>()(row);
    notAny(row.anything);
  }
  const iterator = conn.queryStream<Item>('SELECT id, name FROM items', [], { highWaterMark: 10 });
  const first = await iterator.next();
  if (!first.done) exactly<Item>()(first.value);
  else exactly<undefined>()(first.value);
  await iterator.return();

  try {
    await conn.query('SELECT * FROM missing');
  } catch (err) {
    const error = err as mysql.MysqlError;
    console.log(error.code, error.errno, error.sqlMessage);
  }
  conn.on('error', (err) => exactly<mysql.MysqlError>()(err));
  await conn.end();
  conn.destroy();
}

async function poolApi(): Promise<void> {
  const pool: mysql.Pool = mysql.createPool({ connectionLimit: 4, host: 'db.example' });
  exactly<callbackApi.Pool>()(pool.pool);
  const [items] = await pool.query<Item>('SELECT id, name FROM items');
  exactly<Item[]>()(items);
  const [result] = await pool.query('UPDATE items SET name = ?', ['x']);
  exactly<number>()(result.changedRows);

  const conn: mysql.PoolConnection = await pool.getConnection();
  exactly<callbackApi.PoolConnection>()(conn.connection);
  await conn.query('SELECT 1');
  conn.release();

  for await (const item of pool.queryStream<Item>('SELECT id, name FROM items')) exactly<Item>()(item);
  pool.on('connection', (connection) => exactly<callbackApi.PoolConnection>()(connection));
  await pool.end();
}

async function clusterApi(): Promise<void> {
  const cluster: mysql.PoolCluster = mysql.createPoolCluster({ canRetry: false });
  exactly<callbackApi.PoolCluster>()(cluster.poolCluster);
  cluster.add({ host: 'db1.example' });
  cluster.add('replica', { host: 'db2.example' });
  const any = await cluster.getConnection();
  any.release();
  const replica = await cluster.getConnection('replica*', 'RANDOM');
  replica.release();
  const namespace: mysql.PoolNamespace = cluster.of('replica*');
  const [items] = await namespace.query<Item>('SELECT id, name FROM items');
  exactly<Item[]>()(items);
  (await namespace.getConnection()).release();
  for await (const item of namespace.queryStream<Item>('SELECT id, name FROM items')) exactly<Item>()(item);
  cluster.on('remove', (nodeId) => exactly<string>()(nodeId));
  cluster.remove('replica');
  await cluster.end();
}

exactly<string>()(mysql.format('SELECT ?', [1]));
exactly<string>()(mysql.escape('x'));
console.log(connectionApi, poolApi, clusterApi, mysql.Types.TINY, mysql.raw('NOW()'));
