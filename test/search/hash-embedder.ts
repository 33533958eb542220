/**
 * A tiny deterministic embedder for pipeline tests: hashed character uni+bigrams into a fixed
 * number of dimensions, L2-normalised. It shares words' characters, nothing more: tests that
 * need real semantics use the bge model (and skip, saying so, without it).
 */
import { createError } from '../../core/errors';
import type { Embedder } from '../../search/embedder';
import { normalize } from '../../search/normalize';
import { charTokens } from '../../search/tokenize';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class HashEmbedder implements Embedder {
  readonly name = 'hash';
  readonly model = 'test/hash-char-ngrams';
  calls = 0;
  texts = 0;
  private closed = false;
  constructor(readonly dimensions = 64) {}

  private vec(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const t of charTokens(normalize(text))) v[hash(t) % this.dimensions] += t.length;
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  }

  private open(): void {
    if (this.closed) throw createError('MODEL_UNAVAILABLE', '嵌入模型已关闭 / embedder closed');
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    this.open();
    this.calls++;
    this.texts += texts.length;
    return texts.map((t) => this.vec(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    this.open();
    return this.vec(text);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
