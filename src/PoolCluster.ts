import EventEmitter = require('events');
import perfHooks = require('perf_hooks');
import util = require('util');
import Pool = require('./Pool');
import PoolConfig = require('./PoolConfig');
import PoolNamespace = require('./PoolNamespace');
import PoolSelector = require('./PoolSelector');
import type PoolConnection = require('./PoolConnection');
import type { MysqlError } from './MysqlError';

declare namespace PoolCluster {
  interface Options {
    /** Try another matching node when getting a connection fails (default true). */
    canRetry?: boolean;
    /** Failures after which a node goes offline, or is removed when restoreNodeTimeout is 0 (default 5). */
    removeNodeErrorCount?: number;
    /** Milliseconds an offline node stays out before it is tried again; 0 removes it instead (default 0). */
    restoreNodeTimeout?: number;
    /** 'RR', 'RANDOM' or 'ORDER' (default 'RR'). */
    defaultSelector?: string;
  }
  /** A node id, an id pattern with `*` wildcards, or a regular expression. */
  type Pattern = string | RegExp;
  interface Node {
    id: string;
    errorCount: number;
    pool: Pool;
    /** Monotonic milliseconds until which the node is offline; 0 when online. */
    _offlineUntil: number;
  }
  type EndCallback = (err?: MysqlError | null) => void;
}

interface PoolCluster extends EventEmitter {
  _canRetry: boolean;
  _defaultSelector: string;
  _removeNodeErrorCount: number;
  _restoreNodeTimeout: number;
  _closed: boolean;
  _findCaches: Record<string, string[]>;
  _lastId: number;
  _namespaces: Record<string, PoolNamespace>;
  _nodes: Record<string, PoolCluster.Node>;
  add(id: string | PoolConfig.Options, config?: PoolConfig.Options | string): void;
  end(callback?: PoolCluster.EndCallback): void;
  of(pattern?: PoolCluster.Pattern, selector?: string): PoolNamespace;
  remove(pattern: PoolCluster.Pattern): void;
  getConnection(pattern: PoolCluster.Pattern | Pool.GetConnectionCallback, selector?: string | Pool.GetConnectionCallback,
    cb?: Pool.GetConnectionCallback): void;
  _clearFindCaches(): void;
  _decreaseErrorCount(node: PoolCluster.Node): void;
  _findNodeIds(pattern: PoolCluster.Pattern, includeOffline?: boolean): string[];
  _getNode(id: string): PoolCluster.Node | null;
  _increaseErrorCount(node: PoolCluster.Node): void;
  _getConnection(node: PoolCluster.Node, cb: Pool.GetConnectionCallback): void;
  _removeNode(node: PoolCluster.Node): void;
}

interface PoolClusterConstructor {
  new (config?: PoolCluster.Options): PoolCluster;
  (this: PoolCluster, config?: PoolCluster.Options): void;
  prototype: PoolCluster;
}

// Named pools ("nodes") with failover: a node whose connections keep failing goes offline for a while or is
// removed. A function constructor like the other pool classes, with mysqljs's field names (tools read _nodes).
const PoolCluster = function PoolCluster(this: PoolCluster, config?: PoolCluster.Options) {
  EventEmitter.call(this);
  const options = config || {};
  this._canRetry = options.canRetry === undefined ? true : options.canRetry;
  this._defaultSelector = options.defaultSelector || 'RR';
  this._removeNodeErrorCount = options.removeNodeErrorCount || 5;
  this._restoreNodeTimeout = options.restoreNodeTimeout || 0;

  this._closed = false;
  this._findCaches = Object.create(null);
  this._lastId = 0;
  this._namespaces = Object.create(null);
  this._nodes = Object.create(null);
} as PoolClusterConstructor;

util.inherits(PoolCluster, EventEmitter);

PoolCluster.prototype.add = function add(this: PoolCluster, id: string | PoolConfig.Options,
  config?: PoolConfig.Options | string) {
  if (this._closed) throw new Error('PoolCluster is closed.');

  const nodeId = typeof id === 'object' ? 'CLUSTER::' + (++this._lastId) : String(id);
  if (this._nodes[nodeId] !== undefined) throw new Error('Node ID "' + nodeId + '" is already defined in PoolCluster.');

  const poolConfig = new PoolConfig(typeof id === 'object' ? id : config as PoolConfig.Options | string);
  this._nodes[nodeId] = { id: nodeId, errorCount: 0, pool: new Pool({ config: poolConfig }), _offlineUntil: 0 };
  this._clearFindCaches();
};

PoolCluster.prototype.end = function end(this: PoolCluster, callback?: PoolCluster.EndCallback) {
  const cb = callback !== undefined ? callback : throwError;
  if (typeof cb !== 'function') throw new TypeError('callback argument must be a function');

  if (this._closed) {
    process.nextTick(cb);
    return;
  }
  this._closed = true;

  let calledBack = false;
  let waitingClose = 0;
  function onEnd(err?: MysqlError | null) {
    if (!calledBack && (err || --waitingClose <= 0)) {
      calledBack = true;
      cb(err);
    }
  }

  for (const nodeId of Object.keys(this._nodes)) {
    waitingClose++;
    this._nodes[nodeId].pool.end(onEnd);
  }
  if (waitingClose === 0) process.nextTick(onEnd);
};

PoolCluster.prototype.of = function of(this: PoolCluster, pattern?: PoolCluster.Pattern, selector?: string) {
  const nodePattern = pattern || '*';
  const selectorName = selectorNameOf(selector) || selectorNameOf(this._defaultSelector);
  if (!selectorName) throw new TypeError('Unknown PoolCluster selector "' + this._defaultSelector + '"');

  const key = String(nodePattern) + selectorName;
  if (this._namespaces[key] === undefined) {
    this._namespaces[key] = new PoolNamespace(this, nodePattern, selectorName);
  }
  return this._namespaces[key];
};

PoolCluster.prototype.remove = function remove(this: PoolCluster, pattern: PoolCluster.Pattern) {
  for (const nodeId of this._findNodeIds(pattern, true)) {
    const node = this._getNode(nodeId);
    if (node) this._removeNode(node);
  }
};

PoolCluster.prototype.getConnection = function getConnection(this: PoolCluster,
  pattern: PoolCluster.Pattern | Pool.GetConnectionCallback, selector?: string | Pool.GetConnectionCallback,
  cb?: Pool.GetConnectionCallback) {
  if (typeof pattern === 'function') {
    this.of().getConnection(pattern);
    return;
  }
  if (typeof selector === 'function') {
    this.of(pattern, this._defaultSelector).getConnection(selector);
    return;
  }
  this.of(pattern, selector).getConnection(cb as Pool.GetConnectionCallback);
};

PoolCluster.prototype._clearFindCaches = function _clearFindCaches(this: PoolCluster) {
  this._findCaches = Object.create(null);
};

// A success brings the count back below the limit and an offline node online again.
PoolCluster.prototype._decreaseErrorCount = function _decreaseErrorCount(this: PoolCluster, node: PoolCluster.Node) {
  const errorCount = Math.max(Math.min(node.errorCount, this._removeNodeErrorCount), 1);
  node.errorCount = errorCount - 1;

  if (node._offlineUntil) {
    node._offlineUntil = 0;
    this.emit('online', node.id);
  }
};

PoolCluster.prototype._findNodeIds = function _findNodeIds(this: PoolCluster, pattern: PoolCluster.Pattern,
  includeOffline?: boolean) {
  const cacheKey = String(pattern);
  let foundNodeIds = this._findCaches[cacheKey];
  if (foundNodeIds === undefined) {
    const expression = patternRegExp(pattern);
    // match(), not test(): a user's /g expression would carry lastIndex from one id to the next.
    foundNodeIds = Object.keys(this._nodes).filter((id) => id.match(expression) !== null);
    this._findCaches[cacheKey] = foundNodeIds;
  }
  if (includeOffline) return foundNodeIds;

  let now = 0;
  return foundNodeIds.filter((nodeId) => {
    const node = this._nodes[nodeId];
    if (!node._offlineUntil) return true;
    if (!now) now = monotonicMilliseconds();
    return node._offlineUntil <= now;
  });
};

PoolCluster.prototype._getNode = function _getNode(this: PoolCluster, id: string) {
  return this._nodes[id] || null;
};

PoolCluster.prototype._increaseErrorCount = function _increaseErrorCount(this: PoolCluster, node: PoolCluster.Node) {
  const errorCount = ++node.errorCount;
  if (this._removeNodeErrorCount > errorCount) return;

  if (this._restoreNodeTimeout > 0) {
    node._offlineUntil = monotonicMilliseconds() + this._restoreNodeTimeout;
    this.emit('offline', node.id);
    return;
  }
  this._removeNode(node);
  this.emit('remove', node.id);
};

PoolCluster.prototype._getConnection = function _getConnection(this: PoolCluster, node: PoolCluster.Node,
  cb: Pool.GetConnectionCallback) {
  const cluster = this;
  node.pool.getConnection(function (err, connection) {
    if (err) {
      // Failures caused by end() or remove() say nothing about the node's health.
      if (!cluster._closed && cluster._nodes[node.id] === node) cluster._increaseErrorCount(node);
      cb(err);
      return;
    }
    cluster._decreaseErrorCount(node);
    (connection as PoolConnection)._clusterId = node.id;
    cb(null, connection);
  });
};

PoolCluster.prototype._removeNode = function _removeNode(this: PoolCluster, node: PoolCluster.Node) {
  delete this._nodes[node.id];
  this._clearFindCaches();
  node.pool.end(noop);
};

function selectorNameOf(name: string | undefined): PoolSelector.Name | null {
  const upper = typeof name === 'string' ? name.toUpperCase() : '';
  return Object.prototype.hasOwnProperty.call(PoolSelector, upper) ? (upper as PoolSelector.Name) : null;
}

function monotonicMilliseconds(): number {
  return Math.floor(perfHooks.performance.now());
}

// `*` matches any run of characters; everything else in a string pattern is literal.
function patternRegExp(pattern: PoolCluster.Pattern): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern.replace(/([.+?^=!:${}()|[\]/\\])/g, '\\$1').replace(/\*/g, '.*');
  return new RegExp('^' + source + '$');
}

function throwError(err?: MysqlError | null): void {
  if (err) throw err;
}

function noop(): void {}

export = PoolCluster;
