'use strict';

// A Sequence subclass written the way binlog readers and other mysqljs add-ons
// write theirs: util.inherits, Sequence.call, its own packet classes, handlers
// named after the packet classes, enqueued on connection._protocol.

const util = require('util');
const EventEmitter = require('events');
const mysql = require('mysql');
const Sequence = require('mysql/lib/protocol/sequences/Sequence');
const { call, config, main } = require('./run.cjs');

const COM_PING = 0x0e;
const COM_STATISTICS = 0x09;
const ERR_HEADER = 0xff;

// A command packet: one command byte.
function CommandPacket(command) {
  this.command = command;
}
CommandPacket.prototype.write = function (writer) {
  writer.writeUnsignedNumber(1, this.command);
};

// COM_STATISTICS answers with one packet of plain text.
function StatusTextPacket() {
  this.text = null;
}
StatusTextPacket.prototype.parse = function (parser) {
  this.text = parser.parsePacketTerminatedString();
};

function MyPing(callback) {
  Sequence.call(this, callback);
  this.received = [];
}
util.inherits(MyPing, Sequence);

MyPing.prototype.start = function () {
  this.emit('packet', new CommandPacket(COM_PING));
};

MyPing.prototype.OkPacket = function (packet) {
  this.received.push(packet.constructor.name);
  this.end(null, packet);
};

function MyStatistics(options, callback) {
  Sequence.call(this, options, callback);
  this.received = [];
}
util.inherits(MyStatistics, Sequence);

MyStatistics.prototype.start = function () {
  this.emit('packet', new CommandPacket(COM_STATISTICS));
};

// undefined leaves an error packet to the protocol's own typing.
MyStatistics.prototype.determinePacket = function (firstByte) {
  return firstByte === ERR_HEADER ? undefined : StatusTextPacket;
};

MyStatistics.prototype.StatusTextPacket = function (packet) {
  this.received.push(packet.constructor.name);
  this.end(null, packet.text);
};

function runSequence(connection, sequence) {
  return new Promise(function (resolve, reject) {
    sequence.on('error', reject);
    connection._protocol._enqueue(sequence);
    sequence.on('end', function () { resolve(); });
  });
}

main([
  ['COM_PING', async function () {
    const connection = mysql.createConnection(config());
    await call(connection, 'connect');
    let callbackResult;
    const sequence = new MyPing(function (err, packet) {
      callbackResult = err ? { error: err.message } : { packetClass: packet.constructor.name };
    });
    const shape = {
      instanceOfSequence: sequence instanceof Sequence,
      instanceOfEventEmitter: sequence instanceof EventEmitter,
      callbackStored: typeof sequence._callback === 'function',
    };
    await runSequence(connection, sequence);
    await call(connection, 'end');
    return Object.assign(shape, { received: sequence.received, callback: callbackResult });
  }],
  ['COM_STATISTICS', async function () {
    const connection = mysql.createConnection(config());
    await call(connection, 'connect');
    let text;
    const sequence = new MyStatistics({}, function (err, value) {
      text = err ? 'error: ' + err.message : value;
    });
    await runSequence(connection, sequence);
    // The connection goes on with ordinary commands after the custom one.
    const rows = await call(connection, 'query', 'SELECT 1 AS one');
    await call(connection, 'end');
    return { received: sequence.received, text: text, rowsAfter: rows };
  }],
]);
