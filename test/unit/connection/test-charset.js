'use strict';

const assert = require('assert');
const common = require('../../support/common');

describe('connection: charset option', function () {
  const fake = common.useFakeServer();

  function sentCharset(options, callback) {
    let charsetNumber = null;
    fake.server.on('connection', function (conn) {
      conn.on('clientAuthentication', function (packet) { charsetNumber = packet.charsetNumber; });
      conn.handshake();
    });
    fake.createConnection(options).connect(function (err) {
      assert.ifError(err);
      callback(charsetNumber);
    });
  }

  it('sends UTF8_GENERAL_CI (33) by default', function (done) {
    sentCharset({}, function (charsetNumber) {
      assert.strictEqual(charsetNumber, 33);
      done();
    });
  });

  it('sends the number of the named collation', function (done) {
    sentCharset({ charset: 'LATIN1_SWEDISH_CI' }, function (charsetNumber) {
      assert.strictEqual(charsetNumber, 8);
      done();
    });
  });

  it('accepts the collation name in lowercase', function (done) {
    sentCharset({ charset: 'utf8mb4_unicode_ci' }, function (charsetNumber) {
      assert.strictEqual(charsetNumber, 224);
      done();
    });
  });

  it('throws a TypeError from createConnection for an unknown charset', function () {
    assert.throws(function () {
      common.mysql.createConnection({ charset: 'NO_SUCH_CHARSET' });
    }, function (err) {
      return err instanceof TypeError && err.message === "Unknown charset 'NO_SUCH_CHARSET'";
    });
  });
});
