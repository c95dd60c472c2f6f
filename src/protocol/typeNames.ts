import Types = require('./constants/types');

// Types doubles as a number-to-name table (Types[1] === 'TINY'); this reads it with a number key.
const NAMES: Readonly<Record<number, string | undefined>> = Types as unknown as Record<number, string | undefined>;

/** The MySQL type name ('TINY', 'DATETIME', ...) of a column type number. */
function typeName(type: number | undefined): string | undefined {
  return type === undefined ? undefined : NAMES[type];
}

export = { typeName };
