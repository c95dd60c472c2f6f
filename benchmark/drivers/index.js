'use strict';

const path = require('path');

const root = path.resolve(__dirname, '..', '..');

function versionOf(name) {
  return require(path.join(root, 'node_modules', name, 'package.json')).version;
}

// Report order. `floor` marks the raw-socket client, which runs only the workloads that ask for it.
const DRIVERS = [
  { key: 'ours', label: 'mysql-ts', version: require(path.join(root, 'package.json')).version },
  { key: 'mysql', label: 'mysql', version: versionOf('mysql') },
  { key: 'mysql2', label: 'mysql2', version: versionOf('mysql2') },
  { key: 'mariadb', label: 'mariadb', version: versionOf('mariadb') },
  { key: 'raw', label: 'raw floor', version: '', floor: true },
];

function load(key) {
  return require('./' + key);
}

module.exports = { DRIVERS, load };
