'use strict';

// The bench_ tables in database `test`: created and filled before a run, dropped after it.

const ROWS_COUNT = 100000;
const REPLAY_COUNT = 10000;
const ROWS_SQL = 'SELECT id, name, created, score, body FROM bench_rows';
const REPLAY_SQL = ROWS_SQL + ' LIMIT ' + REPLAY_COUNT;

const INT_COLUMNS = Array.from({ length: 100 }, (_, i) => 'i' + (i + 1));
const INSERT_COLUMNS = Array.from({ length: 10 }, (_, i) => 'v' + (i + 1) + ' VARCHAR(100) NOT NULL');

const NAMES = ['bench_char1', 'bench_char1000', 'bench_int100', 'bench_insert', 'bench_rows'];

// MariaDB's SEQUENCE engine (seq_1_to_N) generates the rows server-side.
const CREATE = [
  'CREATE TABLE bench_char1 (id INT NOT NULL PRIMARY KEY, c CHAR(32) NOT NULL)',
  "INSERT INTO bench_char1 VALUES (1, 'abcdefghijklmnopqrstuvwxyz012345')",
  'CREATE TABLE bench_char1000 (id INT NOT NULL PRIMARY KEY, c CHAR(32) NOT NULL)',
  'INSERT INTO bench_char1000 SELECT seq, MD5(seq) FROM seq_1_to_1000',
  'CREATE TABLE bench_int100 (' + INT_COLUMNS.map((c) => c + ' INT NOT NULL').join(', ') + ')',
  'INSERT INTO bench_int100 VALUES (' + INT_COLUMNS.map((_, i) => (i + 1) * 1000003).join(', ') + ')',
  // MyISAM: with InnoDB every autocommitted INSERT waits for an fsync, which caps all drivers alike.
  'CREATE TABLE bench_insert (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, ' + INSERT_COLUMNS.join(', ') +
    ') ENGINE=MyISAM',
  'CREATE TABLE bench_rows (id INT NOT NULL PRIMARY KEY, name VARCHAR(64) NOT NULL, created DATETIME NOT NULL,' +
    ' score DOUBLE NOT NULL, body TEXT NOT NULL)',
  // body: 6 × 32 hex digits + 8 = 200 bytes
  "INSERT INTO bench_rows SELECT seq, CONCAT('user-', seq, '-', MD5(seq)), '2024-01-01 00:00:00' + INTERVAL seq MINUTE," +
    ' seq * 1.0e0 / 7, CONCAT(REPEAT(MD5(seq), 6), LEFT(MD5(seq + 1), 8)) FROM seq_1_to_' + ROWS_COUNT,
];

const DROP = 'DROP TABLE IF EXISTS ' + NAMES.join(', ');

module.exports = { ROWS_COUNT, REPLAY_COUNT, ROWS_SQL, REPLAY_SQL, CREATE, DROP };
