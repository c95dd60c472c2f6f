'use strict';
const assert = require('assert');
const path = require('path');
const common = require('../../support/common');
const { Types } = require('./packet-io');
const { column, parseRow, rowBytes, DEFAULT_CONFIG } = require('./row-io');

function castDate(type, text, config) {
  return parseRow([column('v', type)], [text], { config }).v;
}

describe('RowDataPacket: DATE, DATETIME and TIMESTAMP', function () {
  it('reads DATETIME and TIMESTAMP in local time by default', function () {
    assert.deepStrictEqual(castDate(Types.DATETIME, '2020-01-02 03:04:05'), new Date(2020, 0, 2, 3, 4, 5));
    assert.deepStrictEqual(castDate(Types.TIMESTAMP, '1999-12-31 23:59:59'), new Date(1999, 11, 31, 23, 59, 59));
  });

  it('reads DATE as local midnight', function () {
    assert.deepStrictEqual(castDate(Types.DATE, '2020-02-29'), new Date(2020, 1, 29));
  });

  it("reads values as UTC with timezone 'Z'", function () {
    const config = { timezone: 'Z' };
    assert.strictEqual(castDate(Types.DATETIME, '2020-01-02 03:04:05', config).toISOString(),
      '2020-01-02T03:04:05.000Z');
    assert.strictEqual(castDate(Types.DATE, '2020-01-02', config).toISOString(), '2020-01-02T00:00:00.000Z');
  });

  it("applies '+HH:MM' and '-HH:MM' offsets", function () {
    assert.strictEqual(
      castDate(Types.DATETIME, '2020-01-02 03:04:05', { timezone: '+05:30' }).toISOString(),
      '2020-01-01T21:34:05.000Z',
    );
    assert.strictEqual(
      castDate(Types.TIMESTAMP, '2020-01-02 03:04:05', { timezone: '-08:00' }).toISOString(),
      '2020-01-02T11:04:05.000Z',
    );
  });

  it('keeps milliseconds of fractional seconds and drops the rest', function () {
    const date = castDate(Types.DATETIME, '2020-01-02 03:04:05.987654', { timezone: 'Z' });
    assert.strictEqual(date.toISOString(), '2020-01-02T03:04:05.987Z');
  });

  it('gives zero dates back as their text', function () {
    assert.strictEqual(castDate(Types.DATETIME, '0000-00-00 00:00:00'), '0000-00-00 00:00:00');
    assert.strictEqual(castDate(Types.DATE, '0000-00-00', { timezone: 'Z' }), '0000-00-00');
    assert.strictEqual(castDate(Types.TIMESTAMP, '2020-00-10 00:00:00'), '2020-00-10 00:00:00');
  });

  it('gives the text of every date type with dateStrings true', function () {
    const config = { dateStrings: true };
    assert.strictEqual(castDate(Types.DATE, '2020-01-02', config), '2020-01-02');
    assert.strictEqual(castDate(Types.DATETIME, '2020-01-02 03:04:05', config), '2020-01-02 03:04:05');
    assert.strictEqual(castDate(Types.TIMESTAMP, '2020-01-02 03:04:05', config), '2020-01-02 03:04:05');
  });

  it('gives the text of the listed types only with a dateStrings array', function () {
    const columns = [column('d', Types.DATE), column('dt', Types.DATETIME), column('ts', Types.TIMESTAMP)];
    const row = parseRow(columns, ['2020-01-02', '2020-01-02 03:04:05', '2020-01-02 03:04:05'], {
      config: { dateStrings: ['DATE', 'TIMESTAMP'] },
    });
    assert.strictEqual(row.d, '2020-01-02');
    assert.deepStrictEqual(row.dt, new Date(2020, 0, 2, 3, 4, 5));
    assert.strictEqual(row.ts, '2020-01-02 03:04:05');
  });
});

// mysqljs hands these strings to the JS Date parser; the result must be the same for every shape a server
// sends (and the odd ones), in time zones with and without daylight saving, so upstream is the oracle here.
describe('RowDataPacket: dates agree with mysqljs', function () {
  const upstreamLib = path.join(__dirname, '../../../node_modules/mysql/lib');
  const Upstream = {
    RowDataPacket: require(path.join(upstreamLib, 'protocol/packets/RowDataPacket')),
    FieldPacket: require(path.join(upstreamLib, 'protocol/packets/FieldPacket')),
    Parser: require(path.join(upstreamLib, 'protocol/Parser')),
  };

  function upstreamCast(type, text, config) {
    const field = new Upstream.FieldPacket({ name: 'v', type, charsetNr: 33, protocol41: true });
    const row = new Upstream.RowDataPacket();
    const parser = new Upstream.Parser({
      onPacket: () => row.parse(parser, [field], true, false, { config: { ...DEFAULT_CONFIG, ...config } }),
    });
    parser.write(rowBytes([text]));
    return row.v;
  }

  const originalTz = process.env.TZ;
  afterEach(function () {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const datetimes = [
    '2020-01-02 03:04:05', '2020-03-08 02:30:00', '2020-11-01 01:30:00', '2021-03-28 02:30:00', '2021-10-31 02:30:00',
    '2020-02-30 12:00:00', '2021-02-29 00:00:00', '2020-04-31 23:59:59', '2020-01-32 00:00:00', '2020-13-01 00:00:00',
    '0000-00-00 00:00:00', '0049-01-01 00:00:00', '0050-06-15 10:00:00', '0099-12-31 23:59:59', '0100-01-01 00:00:00',
    '0999-01-01 00:00:00', '1000-01-01 00:00:00', '1969-12-31 23:59:59', '1970-01-01 00:00:00', '2038-01-19 03:14:08',
    '9999-12-31 23:59:59', '2020-01-01 24:00:00', '2020-01-01 23:60:00', '2020-01-01 23:59:60',
    '2020-01-01 12:34:56.1', '2020-01-01 12:34:56.12', '2020-01-01 12:34:56.999999', '2020-01-01 12:34:56.',
    '2020-1-01 01:00:00', '2020-01-01', '', 'garbage',
  ];
  const dates = ['2020-01-02', '2020-02-30', '0000-00-00', '0001-01-01', '0100-03-01', '1999-12-31', '2020-03-08',
    '2020-13-01'];
  const zones = ['local', 'Z', '+05:30', '-08:00', '+00:00', '-00:00', '+14:00', '+24:00', '+05:60', 'UTC', '+0530',
    'Europe/Berlin'];
  const tzs = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia'];

  function same(actual, expected, label) {
    if (expected instanceof Date) {
      assert.ok(actual instanceof Date, label + ': expected a Date, got ' + actual);
      assert.strictEqual(actual.getTime(), expected.getTime(), label);
    } else {
      assert.strictEqual(actual, expected, label);
    }
  }

  // Local times are converted with a cached offset per hour of wall-clock time; hours with a DST switch inside
  // go to the JS Date. Every minute-ish step through years with switches (and 1916, when Dublin left its mean time
  // at 02:25:21) must give exactly the Date the JS Date constructor gives.
  for (const tz of tzs.concat(['Europe/Dublin', 'America/St_Johns', 'Pacific/Chatham'])) {
    // upstream mysqljs has no dates module: it always builds the text and calls new Date(text).
    common.itOwn('converts local times exactly as new Date() does around DST switches in TZ=' + tz, function () {
      const datesModule = require(path.join(common.lib, 'protocol', 'dates'));
      process.env.TZ = tz;
      const offsets = datesModule.localOffsets();
      const pad = (value, width) => String(value).padStart(width, '0');
      for (const [from, to] of [[1916, 1917], [2020, 2022]]) {
        for (let t = Date.UTC(from, 0, 1); t < Date.UTC(to, 0, 1); t += 41 * 60000 + 7001) {
          const d = new Date(t);
          const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(),
            d.getUTCSeconds(), d.getUTCMilliseconds()];
          const text = pad(parts[0], 4) + '-' + pad(parts[1], 2) + '-' + pad(parts[2], 2) + ' ' + pad(parts[3], 2) +
            ':' + pad(parts[4], 2) + ':' + pad(parts[5], 2) + '.' + pad(parts[6], 3);
          const bytes = Buffer.from(text);
          const expected = new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], parts[6]);
          assert.strictEqual(datesModule.fromBytes(bytes, 0, bytes.length, false, 'local', offsets).getTime(),
            expected.getTime(), text);
        }
      }
    });
  }

  for (const tz of tzs) {
    it('in TZ=' + tz, function () {
      process.env.TZ = tz;
      for (const timezone of zones) {
        for (const type of [Types.DATETIME, Types.TIMESTAMP, Types.DATETIME2, Types.NEWDATE]) {
          for (const text of datetimes) {
            same(castDate(type, text, { timezone }), upstreamCast(type, text, { timezone }),
              `${Types[type]} ${text} ${timezone}`);
          }
        }
        for (const text of dates) {
          same(castDate(Types.DATE, text, { timezone }), upstreamCast(Types.DATE, text, { timezone }),
            `DATE ${text} ${timezone}`);
        }
      }
    });
  }
});
