declare namespace PoolSelector {
  /** Picks one id from the ids of the online nodes that match a namespace's pattern (never empty). */
  type Selector = (nodeIds: string[]) => string;
  type Name = 'RR' | 'RANDOM' | 'ORDER';
}

// How a PoolNamespace picks a node. Each entry is a factory that returns a picker with its own state; they are
// plain functions, so `new PoolSelector.RR()` works as it does in mysqljs.
const PoolSelector = {
  /** Round-robin: each node in turn. */
  RR: function PoolSelectorRoundRobin(): PoolSelector.Selector {
    let index = 0;
    return function (nodeIds) {
      if (index >= nodeIds.length) index = 0;
      return nodeIds[index++];
    };
  },

  RANDOM: function PoolSelectorRandom(): PoolSelector.Selector {
    return function (nodeIds) {
      return nodeIds[Math.floor(Math.random() * nodeIds.length)];
    };
  },

  /** Always the first node that is online, in the order the nodes were added. */
  ORDER: function PoolSelectorOrder(): PoolSelector.Selector {
    return function (nodeIds) {
      return nodeIds[0];
    };
  },
};

export = PoolSelector;
