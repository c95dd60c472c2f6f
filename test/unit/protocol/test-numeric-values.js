'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');

const Parser = require(path.join(common.lib, 'protocol/Parser'));
const PacketWriter = require(path.join(common.lib, 'protocol/PacketWriter'));

// Reads each text as one length-coded column value with parseLengthCodedNumeric().
function readNumbers(texts) {
  const writer = new PacketWriter();
  texts.forEach(function (text) { writer.writeLengthCodedString(text); });
  let seq = 0;
  const bytes = writer.toBuffer({ incrementPacketNumber: function () { return seq++; } });
  const out = [];
  const parser = new Parser({
    onPacket: function () {
      texts.forEach(function () { out.push(parser.parseLengthCodedNumeric()); });
    },
  });
  parser.write(bytes);
  return out;
}

// A seeded generator (mulberry32), so a failure can be replayed.
function random(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('protocol: numeric column values read from the bytes', function () {
  // Parser#parseLengthCodedNumeric is ours: mysqljs converts every numeric text with Number().
  common.itOwn('gives exactly what Number(text) gives, for the odd texts servers and proxies may send', function () {
    const texts = ['0', '-0', '1.', '.5', '-', '.', '1.5e3', 'inf', 'nan', '+5', '007', '0.1', '0.000000000000001',
      '123456789012345', '1234567890123456', '9007199254740993', '-99999.99999', '12.34.5', '', '1e-7', '123.456000',
      '0.30000000000000004', '1.7976931348623157e308', '-1.5'];
    readNumbers(texts).forEach(function (value, i) {
      assert.ok(Object.is(value, Number(texts[i])), JSON.stringify(texts[i]) + ' gave ' + value);
    });
  });

  common.itOwn('gives exactly what Number(text) gives for 20,000 random decimals of up to 15 digits', function () {
    const next = random(20261201);
    const texts = [];
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(next() * 15);
      let text = '';
      for (let d = 0; d < digits; d++) text += Math.floor(next() * 10);
      const decimals = Math.floor(next() * (digits + 1));
      if (decimals) text = text.slice(0, digits - decimals) + '.' + text.slice(digits - decimals);
      texts.push(next() < 0.5 ? '-' + text : text);
    }
    const values = readNumbers(texts);
    const wrong = texts.filter(function (text, i) { return !Object.is(values[i], Number(text)); });
    assert.deepStrictEqual(wrong, []);
  });

  common.itOwn('gives exactly what Number(text) gives for 16- and 17-digit decimals, above and below 2^53', function () {
    const next = random(20261202);
    const texts = ['9007199254740991', '9007199254740992', '9007199254740993', '900719925474099.3', '-9007199254740.991',
      '0.9007199254740993', '1234567890123456', '9999999999999999', '0.1000000000000001', '0.1428571428571428'];
    for (let i = 0; i < 20000; i++) {
      const digits = 16 + Math.floor(next() * 2);
      let text = String(1 + Math.floor(next() * 9));
      for (let d = 1; d < digits; d++) text += Math.floor(next() * 10);
      const decimals = Math.floor(next() * (digits + 1));
      if (decimals) text = text.slice(0, digits - decimals) + '.' + text.slice(digits - decimals);
      texts.push(next() < 0.5 ? '-' + text : text);
      // What servers print for a DOUBLE: the shortest text that reads back as the same number.
      texts.push(String((next() - 0.5) * 10 ** Math.floor(next() * 12)));
    }
    const values = readNumbers(texts);
    const wrong = texts.filter(function (text, i) { return !Object.is(values[i], Number(text)); });
    assert.deepStrictEqual(wrong, []);
  });

  // Texts a few units of the 17th digit from the midpoint of two neighbouring doubles: where a conversion that
  // is not correctly rounded picks the wrong neighbour.
  common.itOwn('gives exactly what Number(text) gives next to halfway between two doubles, and with leading zeros',
    function () {
      const next = random(20261203);
      const texts = ['0.00012345678901234567', '0.12345678901234567', '-0.99999999999999999', '00000000000000000001',
        '12345678901234567890', '0.000000000000000000001', '1.00000000000000011102230246251565', '9007199254740993.0'];
      const bits = new Float64Array(1);
      const word = new BigUint64Array(bits.buffer);
      for (let i = 0; i < 20000; i++) {
        bits[0] = (0.5 + next()) * 10 ** Math.floor(next() * 20 - 3);
        const mantissa = (word[0] & ((1n << 52n) - 1n)) | (1n << 52n);
        const exponent = Number((word[0] >> 52n) & 0x7ffn) - 1075;
        // The midpoint above it, (2 * mantissa + 1) * 2 ** (exponent - 1), as an exact decimal.
        const scale = Math.max(0, 1 - exponent);
        const midpoint = exponent - 1 >= 0 ? (2n * mantissa + 1n) << BigInt(exponent - 1)
          : (2n * mantissa + 1n) * 5n ** BigInt(scale);
        const digits = midpoint.toString();
        const point = digits.length - scale;
        const significant = digits.slice(0, 17);
        const nudged = String(BigInt(significant) + BigInt(Math.floor(next() * 5) - 2));
        const exact = point >= 17 ? nudged + '0'.repeat(point - 17)
          : point > 0 ? nudged.slice(0, point) + '.' + nudged.slice(point) : '0.' + '0'.repeat(-point) + nudged;
        texts.push(next() < 0.5 ? '-' + exact : exact);
      }
      const values = readNumbers(texts);
      const wrong = texts.filter(function (text, i) { return !Object.is(values[i], Number(text)); });
      assert.deepStrictEqual(wrong, []);
    });

  common.itOwn('reads NULL as null', function () {
    const writer = new PacketWriter();
    writer.writeLengthCodedNumber(null);
    const bytes = writer.toBuffer({ incrementPacketNumber: function () { return 0; } });
    let value;
    const parser = new Parser({ onPacket: function () { value = parser.parseLengthCodedNumeric(); } });
    parser.write(bytes);
    assert.strictEqual(value, null);
  });
});

describe('protocol: exactDecimal', function () {
  const exactDecimal = require(path.join(common.lib, 'protocol/exactDecimal'));

  // The parser falls back to Number(text) on NaN, so a conversion that always gave up would still be correct, only
  // slow: this checks it decides the texts servers print for DOUBLE values.
  common.itOwn('decides the shortest texts of 10,000 random doubles, each as Number(text) reads it', function () {
    const next = random(20261204);
    let undecided = 0;
    for (let i = 0; i < 10000; i++) {
      const text = String(next() * 10 ** Math.floor(next() * 8));
      const digits = text.replace('.', '').replace(/^0+/, '');
      if (digits.length < 16 || text.includes('e')) continue;
      const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
      const high = Number(digits.slice(0, digits.length - 8));
      const value = exactDecimal(high, Number(digits.slice(-8)), 8, places);
      if (Number.isNaN(value)) undecided++;
      else assert.ok(Object.is(value, Number(text)), text + ' gave ' + value);
    }
    assert.ok(undecided < 10, undecided + ' undecided');
  });
});
