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

// The ratio of two drivers as the median of per-round ratios: each of a's runs over b's run of the same round,
// so that the machine's drift from one round to the next, larger than the gap between two neighbouring
// processes, cancels out. Rounds in which either run failed are left out.
function pairedRatio(aRuns, bRuns, value) {
  const ratios = [];
  for (let round = 0; round < Math.min(aRuns.length, bRuns.length); round++) {
    if (aRuns[round].ok && bRuns[round].ok) ratios.push(value(aRuns[round]) / value(bRuns[round]));
  }
  return { ratio: median(ratios), spread: spread(ratios) };
}

module.exports = { median, spread, pairedRatio };
