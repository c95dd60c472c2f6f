'use strict';

// A pool of worker.js child processes. run(spec) sends a case to an idle
// worker and resolves with its report; a worker that dies mid-case yields
// { crashed } (with its exit status and the end of its stderr), one that does
// not answer within timeoutMs is killed and yields { hang: 'worker
// unresponsive' }. Either way a fresh worker takes its place, so one bad case
// never stops a run.

const childProcess = require('child_process');
const os = require('os');
const path = require('path');

const WORKER = path.join(__dirname, 'worker.js');
const ROOT = path.resolve(__dirname, '..', '..');
const STDERR_TAIL = 4000;

class WorkerPool {
  constructor(options) {
    const opts = options || {};
    // Cases spend most of their time waiting on sockets and timers, so two workers per core keep the CPUs busy.
    this.size = opts.size || Math.max(2, Math.min(8, 2 * os.cpus().length));
    this.timeoutMs = opts.timeoutMs || 15000;
    this.idle = [];
    this.all = new Set();
    this.waiting = [];
    this.nextId = 1;
    this.closed = false;
    for (let i = 0; i < this.size; i++) this.idle.push(this.spawn());
  }

  spawn() {
    // cwd is the repository root: corpus cases name their LOCAL INFILE files relative to it.
    const child = childProcess.fork(WORKER, [], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const worker = { child, task: null, stderr: '' };
    child.stderr.on('data', (chunk) => {
      worker.stderr = (worker.stderr + chunk).slice(-STDERR_TAIL);
    });
    child.on('message', (message) => {
      const task = worker.task;
      if (!task || message.id !== task.id) return;
      if (message.report && message.report.uncaught) {
        // The worker exits after an uncaught exception; the report says why.
        task.report = message.report;
        return;
      }
      this.finish(worker, message.report);
    });
    child.on('exit', (code, signal) => {
      this.all.delete(worker);
      const task = worker.task;
      if (task) {
        const report = task.report || { crashed: { code, signal, stderr: worker.stderr } };
        this.finish(worker, report, true);
      }
    });
    this.all.add(worker);
    return worker;
  }

  run(spec) {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, spec, resolve, timer: null, report: null });
      this.dispatch();
    });
  }

  dispatch() {
    while (this.idle.length && this.waiting.length) {
      const worker = this.idle.shift();
      const task = this.waiting.shift();
      worker.task = task;
      task.timer = setTimeout(() => {
        task.report = { hang: 'worker unresponsive after ' + this.timeoutMs + ' ms' };
        worker.child.kill('SIGKILL');
      }, this.timeoutMs);
      worker.child.send({ id: task.id, spec: task.spec });
    }
  }

  finish(worker, report, dead) {
    const task = worker.task;
    worker.task = null;
    clearTimeout(task.timer);
    if (dead) {
      if (!this.closed) this.idle.push(this.spawn());
    } else {
      this.idle.push(worker);
    }
    task.resolve(report);
    this.dispatch();
  }

  close() {
    this.closed = true;
    const exits = [...this.all].map((worker) => new Promise((resolve) => {
      worker.child.once('exit', resolve);
      worker.child.disconnect();
    }));
    return Promise.all(exits);
  }
}

module.exports = { WorkerPool };
