import Query = require('./protocol/sequences/Query');
import type Sequence = require('./protocol/sequences/Sequence');

// Normalises every call form of query(): (sql), (sql, values), (sql, cb), (sql, values, cb), (options, ...),
// and an existing Query object, which is passed through unchanged.
function createQuery(sql: unknown, values?: unknown, callback?: Sequence.Callback): Query {
  if (sql instanceof Query) return sql;

  let cb = callback;
  let options: Query.Options = {};
  if (typeof sql === 'function') {
    cb = sql as Sequence.Callback;
  } else if (typeof sql === 'object' && sql !== null) {
    // Inherit from the caller's object so it is neither copied nor modified.
    options = Object.create(sql);
    if (typeof values === 'function') {
      cb = values as Sequence.Callback;
    } else if (values !== undefined) {
      Object.defineProperty(options, 'values', { value: values });
    }
  } else {
    options.sql = sql as string;
    if (typeof values === 'function') {
      cb = values as Sequence.Callback;
    } else if (values !== undefined) {
      options.values = values;
    }
  }
  if (cb !== undefined && typeof cb !== 'function') {
    throw new TypeError('argument callback must be a function when provided');
  }
  return new Query(options, cb);
}

export = createQuery;
