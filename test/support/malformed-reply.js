'use strict';

// Child process for the malformed-packet tests: a crash must not take the test
// runner down with it. argv[2] is a JSON case:
//   { stage: 'handshake' | 'query' | 'ping', frames: [[payloadHex, sequenceId, length?], ...],
//     close: true to close the socket after the frames, options: {...} connection options }
// The fake server sends the frames instead of its handshake or as the answer
// to the command (a length larger than the payload makes a truncated packet);
// the client's reaction is printed as one JSON line:
//   { callbackError, callbackCalls, errorEvents: [...] }   or   { uncaught }   (exit code 1)

const common = require('./common');
const { framePacket } = require('./fake-server');

const spec = JSON.parse(process.argv[2]);
const report = { callbackError: null, callbackCalls: 0, errorEvents: [] };

function describeError(err) {
  return err && { message: err.message, code: err.code, fatal: err.fatal, isError: err instanceof Error };
}

process.on('uncaughtException', function (err) {
  process.stdout.write(JSON.stringify({ uncaught: String(err && err.stack) }) + '\n');
  process.exit(1);
});

setTimeout(function () {
  process.stdout.write(JSON.stringify({ timeout: true, report: report }) + '\n');
  process.exit(2);
}, 5000).unref();

const server = common.createFakeServer();
server.on('connection', function (conn) {
  const reply = function () {
    spec.frames.forEach(function (frame) {
      const bytes = framePacket(Buffer.from(frame[0], 'hex'), frame[1]);
      if (frame[2] !== undefined) bytes.writeUIntLE(frame[2], 0, 3);
      conn.writeRaw(bytes);
    });
    if (spec.close) conn.end();
  };
  if (spec.stage === 'handshake') {
    reply();
  } else {
    conn.handshake();
    conn.on(spec.stage, reply);
  }
});

server.listen(0, function () {
  const connection = common.createFakeConnection(server, spec.options);
  connection.on('error', function (err) { report.errorEvents.push(describeError(err)); });

  const callback = function (err) {
    report.callbackCalls++;
    if (report.callbackCalls > 1) return;
    report.callbackError = describeError(err);
    // Give late errors (a second callback, an uncaught throw) a moment to show.
    setTimeout(function () {
      process.stdout.write(JSON.stringify(report) + '\n');
      connection.destroy();
      server.destroy(function () { process.exit(0); });
    }, 50);
  };

  if (spec.stage === 'handshake') connection.connect(callback);
  else if (spec.stage === 'ping') connection.ping(callback);
  else connection.query('SELECT 1', callback);
});
