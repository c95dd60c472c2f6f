'use strict';

// Run in a child process by test/unit/connection/test-domains.js: loading the domain module changes how every
// later callback is run, which must not leak into the other tests. Prints one line per finding.
const domain = require('domain');
const common = require('../common');

const server = common.createFakeServer();
const seen = [];
const expected = ['connect:d1', 'query:d2', 'ping:d3', 'timer:d0', 'no-domain-query:null'];

function report() {
  console.log(JSON.stringify(seen));
  server.destroy();
  process.exit(0);
}

server.listen(0, function () {
  const d0 = domain.create();
  const d1 = domain.create();
  const d2 = domain.create();
  const d3 = domain.create();
  [['d0', d0], ['d1', d1], ['d2', d2], ['d3', d3]].forEach(function ([name, d]) {
    d.on('error', function (err) {
      seen.push(err.message + ':' + name);
      if (seen.length === expected.length) report();
    });
  });

  let connection;
  d0.run(function () {
    connection = common.mysql.createConnection(common.fakeServerConfig(server));
    d1.run(function () {
      connection.connect(function (err) {
        if (err) throw err;
        throw new Error('connect');
      });
    });
    d2.run(function () {
      connection.query('SELECT 1', function () { throw new Error('query'); });
    });
    d3.run(function () {
      connection.ping(function () { throw new Error('ping'); });
    });
    setTimeout(function () { throw new Error('timer'); }, 50);
  });

  // A connection made outside every domain but connected inside d0: a query called outside every domain has its
  // callback run outside of them too, though the socket was opened in d0.
  const outside = common.mysql.createConnection(common.fakeServerConfig(server));
  d0.run(function () {
    outside.connect(function () {});
  });
  setTimeout(function () {
    outside.query('SELECT 2', function () {
      seen.push('no-domain-query:' + (domain.active ? 'domain' : 'null'));
      if (seen.length === expected.length) report();
    });
  }, 100);
});

setTimeout(report, 3000).unref();
