'use strict';

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Half the range across rounds, as a fraction of the median: the ± the report prints.
function spread(values) {
  if (values.length < 2) return NaN;
  return (Math.max(...values) - Math.min(...values)) / 2 / median(values);
}

module.exports = { median, spread };
