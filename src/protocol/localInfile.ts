// LOAD DATA LOCAL INFILE lets the server ask the client for a file by name. A server (or a proxy in between)
// could ask for any file, so the client only sends a file that the query text itself named.
const LOAD_DATA_LOCAL = /\bLOAD\s+DATA\s+(?:(?:LOW_PRIORITY|CONCURRENT)\s+)?LOCAL\s+INFILE\s+(['"])((?:\\[\s\S]|(?!\1)[^\\]|\1\1)*)\1/gi;

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/** Decodes a MySQL string literal's body: backslash escapes and a doubled quote character. */
function unquote(body: string, quote: string): string {
  return body
    .split(quote + quote)
    .join(quote)
    .replace(/\\([\s\S])/g, (_match, c: string) => (c in ESCAPES ? ESCAPES[c] : c));
}

/** Every file path the SQL asks to load from the client, as the server will receive it. */
function namedLocalFiles(sql: string | undefined): string[] {
  if (!sql) return [];
  const paths: string[] = [];
  for (const match of sql.matchAll(LOAD_DATA_LOCAL)) paths.push(unquote(match[2], match[1]));
  return paths;
}

export = namedLocalFiles;
