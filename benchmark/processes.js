'use strict';

// Starting, watching and stopping the harness's own child processes (driver runs and the replay server).
const path = require('path');
const { fork } = require('child_process');

const CHILD_SLACK_MS = 30000;

const live = new Set();

function forkJson(script, payload, execArgv) {
  // A child's stdout goes to stderr: stdout carries only the report.
  const child = fork(path.join(__dirname, script), [JSON.stringify(payload)], { execArgv, stdio: ['ignore', 2, 2, 'ipc'] });
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

// Resolves with the child's report, or with { ok: false } when it dies, hangs or says nothing.
function runChild(payload, execArgv = []) {
  return new Promise((resolve) => {
    const child = forkJson('child.js', payload, execArgv);
    let result = null;
    const timer = setTimeout(() => {
      result = result || { ok: false, error: 'timed out' };
      child.kill('SIGKILL');
    }, payload.warmupMs + payload.measureMs + CHILD_SLACK_MS);
    child.on('message', (message) => { result = message; });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(result || { ok: false, error: 'exited with ' + (signal || code) + ' before reporting' });
    });
  });
}

// Resolves with { child, port, bytes, rows } once the replay server has captured its result set and listens.
function startReplay(server, sql) {
  return new Promise((resolve, reject) => {
    const child = forkJson('replay-server.js', { server, sql }, []);
    child.once('message', (message) => resolve({ child, ...message }));
    child.once('exit', (code) => reject(new Error('replay server exited with ' + code)));
  });
}

function stopAll() {
  live.forEach((child) => child.kill('SIGKILL'));
}

module.exports = { runChild, startReplay, stopAll };
