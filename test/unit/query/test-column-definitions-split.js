'use strict';

// A result set whose column definitions came before arrives again, cut into two reads at every few bytes: the
// definitions may then not be whole in one buffer, and a header may be apart from its payload. mysql-ts
// recognises repeated definitions (ColumnDefinitionCache), as a block when they are together and one by one when
// not; wherever the cut falls, the fields and rows must be those of the bytes that arrived.

const assert = require('assert');
const common = require('../../support/common');

const COLUMNS = 25;
const NAMES = Array.from({ length: COLUMNS }, (_, i) => 'c' + i);
const VALUES = NAMES.map((_, i) => String(i));
const STEP = 7;

// `bytes` with every `from` replaced by `to` (of the same length).
function replaced(bytes, from, to) {
  const copy = Buffer.from(bytes);
  for (let at = copy.indexOf(from); at !== -1; at = copy.indexOf(from, at + 1)) copy.write(to, at);
  return copy;
}

describe('query: repeated column definitions cut across reads', function () {
  const fake = common.useFakeServer();

  beforeEach(function () {
    // Only the first query of each connection is answered: the test hands the reply of the second to the
    // protocol itself, cut where it chooses.
    fake.server.on('connection', function (conn) {
      conn.handshake();
      let queries = 0;
      conn.on('query', function () {
        if (queries++ === 0) conn.sendResultSet(NAMES, [VALUES]);
      });
    });
  });

  // A connection whose first query was answered, and the bytes of that answer.
  function answered(cb) {
    const connection = fake.createConnection();
    connection.connect(function (err) {
      assert.ifError(err);
      const received = [];
      const record = function (chunk) { received.push(chunk); };
      connection._socket.prependListener('data', record);
      connection.query('SELECT first', function (firstErr) {
        assert.ifError(firstErr);
        connection._socket.removeListener('data', record);
        cb(connection, Buffer.concat(received));
      });
    });
  }

  // The first reply's bytes, with `edit` applied, as the reply to a second query, in two pieces cut at `cut`.
  function replayCut(cut, edit, check) {
    answered(function (connection, reply) {
      const bytes = edit(reply);
      connection.query('SELECT again', function (err, rows, fields) {
        assert.ifError(err);
        check(rows, fields);
        connection.destroy();
      });
      setImmediate(function () {
        connection._protocol.write(bytes.subarray(0, cut));
        connection._protocol.write(bytes.subarray(cut));
      });
    });
  }

  // Cuts every STEP bytes of the reply, so that each header and each definition is cut somewhere.
  function everyCut(edit, expectedNames, done) {
    answered(function (probe, reply) {
      probe.destroy();
      const cuts = [];
      for (let cut = 1; cut < reply.length; cut += STEP) cuts.push(cut);
      let pending = cuts.length;
      cuts.forEach(function (cut) {
        replayCut(cut, edit, function (rows, fields) {
          assert.deepStrictEqual(fields.map(function (field) { return field.name; }), expectedNames, 'cut at ' + cut);
          assert.deepStrictEqual(Object.keys(rows[0]), expectedNames, 'cut at ' + cut);
          assert.strictEqual(rows[0][expectedNames[17]], '17', 'cut at ' + cut);
          if (--pending === 0) done();
        });
      });
    });
  }

  it('gives the same fields and rows wherever the reply is cut', function (done) {
    everyCut(function (bytes) { return bytes; }, NAMES, done);
  });

  it('tells the first list from a renamed one that came after it, wherever the reply is cut', function (done) {
    // Both lists begin alike: cut, the first one's definitions are followed one by one from the list seen last.
    answered(function (probe, reply) {
      probe.destroy();
      let pending = 0;
      for (let cut = 1; cut < reply.length; cut += STEP) {
        pending++;
        answered(function (connection, first) {
          connection.query('SELECT renamed', function (renamedErr, renamedRows, renamedFields) {
            assert.ifError(renamedErr);
            assert.strictEqual(renamedFields[17].name, 'x17');
            connection.query('SELECT first again', function (err, rows, fields) {
              assert.ifError(err);
              assert.deepStrictEqual(fields.map(function (field) { return field.name; }), NAMES, 'cut at ' + cut);
              assert.deepStrictEqual(Object.keys(rows[0]), NAMES, 'cut at ' + cut);
              assert.strictEqual(rows[0].c17, '17', 'cut at ' + cut);
              connection.destroy();
              if (--pending === 0) done();
            });
            setImmediate(function () {
              connection._protocol.write(first.subarray(0, cut));
              connection._protocol.write(first.subarray(cut));
            });
          });
          setImmediate(function () { connection._protocol.write(replaced(first, 'c17', 'x17')); });
        });
      }
    });
  });

  it('sees a renamed column wherever the reply is cut', function (done) {
    const renamed = NAMES.map(function (name) { return name === 'c17' ? 'x17' : name; });
    everyCut(function (bytes) { return replaced(bytes, 'c17', 'x17'); }, renamed, done);
  });
});
