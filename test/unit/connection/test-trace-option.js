'use strict';

const assert = require('assert');
const common = require('../../support/common');

const DELIMITER = '\n    --------------------\n';

describe('connection: trace option', function () {
  const fake = common.useFakeServer();

  beforeEach(function () {
    fake.server.on('connection', function (conn) {
      conn.handshake();
      conn.on('query', function () { conn.error("Table 'test.nope' doesn't exist", 1146, '42S02'); });
    });
  });

  function issueQueryFromHere(connection, callback) {
    connection.query('SELECT * FROM nope', callback);
  }

  it('appends the stack of the query() call after a delimiter by default', function (done) {
    issueQueryFromHere(fake.createConnection(), function (err) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      const index = err.stack.indexOf(DELIMITER);
      assert.ok(index !== -1, 'the stack has the long-trace delimiter');
      assert.match(err.stack.slice(index), /issueQueryFromHere/);
      done();
    });
  });

  it('leaves the stack alone with trace: false', function (done) {
    issueQueryFromHere(fake.createConnection({ trace: false }), function (err) {
      assert.strictEqual(err.code, 'ER_NO_SUCH_TABLE');
      assert.strictEqual(err.stack.indexOf(DELIMITER), -1);
      assert.doesNotMatch(err.stack, /issueQueryFromHere/);
      done();
    });
  });
});
