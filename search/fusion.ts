/**
 * Rank fusion: pure functions over ranked lists of ids (best first). Reciprocal rank fusion
 * (Cormack et al. 2009) with per-list weights, plus min-max weighted-sum fusion for scored lists.
 */

export interface RankedList {
  name: string;
  ids: string[]; // best first
  weight?: number; // default 1
}

export interface Fused {
  id: string;
  score: number;
  ranks: Record<string, number | null>; // 1-based rank in each list, null when absent ({} when not asked for)
}

function ranksOf(lists: RankedList[], id: string, positions: Map<string, Map<string, number>>): Record<string, number | null> {
  const ranks: Record<string, number | null> = {};
  for (const l of lists) ranks[l.name] = positions.get(l.name)?.get(id) ?? null;
  return ranks;
}

function positionsOf(lists: RankedList[]): Map<string, Map<string, number>> {
  const positions = new Map<string, Map<string, number>>();
  for (const l of lists) {
    const m = new Map<string, number>();
    l.ids.forEach((id, i) => {
      if (!m.has(id)) m.set(id, i + 1);
    });
    positions.set(l.name, m);
  }
  return positions;
}

/** Weighted RRF: score(d) = Σ w_l / (k + rank_l(d)). Ties broken by id for stable output. */
export function rrf(lists: RankedList[], k = 60, withRanks = true): Fused[] {
  const positions = positionsOf(lists);
  const scores = new Map<string, number>();
  for (const l of lists) {
    const w = l.weight ?? 1;
    for (const [id, rank] of positions.get(l.name)!) scores.set(id, (scores.get(id) ?? 0) + w / (k + rank));
  }
  return sortFused(scores, lists, positions, withRanks);
}

export interface ScoredList {
  name: string;
  hits: { id: string; score: number }[];
  weight?: number;
}

// Each scored list as ids by descending score (for the per-list ranks reported in `ranks`).
function rankedOf(lists: ScoredList[]): RankedList[] {
  return lists.map((l) => ({ name: l.name, ids: [...l.hits].sort((a, b) => b.score - a.score).map((h) => h.id) }));
}

/** Weighted sum of min-max normalised scores (a list's absent ids count 0). */
export function weightedSum(lists: ScoredList[]): Fused[] {
  const asRanked = rankedOf(lists);
  const positions = positionsOf(asRanked);
  const scores = new Map<string, number>();
  for (const l of lists) {
    if (!l.hits.length) continue;
    const max = Math.max(...l.hits.map((h) => h.score));
    const min = Math.min(...l.hits.map((h) => h.score));
    const span = max - min || 1;
    const w = l.weight ?? 1;
    for (const h of l.hits) scores.set(h.id, (scores.get(h.id) ?? 0) + (w * (h.score - min)) / span);
  }
  return sortFused(scores, asRanked, positions);
}

/** Weighted sum of z-scored scores (each list's mean 0, sd 1); absent ids get the list's minimum. */
export function zscoreSum(lists: ScoredList[]): Fused[] {
  const asRanked = rankedOf(lists);
  const positions = positionsOf(asRanked);
  const z = lists.map((l) => {
    const n = l.hits.length || 1;
    const mu = l.hits.reduce((s, h) => s + h.score, 0) / n;
    const sd = Math.sqrt(l.hits.reduce((s, h) => s + (h.score - mu) ** 2, 0) / n) || 1;
    const min = l.hits.length ? Math.min(...l.hits.map((h) => (h.score - mu) / sd)) : 0;
    return { w: l.weight ?? 1, min, of: new Map(l.hits.map((h) => [h.id, (h.score - mu) / sd])) };
  });
  const ids = new Set(lists.flatMap((l) => l.hits.map((h) => h.id)));
  const scores = new Map<string, number>();
  for (const id of ids) scores.set(id, z.reduce((s, l) => s + l.w * (l.of.get(id) ?? l.min), 0));
  return sortFused(scores, asRanked, positions);
}

function sortFused(scores: Map<string, number>, lists: RankedList[], positions: Map<string, Map<string, number>>, withRanks = true): Fused[] {
  return [...scores]
    .map(([id, score]) => ({ id, score, ranks: withRanks ? ranksOf(lists, id, positions) : {} }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Fuses scored lists the way `settings.fusion` says (RRF uses ranks only). `withRanks` false
 * leaves each item's per-list ranks out (`{}`): an intermediate fusion (feedback) needs the order only.
 */
export function fuse(lists: ScoredList[], settings: { fusion: 'rrf' | 'zscore' | 'minmax'; rrfK: number }, withRanks = true): Fused[] {
  if (settings.fusion === 'zscore') return zscoreSum(lists);
  if (settings.fusion === 'minmax') return weightedSum(lists);
  return rrf(lists.map((l) => ({ name: l.name, weight: l.weight, ids: l.hits.map((h) => h.id) })), settings.rrfK, withRanks);
}
