'use strict';

// The client half of one fault or fuzz case, run inside a worker (worker.js):
// performs one operation against a server on `port` the way an application
// would, and records how the library answered. It never judges; invariants.js
// does.
//
// spec:
//   op          connect | query | ping | statistics | changeUser | end |
//               pool.getConnection | pool.query
//   mode        callback (default) | events | stream   (query and pool.query)
//   sql         the query text ('SELECT 1')
//   options     extra connection (or pool) options
//   opOptions   options for the command itself ({ timeout } ...)
//   changeUser  the user, password, database changeUser() switches to
//   connectFirst  connect() and wait before the op (its outcome is ops.connect)
//   pauseMs     an idle pause between connecting and the op
//   queue       ops enqueued right behind the main op: ['ping', 'query', ...]
//   then        one more op once everything before it finished
//   finish      end (default) | destroy | none: how the application lets go
//   abort       { afterMs, how: 'destroy' | 'end' }: lets go while the ops are still pending
//               (for a pool: pool.end()); its outcome is ops.abort
//   watchdogMs  how long the ops may take before the case counts as a hang
//
// The report: { ops: { connect?, main, queue: [], abort?, then?, end? }, connectionErrors,
// state, hang? } where every op is { calls, errors: [described], threw?, result?,
// events? } and calls counts callback invocations ('end' events for events mode);
// events counts each event, and afterEnd the events that came after an 'end'.

const common = require('../support/common');

const SETTLE_MS = 5; // a second callback or a late error usually follows within a tick or two

function describeError(err) {
  if (err === undefined || err === null) return null;
  const isError = err instanceof Error;
  return {
    isError,
    code: isError ? err.code : undefined,
    codeType: isError ? typeof err.code : typeof err,
    fatal: isError ? err.fatal : undefined,
    message: isError ? String(err.message).slice(0, 300) : String(err).slice(0, 300),
    stack: isError && typeof err.stack === 'string' ? err.stack.split('\n').slice(0, 6).join('\n') : undefined,
  };
}

// A small, JSON-safe picture of a result: what tests compare, never the whole thing.
function summarize(value, depth) {
  const d = depth || 0;
  if (value === null || value === undefined) return value === null ? null : '(undefined)';
  if (Buffer.isBuffer(value)) return { buffer: value.length };
  if (typeof value === 'string') return value.length > 64 ? { string: value.length } : value;
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return value;
  if (d > 3) return '(deep)';
  if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, 5).map((item) => summarize(item, d + 1));
    return value.length > 5 ? { length: value.length, first: items } : items;
  }
  const out = {};
  for (const key of Object.keys(value).slice(0, 20)) out[key] = summarize(value[key], d + 1);
  return out;
}

class Recorder {
  constructor(name) {
    this.record = { name, calls: 0, errors: [] };
    this.done = false;
    this._resolve = null;
    this.finished = new Promise((resolve) => { this._resolve = resolve; });
  }

  error(err) {
    this.record.errors.push(describeError(err));
  }

  complete() {
    this.done = true;
    this._resolve();
  }

  callback() {
    return (err, result) => {
      this.record.calls++;
      if (err) this.error(err);
      if (this.record.calls === 1) {
        this.record.result = summarize(result);
        this.complete();
      }
    };
  }

  threw(err) {
    this.record.threw = describeError(err);
    this.complete();
  }
}

function commandOptions(spec, extra) {
  return Object.assign({}, spec.opOptions, extra);
}

// Runs one connection command; returns its Recorder.
function connectionOp(connection, name, spec) {
  const rec = new Recorder(name);
  try {
    switch (name) {
      case 'connect':
        connection.connect(rec.callback());
        break;
      case 'ping':
        connection.ping(commandOptions(spec), rec.callback());
        break;
      case 'statistics':
        connection.statistics(commandOptions(spec), rec.callback());
        break;
      case 'changeUser':
        connection.changeUser(commandOptions(spec, spec.changeUser || { user: 'other', password: 'secret' }), rec.callback());
        break;
      case 'end':
        connection.end(commandOptions(spec), rec.callback());
        break;
      default:
        queryOp(connection, rec, spec);
    }
  } catch (err) {
    rec.threw(err);
  }
  return rec;
}

function queryOp(target, rec, spec) {
  const options = commandOptions(spec, { sql: spec.sql || 'SELECT 1' });
  const mode = spec.mode || 'callback';
  if (mode === 'callback') {
    target.query(options, rec.callback());
    return;
  }
  const query = target.query(options);
  const events = (rec.record.events = { fields: 0, result: 0, error: 0, end: 0, afterEnd: 0, order: [] });
  const note = (name) => {
    if (events.end > 0) events.afterEnd++;
    events[name]++;
    if (events.order.length < 8 && events.order[events.order.length - 1] !== name) events.order.push(name);
  };
  if (mode === 'events') {
    query.on('fields', () => note('fields'));
    query.on('result', () => note('result'));
    query.on('error', (err) => { note('error'); rec.error(err); });
    query.on('end', () => {
      note('end');
      rec.record.calls++;
      if (rec.record.calls === 1) rec.complete();
    });
    return;
  }
  // stream(): the Readable must end or fail, each at most once, and the query itself must end.
  const readable = query.stream({ highWaterMark: 2 });
  let queryEnded = false;
  let terminal = false;
  const check = () => {
    if (queryEnded && terminal && !rec.done) rec.complete();
  };
  readable.on('data', () => note('result'));
  readable.on('error', (err) => { note('error'); rec.error(err); terminal = true; check(); });
  readable.on('end', () => { note('end'); rec.record.calls++; terminal = true; check(); });
  readable.on('close', () => { terminal = true; check(); });
  query.on('end', () => { queryEnded = true; check(); });
}

function poolOp(pool, name, spec) {
  const rec = new Recorder(name);
  try {
    if (name === 'pool.getConnection') {
      const cb = rec.callback();
      pool.getConnection((err, connection) => {
        cb(err, connection && { threadId: connection.threadId });
        if (connection) connection.release();
      });
    } else {
      queryOp(pool, rec, spec);
    }
  } catch (err) {
    rec.threw(err);
  }
  return rec;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Resolves true when every recorder finished, false when the watchdog fired first.
function allDone(recorders, deadline) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    timer.unref();
    Promise.all(recorders.map((r) => r.finished)).then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function hangOf(recorders) {
  return recorders.filter((r) => !r.done).map((r) => r.record.name).join(', ');
}

async function runConnection(spec, port, report, deadline) {
  const connection = common.mysql.createConnection(Object.assign(
    { host: '127.0.0.1', port, user: 'root', database: 'test' }, spec.options));
  connection.on('error', (err) => report.connectionErrors.push(describeError(err)));
  const ops = report.ops;
  const waitFor = async (recorders) => {
    if (!(await allDone(recorders, deadline))) report.hang = report.hang || hangOf(recorders);
  };

  try {
    if (spec.connectFirst || spec.op === 'end') {
      const connect = connectionOp(connection, 'connect', spec);
      await waitFor([connect]);
      ops.connect = connect.record;
    }
    if (spec.pauseMs) await delay(spec.pauseMs);
    const main = connectionOp(connection, spec.op, spec);
    const queued = (spec.queue || []).map((name) => connectionOp(connection, name, spec));
    const aborted = abort(spec, ops, () => connection.destroy(), (cb) => connection.end(cb));
    await waitFor([main].concat(queued, aborted));
    ops.main = main.record;
    ops.queue = queued.map((r) => r.record);
    await delay(SETTLE_MS);
    if (spec.then && !report.hang) {
      const then = connectionOp(connection, spec.then, spec);
      await waitFor([then]);
      ops.then = then.record;
    }
    report.state = connection.state;
    const finish = spec.finish || 'end';
    if (finish === 'end' && spec.op !== 'end' && !spec.abort && !report.hang) {
      const end = connectionOp(connection, 'end', { opOptions: { timeout: spec.endTimeout || 2000 } });
      await waitFor([end]);
      ops.end = end.record;
    }
  } finally {
    // After end() the connection must close by itself (the leak check sees it if not); after a hang, or with
    // finish: destroy, the application gives up on it.
    if (spec.finish === 'destroy' || report.hang) connection.destroy();
  }
}

async function runPool(spec, port, report, deadline) {
  const pool = common.mysql.createPool(Object.assign(
    { host: '127.0.0.1', port, user: 'root', database: 'test', connectionLimit: 1 }, spec.options));
  const ops = report.ops;
  const waitFor = async (recorders) => {
    if (!(await allDone(recorders, deadline))) report.hang = report.hang || hangOf(recorders);
  };
  try {
    const main = poolOp(pool, spec.op, spec);
    const queued = (spec.queue || []).map(() => poolOp(pool, 'pool.query', { sql: 'SELECT 1', opOptions: spec.opOptions }));
    const aborted = abort(spec, ops, null, (cb) => pool.end(cb));
    await waitFor([main].concat(queued, aborted));
    ops.main = main.record;
    ops.queue = queued.map((r) => r.record);
    await delay(SETTLE_MS);
    if (spec.then && !report.hang) {
      const then = poolOp(pool, spec.then, { sql: 'SELECT 1', opOptions: spec.opOptions });
      await waitFor([then]);
      ops.then = then.record;
    }
  } finally {
    if (!spec.abort) await endPool(pool, report, deadline);
  }
}

// pool.end() is how an application lets go of a pool, after a hang too: it must still call back.
async function endPool(pool, report, deadline) {
  const end = new Recorder('pool.end');
  try {
    pool.end(end.callback());
  } catch (err) {
    end.threw(err);
  }
  if (!(await allDone([end], Math.max(deadline, Date.now() + 1000)))) report.hang = report.hang || 'pool.end';
  report.ops.end = end.record;
}

// spec.abort = { afterMs, how: 'destroy' | 'end' }: the application gives up while the ops are pending.
// Returns the recorders to wait for (end()'s callback; destroy() has none).
function abort(spec, ops, destroy, end) {
  if (!spec.abort) return [];
  const rec = new Recorder(spec.abort.how === 'end' ? 'abort.end' : 'abort.destroy');
  ops.abort = rec.record;
  setTimeout(() => {
    try {
      if (spec.abort.how === 'end' || !destroy) {
        end(rec.callback());
      } else {
        destroy();
        rec.record.calls++;
        rec.complete();
      }
    } catch (err) {
      rec.threw(err);
    }
  }, spec.abort.afterMs || 0);
  return [rec];
}

async function runClient(spec, port) {
  const report = { ops: {}, connectionErrors: [] };
  const deadline = Date.now() + (spec.watchdogMs || 4000);
  const run = spec.op.startsWith('pool.') ? runPool : runConnection;
  await run(spec, port, report, deadline);
  await delay(SETTLE_MS);
  return report;
}

module.exports = { runClient, describeError };
