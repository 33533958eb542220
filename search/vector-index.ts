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
  /** In-process indexes answer at once; one in a database (Neo4jVectorIndex) answers with a promise: await it. */
  search(vector: Float32Array, k: number): VectorHit[] | Promise<VectorHit[]>;
  save(file: string): Promise<void>;
  load(file: string): Promise<void>;
}

/** Refuses a vector whose length is not the index's (both implementations call it on add). */
export function checkDimensions(vector: Float32Array, dimensions: number): void {
  if (vector.length !== dimensions) {
    throw createError('BAD_REQUEST', `向量维度不符 / vector has ${vector.length} dimensions, index ${dimensions}`);
  }
}
