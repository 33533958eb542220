/**
 * Exact cosine scan over normalised vectors: the reference the HNSW index is checked against,
 * and a fine index on its own for a few thousand vectors.
 */
import { writeAtomic } from '../graph/atomic-file';
import { DenseMatrix } from './dense-matrix';
import { checkDimensions, checkIndexHeader, readIndexJson, TopHits, type LocalVectorIndex, type VectorHit } from './vector-index';

const VERSION = 1;

interface ExactSnapshot {
  version: number;
  kind: 'exact';
  dimensions: number;
  keys: string[];
  vectors: string; // base64 of the concatenated Float32 vectors
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export class ExactIndex implements LocalVectorIndex {
  private keys: string[] = [];
  private vectors: DenseMatrix;
  private readonly position = new Map<string, number>();

  constructor(readonly dimensions: number) {
    this.vectors = new DenseMatrix(dimensions);
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: string, vector: Float32Array): void {
    checkDimensions(vector, this.dimensions);
    const at = this.position.get(key);
    if (at !== undefined) {
      this.vectors.set(at, vector);
      return;
    }
    this.position.set(key, this.keys.length);
    this.vectors.set(this.keys.length, vector);
    this.keys.push(key);
  }

  addMany(items: { key: string; vector: Float32Array }[]): void {
    for (const it of items) this.add(it.key, it.vector);
  }

  search(vector: Float32Array, k: number, accept?: (key: string) => boolean): VectorHit[] {
    const scores = this.vectors.scores(vector);
    const top = new TopHits(k);
    for (let i = 0; i < this.keys.length; i++) if (!accept || accept(this.keys[i])) top.offer(this.keys[i], scores[i]);
    return top.hits;
  }

  async save(file: string): Promise<void> {
    const flat = new Float32Array(this.size * this.dimensions);
    for (let i = 0; i < this.size; i++) flat.set(this.vectors.row(i), i * this.dimensions);
    const snap: ExactSnapshot = {
      version: VERSION,
      kind: 'exact',
      dimensions: this.dimensions,
      keys: this.keys,
      vectors: Buffer.from(flat.buffer).toString('base64'),
    };
    await writeAtomic(file, JSON.stringify(snap));
  }

  async load(file: string): Promise<void> {
    const snap = await readIndexJson<ExactSnapshot>(file);
    checkIndexHeader(file, { current: snap.version === VERSION && snap.kind === 'exact', version: snap.version, dimensions: snap.dimensions }, this.dimensions);
    const buf = Buffer.from(snap.vectors, 'base64');
    const flat = new Float32Array(Uint8Array.from(buf).buffer); // copy: pooled Buffers may be unaligned
    this.keys = [];
    this.vectors = new DenseMatrix(this.dimensions, snap.keys.length);
    this.position.clear();
    snap.keys.forEach((key, i) => this.add(key, flat.slice(i * this.dimensions, (i + 1) * this.dimensions)));
  }
}
