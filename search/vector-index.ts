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
  search(vector: Float32Array, k: number): VectorHit[];
  save(file: string): Promise<void>;
  load(file: string): Promise<void>;
}
