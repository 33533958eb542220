/**
 * Turns texts into L2-normalised vectors. Implementations: TransformersEmbedder (bge-small-zh in
 * a child process), SupervisedEmbedder (restarts it), CachedEmbedder (content-hash cache + query
 * LRU), and the hashed test embedder. Every one passes test/search/embedder.contract.ts.
 */
export interface Embedder {
  readonly name: string; // e.g. "transformers"
  readonly model: string; // e.g. "Xenova/bge-small-zh-v1.5"
  readonly dimensions: number;
  /** Embeds documents (passages). */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Embeds a search query (bge adds its query instruction here). */
  embedQuery(text: string): Promise<Float32Array>;
  /** Releases what it holds (the model process); later calls reject with MODEL_UNAVAILABLE. Idempotent. */
  close(): Promise<void>;
  /** Whether it can answer now; absent means always (in-process embedders). */
  health?(): EmbedderHealth | undefined;
}

/** A supervised embedder's state: `up`, or down with the reason (restarting after an exit or a stall). */
export interface EmbedderHealth {
  state: 'up' | 'restarting' | 'closed';
  reason?: string;
  restarts: number;
}

/** Why the neural embedder is or is not active; reported by /api/health, the page and the CLI. */
export interface EmbedderStatus {
  active: boolean;
  name: string;
  model: string | null;
  source: 'npm-tarball' | 'local-dir' | 'hub' | null;
  reason?: string; // when inactive: what is missing and how to fix it
  /** When active and supervised: whether the model process answers right now. */
  health?: EmbedderHealth;
}
