'use strict';

// A tour of the callback API on a local server: connect, insert with escaping,
// select, stream rows, and run transactions. Run it with `npm run demo`.
//
// The server comes from the same variables the tests use:
//   MYSQL_HOST (127.0.0.1)  MYSQL_PORT (3306)  MYSQL_USER (root)
//   MYSQL_PASSWORD ('')     MYSQL_DATABASE (test)  MYSQL_SOCKET (unset)

const { Writable } = require('stream');
const mysql = require('..'); // package main: lib/index.js

const env = process.env;
const options = {
  host: env.MYSQL_HOST || '127.0.0.1',
  port: Number(env.MYSQL_PORT || 3306),
  user: env.MYSQL_USER || 'root',
  password: env.MYSQL_PASSWORD || '',
  database: env.MYSQL_DATABASE || 'test',
  socketPath: env.MYSQL_SOCKET || undefined,
  connectTimeout: 5000,
};
const where = options.socketPath || options.host + ':' + options.port;

// The table only lives as long as this session (TEMPORARY), so an interrupted
// demo leaves nothing behind.
const TABLE = 'demo_books';

const connection = mysql.createConnection(options);

// connection.query() with a callback, wrapped so the steps below read in order.
function query(sql, values) {
  return new Promise(function (resolve, reject) {
    connection.query(sql, values, function (err, results) {
      if (err) reject(err);
      else resolve(results);
    });
  });
}

function connect() {
  return new Promise(function (resolve, reject) {
    connection.connect(function (err) {
      if (err) reject(err);
      else resolve();
    });
  });
}

function section(title) {
  console.log('\n== ' + title);
}

async function insertAndSelect() {
  section('Insert with escaping');
  const books = [
    { title: "The Hitchhiker's Guide", author: 'Douglas Adams', year: 1979 },
    { title: 'Gödel, Escher, Bach', author: 'Douglas "Doug" Hofstadter', year: 1979 },
    { title: 'Robert\'); DROP TABLE demo_books;--', author: 'Little Bobby Tables', year: 2007 },
  ];
  for (const book of books) {
    // "SET ?" turns the object into `column` = 'escaped value' pairs.
    const result = await query('INSERT INTO ?? SET ?', [TABLE, book]);
    console.log('inserted id %d: %s', result.insertId, book.title);
  }

  // Nested arrays become a multi-row VALUES list.
  const bulk = await query('INSERT INTO ?? (title, author, year) VALUES ?',
    [TABLE, [['Dune', 'Frank Herbert', 1965], ['Neuromancer', 'William Gibson', 1984]]]);
  console.log('bulk insert: %d rows', bulk.affectedRows);

  section('Select with placeholders');
  const rows = await query('SELECT ?? FROM ?? WHERE year < ? ORDER BY year, id', [['id', 'title', 'year'], TABLE, 2000]);
  for (const row of rows) console.log('#%d  %d  %s', row.id, row.year, row.title);
  console.log('(the hostile title was stored as plain text: %j)',
    (await query('SELECT title FROM ?? WHERE year = 2007', [TABLE]))[0].title);
}

function streamRows() {
  section('Stream rows with query.stream()');
  return new Promise(function (resolve, reject) {
    // A deliberately slow consumer: the stream pauses the connection whenever
    // more than highWaterMark rows are waiting, and resumes it when drained.
    const printer = new Writable({
      objectMode: true,
      write: function (row, encoding, done) {
        console.log('streamed: %s by %s', row.title, row.author);
        setTimeout(done, 20);
      },
    });
    connection.query('SELECT title, author FROM ?? ORDER BY id', [TABLE])
      .stream({ highWaterMark: 2 })
      .on('error', reject)
      .pipe(printer)
      .on('finish', resolve);
  });
}

function transaction(method) {
  return new Promise(function (resolve, reject) {
    connection[method](function (err) {
      if (err) reject(err);
      else resolve();
    });
  });
}

async function transactions() {
  const count = async function () { return (await query('SELECT COUNT(*) AS n FROM ??', [TABLE]))[0].n; };

  section('Transaction rolled back');
  await transaction('beginTransaction');
  await query('DELETE FROM ??', [TABLE]);
  console.log('rows inside the transaction after DELETE: %d', await count());
  await transaction('rollback');
  console.log('rows after ROLLBACK: %d', await count());

  section('Transaction committed');
  await transaction('beginTransaction');
  const update = await query('UPDATE ?? SET year = year + 1 WHERE year < ?', [TABLE, 1980]);
  console.log('matched %d rows, changed %d', update.affectedRows, update.changedRows);
  await transaction('commit');
  const newest = await query('SELECT title, year FROM ?? WHERE year < 1981 ORDER BY year', [TABLE]);
  console.log('after COMMIT: %s', newest.map(function (r) { return r.title + ' (' + r.year + ')'; }).join(', '));
}

async function main() {
  try {
    await connect();
  } catch (err) {
    console.error('Cannot connect to the MySQL server at %s: %s (%s).', where, err.message, err.code);
    console.error('Start a server or point MYSQL_HOST / MYSQL_PORT / MYSQL_SOCKET / MYSQL_USER at one.');
    connection.destroy();
    process.exitCode = 1;
    return;
  }
  console.log('Connected to %s as id %d', where, connection.threadId);

  try {
    await query('CREATE TEMPORARY TABLE ?? (id INT PRIMARY KEY AUTO_INCREMENT, title VARCHAR(100), ' +
      'author VARCHAR(100), year INT) ENGINE=InnoDB CHARACTER SET utf8mb4', [TABLE]);
    await insertAndSelect();
    await streamRows();
    await transactions();
    await query('DROP TEMPORARY TABLE ??', [TABLE]);
    section('Done');
    console.log('Dropped %s.', TABLE);
  } catch (err) {
    console.error('Demo failed: %s', err.message);
    process.exitCode = 1;
  } finally {
    connection.end(function (err) {
      if (err) console.error('Error while closing: %s', err.message);
    });
  }
}

main();
