/**
 * Candidate partners for the cross-plan analysis: each task's `k` most similar tasks of other
 * plans, found without comparing every pair (that grows with the square of the corpus: 10 s at
 * ×10, out of reach at ×100).
 *
 * - dense vectors: the search layer's VectorIndex — an exact scan up to EXACT_MAX tasks, HNSW beyond;
 * - sparse TF-IDF vectors: an inverted index; a task looks up only its HEAVIEST_TERMS heaviest
 *   terms, the POOL × k best partial scores are then scored exactly.
 */
import { ExactIndex } from '../search/exact-index';
import { HnswIndex } from '../search/hnsw-index';
import type { VectorIndex } from '../search/vector-index';
import { sparseCosine, type SparseVector } from './text';

/** Up to this many tasks the dense neighbours are exact. */
export const EXACT_MAX = 4000;
const HEAVIEST_TERMS = 32;
const POOL = 4;

/** The best `k` (index, score) pairs offered, best first. */
class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  offer(id: number, score: number): void {
    const n = this.ids.length;
    if (n === this.k && score <= this.scores[n - 1]) return;
    let at = n;
    while (at > 0 && this.scores[at - 1] < score) at--;
    this.ids.splice(at, 0, id);
    this.scores.splice(at, 0, score);
    if (this.ids.length > this.k) {
      this.ids.pop();
      this.scores.pop();
    }
  }
}

function unit(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  n = Math.sqrt(n) || 1;
  return Float32Array.from(v, (x) => x / n);
}

/** For each vector, the indexes of its `k` nearest (cosine) vectors of another group. */
export function denseNeighbours(vectors: ArrayLike<number>[], group: ArrayLike<number>, k: number): number[][] {
  const units = vectors.map(unit);
  const n = units.length;
  if (!n) return [];
  // the search layer's own indexes: an exact scan up to EXACT_MAX, HNSW beyond
  const index: VectorIndex = n <= EXACT_MAX ? new ExactIndex(units[0].length) : new HnswIndex(units[0].length, { efSearch: Math.max(64, 4 * k) });
  const width = String(n).length;
  const keyOf = (i: number) => String(i).padStart(width, '0'); // key order = index order: ties keep the earlier task
  index.addMany(units.map((vector, i) => ({ key: keyOf(i), vector })));
  return units.map((v, i) => index.search(v, Math.min(k, n - 1), (key) => group[Number(key)] !== group[i]).map((h) => Number(h.key)));
}

/** For each sparse vector, the indexes of its `k` most similar (cosine) vectors of another group. */
export function sparseNeighbours(vectors: SparseVector[], group: ArrayLike<number>, k: number): number[][] {
  const n = vectors.length;
  // postings in CSR form: term -> (document, weight) pairs
  let terms = 0;
  for (const v of vectors) for (const t of v.ids) terms = Math.max(terms, t + 1);
  const start = new Int32Array(terms + 1);
  for (const v of vectors) for (const t of v.ids) start[t + 1]++;
  for (let t = 0; t < terms; t++) start[t + 1] += start[t];
  const fill = start.slice(0, terms);
  const docs = new Int32Array(start[terms]);
  const weights = new Float32Array(start[terms]);
  vectors.forEach((v, d) => v.ids.forEach((t, i) => {
    docs[fill[t]] = d;
    weights[fill[t]++] = v.weights[i];
  }));
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  return vectors.map((v, i) => {
    const heaviest = [...v.weights.keys()].sort((x, y) => v.weights[y] - v.weights[x]).slice(0, HEAVIEST_TERMS);
    let m = 0;
    for (const at of heaviest) {
      const t = v.ids[at];
      const w = v.weights[at];
      for (let p = start[t]; p < start[t + 1]; p++) {
        const d = docs[p];
        if (group[d] === group[i]) continue;
        if (acc[d] === 0) touched[m++] = d;
        acc[d] += w * weights[p];
      }
    }
    const pool = new TopK(POOL * k);
    for (let x = 0; x < m; x++) {
      pool.offer(touched[x], acc[touched[x]]);
      acc[touched[x]] = 0;
    }
    const top = new TopK(k);
    for (const d of pool.ids) top.offer(d, sparseCosine(v, vectors[d]));
    return top.ids;
  });
}
