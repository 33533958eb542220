/**
 * Row vectors of one dimension in one contiguous Float32Array: every row's dot product with a
 * query in one tight pass (no per-row objects, no Map lookups), and the k best rows picked from
 * those scores. What the exact vector index, the small-index scan of HnswIndex, the vocabulary
 * bridge and the whole-task cosines ('mix' pooling, feedback) compute per query.
 */
import { TopHits, type VectorHit } from './vector-index';

export class DenseMatrix {
  private data: Float32Array;
  private count = 0;

  constructor(readonly dimensions: number, capacity = 16) {
    this.data = new Float32Array(Math.max(1, capacity) * dimensions);
  }

  static of(vectors: Float32Array[], dimensions = vectors[0]?.length ?? 0): DenseMatrix {
    const m = new DenseMatrix(dimensions, vectors.length);
    vectors.forEach((v, i) => m.set(i, v));
    return m;
  }

  get rows(): number {
    return this.count;
  }

  /** Writes row `row` (an existing row, or the next one: `rows`). */
  set(row: number, vector: Float32Array): void {
    if (row > this.count) throw new RangeError(`row ${row} past the end (${this.count})`);
    const need = (row + 1) * this.dimensions;
    if (need > this.data.length) {
      const grown = new Float32Array(Math.max(need, this.data.length * 2));
      grown.set(this.data.subarray(0, this.count * this.dimensions));
      this.data = grown;
    }
    this.data.set(vector.subarray(0, this.dimensions), row * this.dimensions);
    if (row === this.count) this.count++;
  }

  /** Row `row` (a view: do not keep it across `set`). */
  row(row: number): Float32Array {
    return this.data.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** Every row's dot product with `q` (cosine, for normalised vectors). */
  scores(q: Float32Array, out: Float64Array = new Float64Array(this.count)): Float64Array {
    const d = this.dimensions;
    const data = this.data;
    const d4 = d - (d % 4);
    for (let r = 0, base = 0; r < this.count; r++, base += d) {
      // four partial sums: independent multiply-adds the CPU overlaps (V8 does not vectorise)
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = 0;
      for (; i < d4; i += 4) {
        s0 += data[base + i] * q[i];
        s1 += data[base + i + 1] * q[i + 1];
        s2 += data[base + i + 2] * q[i + 2];
        s3 += data[base + i + 3] * q[i + 3];
      }
      for (; i < d; i++) s0 += data[base + i] * q[i];
      out[r] = s0 + s1 + (s2 + s3);
    }
    return out;
  }
}

/**
 * The `k` best rows by score as hits (best first; equal scores: the smaller key first, the
 * order every VectorIndex returns). A sort of the accepted rows when k is a large share of
 * them, the bounded insertion of TopHits when k is small.
 */
export function bestRows(scores: Float64Array, count: number, keyOf: (row: number) => string, k: number, accept?: (key: string) => boolean): VectorHit[] {
  if (k <= 0) return [];
  if (k * 8 < count) {
    const top = new TopHits(k);
    for (let r = 0; r < count; r++) {
      const key = keyOf(r);
      if (!accept || accept(key)) top.offer(key, scores[r]);
    }
    return top.hits;
  }
  const all: VectorHit[] = [];
  for (let r = 0; r < count; r++) {
    const key = keyOf(r);
    if (!accept || accept(key)) all.push({ key, score: scores[r] });
  }
  all.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return all.length > k ? all.slice(0, k) : all;
}

/** A DenseMatrix whose rows have keys (task ids, terms): a Map's reads plus every row's score at once. */
export class KeyedMatrix implements Iterable<[string, Float32Array]> {
  private readonly matrix: DenseMatrix;
  private readonly rowOfKey = new Map<string, number>();
  readonly keys: string[] = [];

  constructor(readonly dimensions: number, entries: Iterable<[string, Float32Array]> = []) {
    this.matrix = new DenseMatrix(dimensions);
    for (const [key, v] of entries) this.set(key, v);
  }

  get size(): number {
    return this.keys.length;
  }

  set(key: string, vector: Float32Array): void {
    let row = this.rowOfKey.get(key);
    if (row === undefined) {
      row = this.keys.length;
      this.rowOfKey.set(key, row);
      this.keys.push(key);
    }
    this.matrix.set(row, vector);
  }

  /** The row of `key`, or -1. */
  rowOf(key: string): number {
    return this.rowOfKey.get(key) ?? -1;
  }

  get(key: string): Float32Array | undefined {
    const row = this.rowOfKey.get(key);
    return row === undefined ? undefined : this.matrix.row(row);
  }

  /** Every row's dot product with `q`, by row (rowOf). */
  scores(q: Float32Array): Float64Array {
    return this.matrix.scores(q);
  }

  *[Symbol.iterator](): Iterator<[string, Float32Array]> {
    for (let r = 0; r < this.keys.length; r++) yield [this.keys[r], this.matrix.row(r)];
  }
}
