'use strict';

// What the machine is and how busy it is. CPU time comes from /proc in clock ticks: the machine-wide busy
// share, this process's share, and the server's, so a report can tell its own load from everyone else's. On a
// virtual machine, steal (time the host gave our CPUs to someone else) counts as busy: it stalls a run as
// other load does. It is also reported on its own.
const fs = require('fs');
const os = require('os');

function readMachineTicks() {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = fields[3] + fields[4];
  return { total, busy: total - idle, steal: fields[7] || 0 };
}

// utime + stime of a process, or 0 once it is gone.
function readProcessTicks(pid) {
  try {
    const stat = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

// The database server's processes, found by name: a test suite may run its own mariadbd beside the main one,
// and an idle one adds nothing to the sum.
function findServerPids() {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      return /^(mariadbd|mysqld)$/.test(fs.readFileSync('/proc/' + pid + '/comm', 'utf8').trim());
    } catch {
      return false;
    }
  }).map(Number);
}

function sample(serverPids) {
  return {
    machine: readMachineTicks(),
    self: readProcessTicks(process.pid),
    server: serverPids.reduce((sum, pid) => sum + readProcessTicks(pid), 0),
  };
}

// Shares of all CPUs (0..1) between two samples.
function busyBetween(before, after) {
  const total = after.machine.total - before.machine.total;
  if (total <= 0) return { busy: 0, client: 0, server: 0, other: 0, steal: 0 };
  const busy = (after.machine.busy - before.machine.busy) / total;
  const client = (after.self - before.self) / total;
  const server = (after.server - before.server) / total;
  const steal = (after.machine.steal - before.machine.steal) / total;
  return { busy, client, server, other: Math.max(0, busy - client - server), steal };
}

function describe() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
    cpuModel: cpus.length > 0 ? cpus[0].model.trim() : 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    kernel: os.type() + ' ' + os.release(),
    node: process.version,
  };
}

function loadAverage() {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

module.exports = { findServerPids, sample, busyBetween, describe, loadAverage };
