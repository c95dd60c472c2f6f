'use strict';

const assert = require('assert');
const path = require('path');
const common = require('../../support/common');

(common.isUpstream ? describe.skip : describe)('internedName: the column names rows are stored under', function () {
  const internedName = require(path.join(common.lib, 'protocol/internedName'));

  it('gives back the same text for every kind of name, and null or undefined as they are', function () {
    const names = ['id', 'created_at', 'üñí', '123', '', '__proto__', 'constructor', 'toString', 'a'.repeat(300)];
    for (const name of names) {
      const decoded = Buffer.from(name).toString();
      assert.strictEqual(internedName(decoded), name, JSON.stringify(name));
    }
    assert.strictEqual(internedName(null), null);
    assert.strictEqual(internedName(undefined), undefined);
  });
});
