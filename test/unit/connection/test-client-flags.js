'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: client capability flags sent in the handshake response', function () {
  const fake = common.useFakeServer();
  let Client;

  before(function () {
    Client = require(common.lib + '/protocol/constants/client');
  });

  function sentFlags(options, callback) {
    let flags = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', function (packet) { flags = packet.clientFlags; });
      conn.handshake();
    });
    fake.createConnection(options).connect(function (err) {
      assert.ifError(err);
      callback(flags);
    });
  }

  function has(flags, name) {
    return (flags & Client['CLIENT_' + name]) !== 0;
  }

  it('sends the mysqljs defaults', function (done) {
    sentFlags({}, function (flags) {
      ['LONG_PASSWORD', 'FOUND_ROWS', 'LONG_FLAG', 'CONNECT_WITH_DB', 'ODBC', 'LOCAL_FILES', 'IGNORE_SPACE',
        'PROTOCOL_41', 'IGNORE_SIGPIPE', 'TRANSACTIONS', 'RESERVED', 'SECURE_CONNECTION', 'MULTI_RESULTS',
        'PS_MULTI_RESULTS'].forEach(function (name) {
        assert.ok(has(flags, name), name + ' is set');
      });
      ['MULTI_STATEMENTS', 'SSL', 'COMPRESS'].forEach(function (name) {
        assert.ok(!has(flags, name), name + ' is not set');
      });
      done();
    });
  });

  it('removes a flag named with a minus in the flags string', function (done) {
    sentFlags({ flags: '-FOUND_ROWS' }, function (flags) {
      assert.ok(!has(flags, 'FOUND_ROWS'));
      assert.ok(has(flags, 'PROTOCOL_41'));
      done();
    });
  });

  it('adds flags named with a plus or no sign, in a comma-separated string or an array', function (done) {
    sentFlags({ flags: ['+MULTI_STATEMENTS', 'INTERACTIVE'] }, function (flags) {
      assert.ok(has(flags, 'MULTI_STATEMENTS'));
      assert.ok(has(flags, 'INTERACTIVE'));
      done();
    });
  });

  it('accepts lowercase flag names with spaces around the commas', function (done) {
    sentFlags({ flags: '-found_rows , +multi_statements' }, function (flags) {
      assert.ok(!has(flags, 'FOUND_ROWS'));
      assert.ok(has(flags, 'MULTI_STATEMENTS'));
      done();
    });
  });

  it('sets MULTI_STATEMENTS for multipleStatements: true', function (done) {
    sentFlags({ multipleStatements: true }, function (flags) {
      assert.ok(has(flags, 'MULTI_STATEMENTS'));
      done();
    });
  });

  it('clears LOCAL_FILES for localInfile: false', function (done) {
    sentFlags({ localInfile: false }, function (flags) {
      assert.ok(!has(flags, 'LOCAL_FILES'));
      done();
    });
  });
});
