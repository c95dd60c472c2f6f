'use strict';

// The pool scenarios every tracing agent is checked with: pool.query, and pool.getConnection followed by a query on
// the pooled connection. Each runs inside a caller span (the agent's inCallerSpan) and reports which span was active
// in the callbacks; `tag` marks the SQL so the test can find the agent's span for it.
function poolScenarios({ mysql, config, call, inCallerSpan, activeSpanId, tag, spanNames }) {
  return [
    ['pool.query', async function () {
      const pool = mysql.createPool(config({ connectionLimit: 2 }));
      const observed = await inCallerSpan(spanNames[0], function (done) {
        pool.query('SELECT 1 AS one /* ' + tag + ':pool.query */', function (err, rows) { done(err, { rows: rows }); });
      });
      await call(pool, 'end');
      return observed;
    }],
    ['pool.getConnection + query', async function () {
      const pool = mysql.createPool(config({ connectionLimit: 2 }));
      const observed = await inCallerSpan(spanNames[1], function (done) {
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

module.exports = poolScenarios;
