/**
 * Embedding vectors cached by content hash (sha256 of model + text), persisted as one versioned
 * JSON file, so re-ingesting unchanged text never recomputes its vector.
 */
import crypto from 'node:crypto';
import { readJsonIfExists, writeAtomic } from '../graph/atomic-file';
import type { Embedder } from './embedder';

export const EMBEDDING_CACHE_VERSION = 2; // 2: every text embedded alone (search/embed-worker.mjs): version-1 vectors depended on their batch

interface CacheFile {
  version: number;
  model: string;
  dimensions: number;
  entries: Record<string, string>; // hash → base64 Float32
}

export function contentHash(model: string, text: string): string {
  return crypto.createHash('sha256').update(model).update('\0').update(text).digest('hex');
}

function decode(b64: string): Float32Array {
  return new Float32Array(Uint8Array.from(Buffer.from(b64, 'base64')).buffer);
}

export class EmbeddingCache {
  private entries = new Map<string, string>();
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(readonly file: string, readonly model: string, readonly dimensions: number) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Loads the file. A damaged file, an unknown header (another version, `{}`, not an object) or
   * a cache of another model or dimension is ignored: the cache starts empty and the vectors are
   * recomputed (and the file rewritten on save), never a failed start.
   */
  async load(): Promise<void> {
    const data = await readJsonIfExists<Partial<CacheFile>>(this.file).catch(() => null);
    if (!data || typeof data !== 'object' || data.version !== EMBEDDING_CACHE_VERSION || data.model !== this.model || data.dimensions !== this.dimensions) return;
    if (!data.entries || typeof data.entries !== 'object') return;
    const entries = Object.entries(data.entries).filter(([, v]) => typeof v === 'string' && v.length === 4 * Math.ceil((this.dimensions * 4) / 3));
    this.entries = new Map(entries);
  }

  get(text: string): Float32Array | undefined {
    const b64 = this.entries.get(contentHash(this.model, text));
    return b64 === undefined ? undefined : decode(b64);
  }

  set(text: string, vector: Float32Array): void {
    this.entries.set(contentHash(this.model, text), Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64'));
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const data: CacheFile = { version: EMBEDDING_CACHE_VERSION, model: this.model, dimensions: this.dimensions, entries: Object.fromEntries(this.entries) };
    await writeAtomic(this.file, JSON.stringify(data));
    this.dirty = false;
  }

  /**
   * Embeds passages, computing only those not cached. The missing texts go to the model
   * shortest first: a batch is padded to its longest text, so similar lengths waste least.
   */
  async embed(embedder: Embedder, texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const out: (Float32Array | undefined)[] = texts.map((t) => this.get(t));
    const missing = [...new Set(texts.filter((_, i) => !out[i]))].sort((a, b) => a.length - b.length);
    this.hits += texts.length - texts.filter((_, i) => !out[i]).length;
    this.misses += missing.length;
    const chunk = 32;
    for (let i = 0; i < missing.length; i += chunk) {
      const part = missing.slice(i, i + chunk);
      const vecs = await embedder.embed(part);
      part.forEach((t, j) => this.set(t, vecs[j]));
      onProgress?.(Math.min(i + chunk, missing.length), missing.length);
    }
    return texts.map((t, i) => out[i] ?? this.get(t)!);
  }
}
