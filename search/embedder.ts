/** Turns texts into L2-normalised vectors. Implementations: transformers.js (bge-small-zh), and test ones. */
export interface Embedder {
  readonly name: string; // e.g. "transformers"
  readonly model: string; // e.g. "Xenova/bge-small-zh-v1.5"
  readonly dimensions: number;
  /** Embeds documents (passages). */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Embeds a search query (bge adds its query instruction here). */
  embedQuery(text: string): Promise<Float32Array>;
}

/** Why the neural embedder is or is not active; reported by /api/health, the page and the CLI. */
export interface EmbedderStatus {
  active: boolean;
  name: string;
  model: string | null;
  source: 'npm-tarball' | 'local-dir' | 'hub' | null;
  reason?: string; // when inactive: what is missing and how to fix it
}
