'use strict';
// Writes src/protocol/constants/charsets.ts (collation name -> id) and charset_encodings.ts
// (collation id -> encoding name) from mysql (upstream), mysql2's MySQL 8 list and a live
// MariaDB server queried through the `mysql` command-line client.
// Run with `npm run generate:charsets`; the server is found through the MYSQL_* variables.

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const MODULES = path.join(ROOT, 'node_modules');
const OUT_DIR = path.join(ROOT, 'src', 'protocol', 'constants');
const GENERATOR = 'tool/generate-charset-constants.js';

// Names that Node's Buffer or iconv-lite decode; a charset neither knows keeps its own name
// so that a decoder can tell it is unsupported.
const ENCODINGS = {
  armscii8: 'armscii8',
  ascii: 'ascii',
  big5: 'big5',
  binary: 'binary',
  cp1250: 'cp1250',
  cp1251: 'cp1251',
  cp1256: 'cp1256',
  cp1257: 'cp1257',
  cp850: 'cp850',
  cp852: 'cp852',
  cp866: 'cp866',
  cp932: 'cp932',
  dec8: 'dec8',
  eucjpms: 'eucjp',
  euckr: 'euckr',
  gb18030: 'gb18030',
  gb2312: 'gb2312',
  gbk: 'gbk',
  geostd8: 'geostd8',
  greek: 'greek',
  hebrew: 'hebrew',
  hp8: 'hproman8',
  keybcs2: 'keybcs2',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  // MySQL's latin1 is Windows-1252, not ISO-8859-1: 0x80-0x9F are printable characters.
  latin1: 'cp1252',
  latin2: 'latin2',
  latin5: 'latin5',
  latin7: 'latin7',
  macce: 'maccenteuro',
  macroman: 'macroman',
  sjis: 'sjis',
  swe7: 'swe7',
  tis620: 'tis620',
  // The server sends ucs2, utf16 and utf32 big-endian; Node's 'ucs2' is little-endian.
  ucs2: 'utf16be',
  ujis: 'eucjp',
  utf16: 'utf16be',
  utf16le: 'utf16le',
  utf32: 'utf32be',
  utf8mb3: 'utf8',
  utf8mb4: 'utf8',
};

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(MODULES, name, 'package.json'), 'utf8')).version;
}

// The charset a collation belongs to is the part of its name before the first underscore;
// MySQL's older spelling "utf8" means utf8mb3.
function charsetOfName(name) {
  const prefix = name.toLowerCase().split('_')[0];
  return prefix === 'utf8' ? 'utf8mb3' : prefix;
}

// The other spelling of a utf8mb3 collation name (UTF8_X <-> UTF8MB3_X), or null.
function utf8Alias(name) {
  if (name.startsWith('UTF8_')) return 'UTF8MB3_' + name.slice(5);
  if (name.startsWith('UTF8MB3_')) return 'UTF8_' + name.slice(8);
  return null;
}

function query(sql) {
  const env = { ...process.env };
  const args = ['-N', '-B', '-u', env.MYSQL_USER || 'root'];
  if (env.MYSQL_SOCKET) args.push('-S', env.MYSQL_SOCKET);
  else args.push('-h', env.MYSQL_HOST || '127.0.0.1', '-P', env.MYSQL_PORT || '3306');
  if (env.MYSQL_PASSWORD) env.MYSQL_PWD = env.MYSQL_PASSWORD;
  args.push('-e', sql);
  const out = execFileSync('mysql', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
}

// MariaDB 10.10+ lists its uca1400 collations once per charset only in the applicability
// table (COLLATIONS has them with a NULL ID); older servers have no FULL_COLLATION_NAME.
function readServerCollations() {
  const rows = query(
    'SELECT COLLATION_NAME, ID, CHARACTER_SET_NAME, IS_DEFAULT FROM information_schema.COLLATIONS WHERE ID IS NOT NULL',
  );
  try {
    rows.push(
      ...query(
        'SELECT FULL_COLLATION_NAME, ID, CHARACTER_SET_NAME, IS_DEFAULT FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY',
      ),
    );
  } catch {
    // Not a MariaDB 10.10+ server: COLLATIONS already had every collation.
  }
  const byName = new Map();
  for (const [name, id, charset, isDefault] of rows) {
    byName.set(name.toUpperCase(), { name: name.toUpperCase(), id: Number(id), charset, isDefault: isDefault === 'Yes' });
  }
  return [...byName.values()];
}

// Splits a CommonJS charsets table into collations and charset aliases (a key that is a
// charset name, such as UTF8MB4 or BINARY).
function splitTable(table) {
  const collations = [];
  const aliases = new Map();
  for (const key of Object.keys(table)) {
    if (table[key] === undefined) continue;
    if (key === 'BINARY') aliases.set(key, table[key]);
    if (key.includes('_') || key === 'BINARY') {
      collations.push({ name: key, id: table[key], charset: charsetOfName(key), isDefault: false });
    } else {
      aliases.set(key, table[key]);
    }
  }
  return { collations, aliases };
}

function main() {
  const upstream = splitTable(require(path.join(MODULES, 'mysql', 'lib', 'protocol', 'constants', 'charsets.js')));
  const mysql2 = splitTable(require(path.join(MODULES, 'mysql2', 'lib', 'constants', 'charsets.js')));
  const serverVersion = query('SELECT VERSION()')[0][0];
  const server = readServerCollations();

  // Priority: upstream, then MySQL 8, then MariaDB. Where MySQL and MariaDB give one name two
  // ids, MySQL's is kept: it is below 256, so it also fits the handshake's one-byte charset.
  const names = new Map();
  const charsetOfId = new Map();
  const conflicts = [];
  const add = (name, collation) => {
    if (!names.has(name)) names.set(name, collation.id);
    else if (names.get(name) !== collation.id) conflicts.push(`${name}: ${names.get(name)} kept, ${collation.id} dropped`);
  };
  for (const collation of [...upstream.collations, ...mysql2.collations, ...server]) {
    add(collation.name, collation);
    const alias = utf8Alias(collation.name);
    if (alias) add(alias, collation);
  }
  for (const collation of [...server, ...upstream.collations, ...mysql2.collations]) {
    if (!charsetOfId.has(collation.id)) charsetOfId.set(collation.id, collation.charset);
  }

  const aliases = new Map(upstream.aliases);
  for (const [alias, id] of mysql2.aliases) if (!aliases.has(alias)) aliases.set(alias, id);
  for (const collation of server) {
    const alias = collation.charset.toUpperCase();
    if (collation.isDefault && !aliases.has(alias)) aliases.set(alias, collation.id);
  }
  for (const [alias, id] of aliases) {
    if (names.has(alias) && names.get(alias) !== id) throw new Error(`Alias ${alias} clashes with a collation`);
  }

  const sources = [
    `mysql ${packageVersion('mysql')} lib/protocol/constants/charsets.js`,
    `mysql2 ${packageVersion('mysql2')} lib/constants/charsets.js (MySQL 8)`,
    `live server ${serverVersion}: information_schema.COLLATIONS and COLLATION_CHARACTER_SET_APPLICABILITY`,
  ];
  writeCharsets(names, aliases, sources);
  writeEncodings(charsetOfId, [sources[2], sources[0], sources[1]]);
  for (const conflict of conflicts) console.log('conflict ' + conflict);
  console.log(`charsets.ts: ${names.size} collations, ${aliases.size} aliases; charset_encodings.ts: ${charsetOfId.size} ids`);
}

function header(title, sources) {
  return [
    `// ${title}`,
    '//',
    '// Sources, in priority order:',
    ...sources.map((source) => `//   ${source}`),
    '//',
    `// !! Generated by ${GENERATOR}, do not modify by hand !!`,
    '',
  ];
}

function writeCharsets(names, aliases, sources) {
  const collationLines = [...names]
    .filter(([name]) => !aliases.has(name))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, id]) => `  ${name}: ${id},`);
  const aliasLines = [...aliases.keys()].sort().map((alias) => `  ${alias}: ${aliases.get(alias)},`);
  const lines = [
    ...header('MySQL and MariaDB collation ids by collation name (upper case), plus each charset\'s default.', sources),
    'const table = {',
    ...collationLines,
    '',
    '  // Short aliases: a charset name stands for its default collation',
    ...aliasLines,
    '} as const;',
    '',
    '// The index signature lets callers look up a name taken from user configuration.',
    'const Charsets: typeof table & { readonly [name: string]: number | undefined } = table;',
    '',
    'export = Charsets;',
    '',
  ];
  fs.writeFileSync(path.join(OUT_DIR, 'charsets.ts'), lines.join('\n'));
}

function writeEncodings(charsetOfId, sources) {
  const ids = [...charsetOfId.keys()].sort((a, b) => a - b);
  const lines = [
    ...header(
      'Encoding (a Node Buffer or iconv-lite name) of each collation id\'s character set, for decoding text in that charset.',
      sources,
    ),
    'const table = {',
    ...ids.map((id) => {
      const charset = charsetOfId.get(id);
      const encoding = ENCODINGS[charset];
      if (!encoding) throw new Error(`No encoding known for charset ${charset} (collation ${id})`);
      return `  ${id}: '${encoding}',`;
    }),
    '} as const;',
    '',
    'const CharsetEncodings: typeof table & { readonly [id: number]: string | undefined } = table;',
    '',
    'export = CharsetEncodings;',
    '',
  ];
  fs.writeFileSync(path.join(OUT_DIR, 'charset_encodings.ts'), lines.join('\n'));
}

main();
