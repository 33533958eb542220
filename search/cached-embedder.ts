/**
 * `CachedEmbedder`: an Embedder answering from an EmbeddingCache (content hash of model + text),
 * computing only the texts it lacks. core/pipeline.ts makes one per process and hands it to the
 * analysis and the search, so a task's vector is computed once, kept across restarts, and a warm
 * re-ingest never runs the model for text it has seen.
 */
import type { Embedder } from './embedder';
import type { EmbeddingCache } from './embedding-cache';

export class CachedEmbedder implements Embedder {
  readonly name: string;
  readonly model: string;
  readonly dimensions: number;
  /** Called while texts are computed (done, total), e.g. the start-up progress line. */
  onProgress: ((done: number, total: number) => void) | undefined;

  constructor(
    private readonly inner: Embedder & { close?: () => Promise<void> },
    readonly cache: EmbeddingCache,
  ) {
    this.name = inner.name;
    this.model = inner.model;
    this.dimensions = inner.dimensions;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return this.cache.embed(this.inner, texts, this.onProgress);
  }

  /** Queries are not cached: each question is new, and bge adds its instruction to them. */
  embedQuery(text: string): Promise<Float32Array> {
    return this.inner.embedQuery(text);
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }
}
