'use strict';

// Adapter for drivers with mysqljs's callback API (mysql-ts, mysql 2.18.1, mysql2): the shape every workload uses.
//   connect(options, cb(err, conn)); conn.query(sql, values, cb(err, rows)); conn.eachRow(sql, onRow, cb(err));
//   conn.stream(sql) -> object-mode Readable; conn.end(cb); createPool(options, size) -> { query, end }.

function wrapConnection(connection) {
  return {
    query(sql, values, cb) {
      if (values === undefined) connection.query(sql, cb);
      else connection.query(sql, values, cb);
    },
    eachRow(sql, onRow, cb) {
      let failed = null;
      connection.query(sql)
        .on('error', (err) => { failed = err; })
        .on('result', onRow)
        .on('end', () => cb(failed));
    },
    stream(sql) {
      return connection.query(sql).stream();
    },
    end(cb) {
      connection.end(cb);
    },
  };
}

function mysqljsApi(driver) {
  return {
    connect(options, cb) {
      const connection = driver.createConnection(options);
      connection.connect((err) => cb(err || null, err ? null : wrapConnection(connection)));
    },
    createPool(options, size) {
      const pool = driver.createPool({ ...options, connectionLimit: size });
      return {
        query: (sql, values, cb) => pool.query(sql, values, cb),
        end: (cb) => pool.end(cb),
      };
    },
  };
}

module.exports = mysqljsApi;
