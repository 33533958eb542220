import fs from 'node:fs/promises';
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
  /**
   * The `k` nearest keys, best first (ties by key); `accept` keeps only the keys it returns true for.
   * An index in this process answers at once; one in a database (Neo4jVectorIndex) with a promise: await it.
   */
  search(vector: Float32Array, k: number, accept?: (key: string) => boolean): VectorHit[] | Promise<VectorHit[]>;
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

/** An index in this process (ExactIndex, HnswIndex): its answers come at once. */
export interface LocalVectorIndex extends VectorIndex {
  search(vector: Float32Array, k: number, accept?: (key: string) => boolean): VectorHit[];
}

/** An index file's JSON, or SNAPSHOT_CORRUPT when it cannot be read or parsed. */
export async function readIndexJson<T>(file: string): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (e) {
    throw createError('SNAPSHOT_CORRUPT', `向量索引无法读取 / cannot read vector index ${file}`, { cause: e });
  }
}

/**
 * The header checks every VectorIndex's load makes: SNAPSHOT_VERSION for a file of another
 * format or version (`current` false), SNAPSHOT_CORRUPT for one of another dimension.
 */
export function checkIndexHeader(file: string, header: { current: boolean; version: unknown; dimensions: unknown }, dimensions: number): void {
  if (!header.current) throw createError('SNAPSHOT_VERSION', `向量索引版本未知 / unknown vector index version ${String(header.version)} in ${file}`);
  if (header.dimensions !== dimensions) throw createError('SNAPSHOT_CORRUPT', `向量维度不符 / index file ${file} has ${String(header.dimensions)} dimensions, expected ${dimensions}`);
}

/** Refuses a vector whose length is not the index's (both implementations call it on add). */
export function checkDimensions(vector: Float32Array, dimensions: number): void {
  if (vector.length !== dimensions) {
    throw createError('BAD_REQUEST', `向量维度不符 / vector has ${vector.length} dimensions, index ${dimensions}`);
  }
}
