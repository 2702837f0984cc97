/**
 * Statistics for the secrecy test: can the order in which things are stored be used to
 * rebuild who cast which ballot? The detector is itself tested against a deliberately linked
 * store, so a pass means something.
 */

/** Ranks of the values (0-based; ties get the mean rank). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length).fill(0);
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end + 1 < order.length && order[end + 1]?.v === order[k]?.v) end += 1;
    for (let m = k; m <= end; m += 1) out[(order[m] as { i: number }).i] = (k + end) / 2;
    k = end + 1;
  }
  return out;
}

/** Spearman's rank correlation of two equally long series (0 when either is constant). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i += 1) {
    const x = (ra[i] as number) - mean;
    const y = (rb[i] as number) - mean;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/**
 * The best simple attack: pair the i-th stored ballot with the i-th voter to receive a ballot
 * (and, separately, with the i-th from the end). Returns how many pairs are right. By chance a
 * random order gets about one right.
 */
export function orderAttackHits(storedVoterIndex: readonly number[]): number {
  const n = storedVoterIndex.length;
  let forward = 0;
  let backward = 0;
  storedVoterIndex.forEach((voter, position) => {
    if (voter === position) forward += 1;
    if (voter === n - 1 - position) backward += 1;
  });
  return Math.max(forward, backward);
}

/**
 * The verdict on one ordering of ballots (each given as the issue index of its voter): it
 * leaks if storage order correlates with issue order beyond what chance allows (|rho| above
 * 4.5 standard errors, ~1e-5 false alarms) or the order attack gets more than 6 right
 * (chance ~1e-4).
 */
export function orderLeaks(storedVoterIndex: readonly number[]): { rho: number; hits: number; leaks: boolean } {
  const n = storedVoterIndex.length;
  const rho = spearman(storedVoterIndex.map((_, i) => i), storedVoterIndex);
  const hits = orderAttackHits(storedVoterIndex);
  return { rho, hits, leaks: Math.abs(rho) > 4.5 / Math.sqrt(n - 1) || hits > 6 };
}
