'use strict';

// What must hold for every case, whatever the server did (DESIGN.md §4):
// no crash, no hang, every callback (or events-mode 'end', or stream 'end')
// at most once and at least once, nothing emitted after 'end', every error an Error with a string code,
// no socket or timer left behind, no file opened that the case did not allow.
// violations(report) lists what broke, each as { type, detail }.

const TYPES = ['crash', 'hang', 'double-callback', 'after-end', 'not-error', 'no-code', 'leak', 'file'];

function opRecords(report) {
  const ops = report.ops || {};
  return [ops.connect, ops.main].concat(ops.queue || [], [ops.abort, ops.then, ops.end]).filter(Boolean);
}

function errorViolations(where, err) {
  if (!err) return [];
  if (!err.isError) return [{ type: 'not-error', detail: where + ': ' + err.codeType + ' ' + err.message }];
  if (err.codeType !== 'string') return [{ type: 'no-code', detail: where + ': ' + err.message }];
  return [];
}

function violations(report) {
  if (report.uncaught) return [{ type: 'crash', detail: report.uncaught.stack || report.uncaught.message }];
  if (report.crashed) return [{ type: 'crash', detail: 'worker exited ' + JSON.stringify(report.crashed) }];

  const found = [];
  if (report.hang) found.push({ type: 'hang', detail: report.hang });
  for (const op of opRecords(report)) {
    const events = op.events;
    if (op.calls > 1) found.push({ type: 'double-callback', detail: op.name + ' called ' + op.calls + ' times' });
    if (events && events.error > 1) found.push({ type: 'double-callback', detail: op.name + ": 'error' " + events.error + ' times' });
    if (events && events.afterEnd > 0) found.push({ type: 'after-end', detail: op.name + ': ' + events.afterEnd + " events after 'end'" });
    if (events && op.calls === 0 && events.error === 0 && !op.threw) {
      found.push({ type: 'hang', detail: op.name + " closed without 'end' or 'error'" });
    }
    if (op.threw) found.push(...errorViolations(op.name + ' threw', op.threw));
    op.errors.forEach((err) => found.push(...errorViolations(op.name, err)));
  }
  (report.connectionErrors || []).forEach((err) => found.push(...errorViolations("connection 'error'", err)));
  if (report.leaks && report.leaks.length) found.push({ type: 'leak', detail: report.leaks.join(', ') });
  if (report.files && report.files.length) found.push({ type: 'file', detail: report.files.join(', ') });
  return found;
}

module.exports = { violations, TYPES };
