/**
 * A small multi-field BM25 index (Okapi BM25 per field, fields combined by weight, as BM25F-lite).
 * The tokenizer is injected, so one class serves the jieba word channel and the character channel.
 */
import type { Tokenizer } from './tokenize';

export interface Bm25Hit {
  id: string;
  score: number;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

interface FieldIndex {
  postings: Map<string, Map<number, number>>; // term → doc index → term frequency
  lengths: number[];
  totalLength: number;
}

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly fields = new Map<string, FieldIndex>();
  private readonly k1: number;
  private readonly b: number;

  constructor(readonly tokenize: Tokenizer, options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds a document; `fields` maps field name → normalised text. */
  add(id: string, fields: Record<string, string>): void {
    const doc = this.ids.length;
    this.ids.push(id);
    for (const [name, text] of Object.entries(fields)) {
      let f = this.fields.get(name);
      if (!f) {
        f = { postings: new Map(), lengths: [], totalLength: 0 };
        this.fields.set(name, f);
      }
      const tokens = this.tokenize(text);
      f.lengths[doc] = tokens.length;
      f.totalLength += tokens.length;
      for (const t of tokens) {
        let p = f.postings.get(t);
        if (!p) f.postings.set(t, (p = new Map()));
        p.set(doc, (p.get(doc) ?? 0) + 1);
      }
    }
  }

  /** Scores documents for the query tokens; `weights` per field (absent field = weight 0). */
  searchTokens(tokens: string[], weights: Record<string, number>, limit = Infinity): Bm25Hit[] {
    const scores = new Map<number, number>();
    const n = this.ids.length;
    const unique = [...new Set(tokens)];
    for (const [name, w] of Object.entries(weights)) {
      const f = this.fields.get(name);
      if (!f || !w) continue;
      const avg = f.totalLength / Math.max(1, n) || 1;
      for (const t of unique) {
        const p = f.postings.get(t);
        if (!p) continue;
        const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
        for (const [doc, tf] of p) {
          const len = f.lengths[doc] ?? 0;
          const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * len) / avg));
          scores.set(doc, (scores.get(doc) ?? 0) + w * s);
        }
      }
    }
    return [...scores]
      .map(([doc, score]) => ({ id: this.ids[doc], score }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  search(text: string, weights: Record<string, number>, limit?: number): Bm25Hit[] {
    return this.searchTokens(this.tokenize(text), weights, limit);
  }
}
