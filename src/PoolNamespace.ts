import Connection = require('./Connection');
import PoolSelector = require('./PoolSelector');
import createError = require('./protocol/createError');
import runPoolQuery = require('./poolQuery');
import type PoolCluster = require('./PoolCluster');
import type PoolConnection = require('./PoolConnection');
import type Pool = require('./Pool');
import type Query = require('./protocol/sequences/Query');
import type Sequence = require('./protocol/sequences/Sequence');
import type { MysqlError } from './MysqlError';

interface PoolNamespace {
  _cluster: PoolCluster;
  _pattern: PoolCluster.Pattern;
  _selector: PoolSelector.Selector;
  getConnection(cb: Pool.GetConnectionCallback): void;
  query: Query.QueryFunction;
  _getClusterNode(): PoolCluster.Node | null;
}

interface PoolNamespaceConstructor {
  new (cluster: PoolCluster, pattern: PoolCluster.Pattern, selector: PoolSelector.Name): PoolNamespace;
  (this: PoolNamespace, cluster: PoolCluster, pattern: PoolCluster.Pattern, selector: PoolSelector.Name): void;
  prototype: PoolNamespace;
}

// The nodes of a cluster that match one pattern, with one selector: cluster.of(pattern, selector).
// Prototype-assigned methods, as in mysqljs: agents rewrite this file's source or wrap the prototype, and find
// query only in that form.
const PoolNamespace = function PoolNamespace(this: PoolNamespace, cluster: PoolCluster, pattern: PoolCluster.Pattern,
  selector: PoolSelector.Name) {
  this._cluster = cluster;
  this._pattern = pattern;
  this._selector = PoolSelector[selector]();
} as PoolNamespaceConstructor;

// No node to try: the pattern matches only offline nodes, or none at all.
function noNodeError(namespace: PoolNamespace): MysqlError {
  if (namespace._cluster._findNodeIds(namespace._pattern, true).length !== 0) {
    return createError('Pool does not have online node.', 'POOL_NONEONLINE');
  }
  return createError('Pool does not exist.', 'POOL_NOEXIST');
}

function shouldRetry(namespace: PoolNamespace, err: MysqlError | null): boolean {
  const cluster = namespace._cluster;
  return Boolean(err) && cluster._canRetry && !cluster._closed && cluster._findNodeIds(namespace._pattern).length !== 0;
}

PoolNamespace.prototype.getConnection = function getConnection(this: PoolNamespace, cb: Pool.GetConnectionCallback) {
  const clusterNode = this._getClusterNode();
  if (clusterNode === null) {
    // Synchronously, as mysqljs does.
    cb(noNodeError(this));
    return;
  }

  const namespace = this;
  this._cluster._getConnection(clusterNode, function (err, connection) {
    if (shouldRetry(namespace, err)) {
      namespace.getConnection(cb);
      return;
    }
    if (err) {
      cb(err);
      return;
    }
    cb(null, connection);
  });
};

PoolNamespace.prototype.query = function query(this: PoolNamespace, sql: unknown, values?: unknown,
  cb?: Sequence.Callback) {
  const clusterNode = this._getClusterNode();
  // Looked up on Connection at call time: agents wrap Connection.createQuery.
  const query = Connection.createQuery(sql, values, cb);

  if (clusterNode === null) {
    const err = noNodeError(this);
    process.nextTick(function () {
      query.on('error', function () {});
      query.end(err);
    });
    return query;
  }

  const connectionConfig = clusterNode.pool.config.connectionConfig;
  if (!(typeof sql === 'object' && sql !== null && 'typeCast' in sql)) query.typeCast = connectionConfig.typeCast;
  if (connectionConfig.trace) query._callSite = new Error();

  const namespace = this;
  this._cluster._getConnection(clusterNode, function (err, conn) {
    if (shouldRetry(namespace, err)) {
      // The same Query object again (agents key their state on it), now on the next node.
      namespace.query(query);
      return;
    }
    runPoolQuery(query, err, conn as PoolConnection | undefined);
  });

  return query;
};

PoolNamespace.prototype._getClusterNode = function _getClusterNode(this: PoolNamespace) {
  const foundNodeIds = this._cluster._findNodeIds(this._pattern);
  let nodeId: string | null;
  switch (foundNodeIds.length) {
    case 0:
      nodeId = null;
      break;
    case 1:
      nodeId = foundNodeIds[0];
      break;
    default:
      nodeId = this._selector(foundNodeIds);
      break;
  }
  return nodeId !== null ? this._cluster._getNode(nodeId) : null;
};

export = PoolNamespace;
