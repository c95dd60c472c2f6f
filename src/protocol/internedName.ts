// V8's inline caches recognise a property key by identity, and the key they remember is always an internalized
// string (the engine's one copy of each text). A column name decoded from a packet is a string of its own, so
// storing a row's values under it missed at every store site and went to the engine's slow path, even at a site
// that only ever sees that name (see RowDataPacket.ts). A string is internalized once it is an object's own key;
// the copies found that way are kept, since the same names come back in many result sets.
const MAX_NAMES = 10000; // distinct names kept; past that the map starts again

const interned = new Map<string, string>();

function internedName(name: string | null | undefined): string | null | undefined {
  if (typeof name !== 'string') return name;
  let copy = interned.get(name);
  if (copy === undefined) {
    copy = ownKeyOf(name);
    if (interned.size >= MAX_NAMES) interned.clear();
    interned.set(copy, copy);
  }
  return copy;
}

function ownKeyOf(name: string): string {
  const holder: Record<string, null> = {};
  holder[name] = null;
  for (const key in holder) return key;
  // `__proto__` sets the prototype instead of adding a key; such a name stays as it came.
  return name;
}

export = internedName;
