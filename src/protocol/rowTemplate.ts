import RowDataPacket = require('./packets/RowDataPacket');
import type FieldPacket = require('./packets/FieldPacket');

// A row built by adding its columns one by one turns into a V8 dictionary-mode object past about twenty of them:
// slow to build, and slow for the application to read. A wider row starts instead as a copy of a template object
// that has every column already (made once by JSON.parse(), which V8 builds in fast mode; an object spread copies
// its layout at once), and its values then overwrite the template's nulls. Narrow rows are cheaper built the
// usual way, and past MAX_COLUMNS V8 would not keep the template itself in fast mode.
const MIN_COLUMNS = 20;
const MAX_COLUMNS = 1000;

type Template = rowTemplate.Template;

// The templates of the last few column lists: a query that runs again reuses its own. Its FieldPackets are
// copies from the connection's column-definition cache, so their names are the very same strings.
const MAX_RECENT = 8;
const recent: Array<{ names: string[]; template: Template }> = [];

function namesOf(fieldPackets: FieldPacket[]): string[] | null {
  const names: string[] = [];
  for (const field of fieldPackets) {
    const name = field.name;
    // A name the prototype chain already has (`_typeCast`, `__proto__`, `constructor`...) is left to the usual
    // stores, which treat it as mysqljs does: a template would shadow the inherited member before parsing.
    if (typeof name !== 'string' || name in RowDataPacket.prototype) return null;
    names.push(name);
  }
  return names;
}

function sameNames(names: string[], fieldPackets: FieldPacket[]): boolean {
  if (names.length !== fieldPackets.length) return false;
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== fieldPackets[i].name) return false;
  }
  return true;
}

/** The template for rows of these columns, or null when they are built one column at a time. */
function rowTemplate(fieldPackets: FieldPacket[]): Template | null {
  if (fieldPackets.length < MIN_COLUMNS || fieldPackets.length > MAX_COLUMNS) return null;
  for (let i = 0; i < recent.length; i++) {
    const entry = recent[i];
    if (!sameNames(entry.names, fieldPackets)) continue;
    if (i > 0) recent.unshift(recent.splice(i, 1)[0]);
    return entry.template;
  }
  const names = namesOf(fieldPackets);
  if (names === null) return null;
  // A repeated name stays where it first appears, as a second store to it would leave it.
  const template = JSON.parse('{' + names.map((name) => JSON.stringify(name) + ':null').join(',') + '}') as Template;
  recent.unshift({ names, template });
  if (recent.length > MAX_RECENT) recent.pop();
  return template;
}

namespace rowTemplate {
  /** Every column of a row, as null. */
  export type Template = Record<string, null>;

  /** An empty row, or with a template a row that has every column (as null) already. */
  export function newRow(template: Template | null): RowDataPacket {
    if (template === null) return new RowDataPacket();
    return Object.setPrototypeOf({ ...template }, RowDataPacket.prototype) as RowDataPacket;
  }
}

export = rowTemplate;
