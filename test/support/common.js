'use strict';

// Shared test helpers. Every test reaches the library under test through this
// module, so one switch runs the whole suite against another implementation:
//
//   MYSQL_LIB=node_modules/mysql/lib npx mocha 'test/unit/**/*.js'   (upstream mysqljs)
//
// common.lib    absolute path of the library's lib/ directory (MYSQL_LIB, resolved
//               against the repository root; default <repo>/lib)
// common.mysql  the root module: <lib>/index.js when it exists (ours), otherwise
//               the directory above lib/ (upstream keeps index.js there)
// common.root, common.fixtures   the repository root and test/fixtures
// common.isUpstream / itOwn(title, fn)   itOwn is it() for behaviour upstream
//               lacks: skipped on upstream unless MYSQL_TEST_OWN=1
// common.config()                connection options from the MYSQL_* environment
// common.createConnection(extra) / createPool(extra)   on the configured server
// common.createFakeServer()      see fake-server.js
// common.fakeServerConfig(server, extra) / createFakeConnection(server, extra)
//               options for a fake server: always TCP to 127.0.0.1:server.port(),
//               whatever MYSQL_HOST or MYSQL_SOCKET say
// common.useFakeServer()         inside describe(): a listening fake server per
//               test (ctx.server) and ctx.createConnection(extra); afterEach
//               destroys the connections, then the server

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const lib = path.resolve(root, process.env.MYSQL_LIB || 'lib');
const ownIndex = path.join(lib, 'index.js');

exports.root = root;
exports.lib = lib;
exports.fixtures = path.join(root, 'test', 'fixtures');

// True when the suite runs against upstream mysqljs instead of lib/: tests of
// behaviour that mysqljs lacks are skipped there (see common.itOwn).
exports.isUpstream = !fs.existsSync(ownIndex) && fs.existsSync(path.join(lib, '..', 'index.js'));

// Loaded on first use, so a missing build fails the tests that need it with a
// require error instead of aborting mocha while it loads the test files.
Object.defineProperty(exports, 'mysql', {
  enumerable: true,
  get: function () {
    return require(exports.isUpstream ? path.join(lib, '..') : ownIndex);
  },
});

// A test of behaviour that upstream mysqljs does not have carries a comment
// that says what upstream does instead; MYSQL_TEST_OWN=1 runs it there anyway,
// to see it fail.
exports.itOwn = function itOwn(title, fn) {
  const skip = exports.isUpstream && !process.env.MYSQL_TEST_OWN;
  return (skip ? it.skip : it)(title, fn);
};

exports.config = function config() {
  const env = process.env;
  const options = {
    host: env.MYSQL_HOST || '127.0.0.1',
    port: Number(env.MYSQL_PORT || 3306),
    user: env.MYSQL_USER || 'root',
    password: env.MYSQL_PASSWORD || '',
    database: env.MYSQL_DATABASE || 'test',
  };
  if (env.MYSQL_SOCKET) options.socketPath = env.MYSQL_SOCKET;
  return options;
};

exports.createConnection = function createConnection(extra) {
  return exports.mysql.createConnection(Object.assign(exports.config(), extra));
};

exports.createPool = function createPool(extra) {
  return exports.mysql.createPool(Object.assign(exports.config(), extra));
};

exports.createFakeServer = function createFakeServer() {
  return require('./fake-server').createFakeServer();
};

exports.fakeServerConfig = function fakeServerConfig(server, extra) {
  return Object.assign({ host: '127.0.0.1', port: server.port(), user: 'root' }, extra);
};

exports.createFakeConnection = function createFakeConnection(server, extra) {
  return exports.mysql.createConnection(exports.fakeServerConfig(server, extra));
};

exports.useFakeServer = function useFakeServer() {
  const ctx = {
    server: null,
    connections: [],
    createConnection: function (extra) {
      const connection = exports.createFakeConnection(ctx.server, extra);
      ctx.connections.push(connection);
      return connection;
    },
  };

  beforeEach(function (done) {
    ctx.server = exports.createFakeServer();
    ctx.server.listen(0, done);
  });

  // Client connections go first: a server that closes under a live connection
  // would make it emit a fatal 'error' after the test.
  afterEach(function (done) {
    ctx.connections.splice(0).forEach(function (connection) { connection.destroy(); });
    ctx.server.destroy(done);
  });

  return ctx;
};
