'use strict';

// The scenarios every tracing agent is checked with: connection.query, a failing query, pool.query, and
// pool.getConnection followed by a query on the pooled connection. Each runs inside a caller span (the agent's
// inCallerSpan) and reports which span was active in the callbacks; `tag` marks the SQL so the test can find the
// agent's span for it, and spanNames names the caller spans.

/** Marks a query error as the one the scenario expects, so inCallerSpan resolves with its code. */
function expectError(err) {
  if (err) err.expected = true;
  return err || new Error('the query did not fail');
}

function tracedScenarios({ mysql, config, call, inCallerSpan, activeSpanId, tag, spanNames }) {
  return [
    ['connection.query', async function () {
      const connection = mysql.createConnection(config());
      const observed = await inCallerSpan(spanNames.connection, function (done) {
        connection.query('SELECT 1 AS one /* ' + tag + ':connection */', function (err, rows) {
          done(err, { rows: rows });
        });
      });
      await call(connection, 'end');
      return observed;
    }],
    ['failing query', async function () {
      const connection = mysql.createConnection(config());
      const observed = await inCallerSpan(spanNames.error, function (done) {
        connection.query('SELECT * FROM compat_no_such_table /* ' + tag + ':error */', function (err) {
          done(expectError(err));
        });
      });
      await call(connection, 'end');
      return observed;
    }],
    ['pool.query', async function () {
      const pool = mysql.createPool(config({ connectionLimit: 2 }));
      const observed = await inCallerSpan(spanNames.pool, function (done) {
        pool.query('SELECT 1 AS one /* ' + tag + ':pool.query */', function (err, rows) { done(err, { rows: rows }); });
      });
      await call(pool, 'end');
      return observed;
    }],
    ['pool.getConnection + query', async function () {
      const pool = mysql.createPool(config({ connectionLimit: 2 }));
      const observed = await inCallerSpan(spanNames.getConnection, function (done) {
        pool.getConnection(function (err, connection) {
          if (err) return done(err);
          const activeInGetConnection = activeSpanId();
          connection.query('SELECT 1 AS one /* ' + tag + ':pool.getConnection */', function (err, rows) {
            connection.release();
            done(err, { rows: rows, activeInGetConnection: activeInGetConnection });
          });
        });
      });
      await call(pool, 'end');
      return observed;
    }],
  ];
}

module.exports = { tracedScenarios, expectError };
