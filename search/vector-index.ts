import { createError } from '../core/errors';

/** An approximate nearest-neighbour index over normalised vectors (cosine). */
export interface VectorHit {
  key: string;
  score: number; // cosine similarity
}

export interface VectorIndex {
  readonly dimensions: number;
  readonly size: number;
  add(key: string, vector: Float32Array): void;
  addMany(items: { key: string; vector: Float32Array }[]): void;
  /** The `k` nearest keys, best first (ties by key); `accept` keeps only the keys it returns true for. */
  search(vector: Float32Array, k: number, accept?: (key: string) => boolean): VectorHit[];
  save(file: string): Promise<void>;
  load(file: string): Promise<void>;
}

/**
 * The best `k` hits offered, best first; equal scores keep the smaller key first — the order
 * every VectorIndex returns. Insertion into a sorted array of at most `k`: O(n·k) worst case,
 * O(n) for the usual small k.
 */
export class TopHits {
  readonly hits: VectorHit[] = [];
  constructor(private readonly k: number) {}

  offer(key: string, score: number): void {
    const h = this.hits;
    if (this.k <= 0) return;
    const worst = h[h.length - 1];
    if (h.length === this.k && (score < worst.score || (score === worst.score && key > worst.key))) return;
    let at = h.length;
    while (at > 0 && (h[at - 1].score < score || (h[at - 1].score === score && h[at - 1].key > key))) at--;
    h.splice(at, 0, { key, score });
    if (h.length > this.k) h.pop();
  }
}

/** Refuses a vector whose length is not the index's (both implementations call it on add). */
export function checkDimensions(vector: Float32Array, dimensions: number): void {
  if (vector.length !== dimensions) {
    throw createError('BAD_REQUEST', `向量维度不符 / vector has ${vector.length} dimensions, index ${dimensions}`);
  }
}
