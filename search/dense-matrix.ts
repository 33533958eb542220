/**
 * Row vectors of one dimension in one contiguous Float32Array: every row's dot product with a
 * query in one tight pass (no per-row objects, no Map lookups), and the k best rows picked from
 * those scores. What the exact vector index, the small-index scan of HnswIndex, the vocabulary
 * bridge, the whole-task cosines ('mix' pooling, feedback) and the passage scan compute per query.
 */
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

/** `v` scaled to length 1 (itself when it already is, or is all zeros). */
export function unitVector(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  return n > 0 && Math.abs(n - 1) > 1e-6 ? v.map((x) => x / Math.sqrt(n)) : v;
}

/** A DenseMatrix whose rows have keys (task ids, terms): a Map's reads plus every row's score at once. */
export class KeyedMatrix implements Iterable<[string, Float32Array]> {
  private readonly matrix: DenseMatrix;
  private readonly rowOfKey = new Map<string, number>();
  readonly keys: string[] = [];

  constructor(readonly dimensions: number) {
    this.matrix = new DenseMatrix(dimensions);
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
