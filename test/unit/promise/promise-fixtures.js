'use strict';

// Shared by the promise API's unit tests (this file holds no tests).
//
//   describeOwn(title, fn)     describe() that is skipped on upstream mysqljs, which has no promise API
//   promiseApi()               <lib>/promise, loaded on first use
//   connect(fake, extra)       a promise connection to fake.server; its callback connection is destroyed
//                              after the test together with the fake server's own
//   rows(n)                    n rows of [id, name] for conn.sendResultSet(['id', 'name'], rows(n))
//   startResultSet(conn, names) sends a result set's header, fields and first EOF: rows may follow with
//                              conn.writeRow(values), and conn.eof() or conn.error() ends it

const path = require('path');
const common = require('../../support/common');

const describeOwn = common.isUpstream && !process.env.MYSQL_TEST_OWN ? describe.skip : describe;

function promiseApi() {
  return require(path.join(common.lib, 'promise'));
}

async function connect(fake, extra) {
  const connection = await promiseApi().createConnection(common.fakeServerConfig(fake.server, extra));
  fake.connections.push(connection.connection);
  return connection;
}

function rows(count) {
  const list = [];
  for (let i = 1; i <= count; i++) list.push([String(i), 'row ' + i]);
  return list;
}

function startResultSet(conn, names) {
  const Packets = require(path.join(common.lib, 'protocol', 'packets'));
  conn.writePacket(new Packets.ResultSetHeaderPacket({ fieldCount: names.length }));
  names.forEach(function (name) { conn.writePacket(conn.fieldPacket({ name: name })); });
  conn.eof();
}

module.exports = { describeOwn, promiseApi, connect, rows, startResultSet };
