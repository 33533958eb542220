/**
 * `CachedEmbedder`: an Embedder answering from the one EmbeddingCache (content hash of model +
 * text), computing only the texts it lacks, plus an LRU of recent query vectors. core/pipeline.ts
 * makes one per process and hands it to the analysis and the search (createSearch uses its
 * cache rather than opening the file again), so a task's vector is computed once, kept across
 * restarts, and a warm re-ingest never runs the model for text it has seen.
 */
import { createError } from '../core/errors';
import type { Embedder, EmbedderHealth } from './embedder';
import type { EmbeddingCache } from './embedding-cache';
import { QueryLru } from './query-lru';

export class CachedEmbedder implements Embedder {
  readonly name: string;
  readonly model: string;
  readonly dimensions: number;
  readonly queries: QueryLru;
  /** Called while texts are computed (done, total), e.g. the start-up progress line. */
  onProgress: ((done: number, total: number) => void) | undefined;
  private closed = false;

  constructor(
    readonly inner: Embedder,
    readonly cache: EmbeddingCache,
    queryCache = 2000,
  ) {
    this.name = inner.name;
    this.model = inner.model;
    this.dimensions = inner.dimensions;
    this.queries = new QueryLru(queryCache);
  }

  private open(): void {
    if (this.closed) throw createError('MODEL_UNAVAILABLE', '嵌入模型已关闭 / embedder closed');
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    this.open();
    return this.cache.embed(this.inner, texts, this.onProgress);
  }

  /** Query vectors are kept in memory only (the LRU), never in the cache file. */
  async embedQuery(text: string): Promise<Float32Array> {
    this.open();
    return this.queries.get(text, (t) => this.inner.embedQuery(t));
  }

  health(): EmbedderHealth | undefined {
    return this.inner.health?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inner.close();
  }
}
