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
  terms: Map<string, number>[]; // doc index → term → frequency (feedback reads top documents)
}

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
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
    this.index.set(id, doc);
    for (const [name, text] of Object.entries(fields)) {
      let f = this.fields.get(name);
      if (!f) {
        f = { postings: new Map(), lengths: [], totalLength: 0, terms: [] };
        this.fields.set(name, f);
      }
      const tokens = this.tokenize(text);
      f.lengths[doc] = tokens.length;
      f.totalLength += tokens.length;
      const own = new Map<string, number>();
      f.terms[doc] = own;
      for (const t of tokens) {
        own.set(t, (own.get(t) ?? 0) + 1);
        let p = f.postings.get(t);
        if (!p) f.postings.set(t, (p = new Map()));
        p.set(doc, (p.get(doc) ?? 0) + 1);
      }
    }
  }

  /** Scores documents for the query tokens; `weights` per field (absent field = weight 0). */
  searchTokens(tokens: string[], weights: Record<string, number>, limit = Infinity): Bm25Hit[] {
    return this.searchWeighted(new Map(tokens.map((t) => [t, 1])), weights, limit);
  }

  /** As searchTokens, each query term with its own weight (expansion terms count less). */
  searchWeighted(terms: Map<string, number>, weights: Record<string, number>, limit = Infinity): Bm25Hit[] {
    const scores = new Map<number, number>();
    const n = this.ids.length;
    for (const [name, w] of Object.entries(weights)) {
      const f = this.fields.get(name);
      if (!f || !w) continue;
      const avg = f.totalLength / Math.max(1, n) || 1;
      for (const [t, qw] of terms) {
        const p = f.postings.get(t);
        if (!p || !qw) continue;
        const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
        for (const [doc, tf] of p) {
          const len = f.lengths[doc] ?? 0;
          const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * len) / avg));
          scores.set(doc, (scores.get(doc) ?? 0) + qw * w * s);
        }
      }
    }
    return [...scores]
      .map(([doc, score]) => ({ id: this.ids[doc], score }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  /**
   * Feedback terms (RM3-style): the terms of documents `ids` weighted by Σ tf/len × idf over
   * the given fields, best first, without `exclude`.
   */
  feedbackTerms(ids: string[], n: number, exclude: Set<string>, fields: string[] = ['title', 'text']): { term: string; weight: number }[] {
    const docs = new Set(ids.map((id) => this.index.get(id)).filter((d): d is number => d !== undefined));
    const total = this.ids.length;
    const acc = new Map<string, number>();
    for (const name of fields) {
      const f = this.fields.get(name);
      if (!f) continue;
      for (const d of docs) {
        for (const [term, tf] of f.terms[d] ?? []) {
          const df = f.postings.get(term)?.size ?? 0;
          if (exclude.has(term) || df < 2) continue; // a term of one document says nothing about the topic
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          acc.set(term, (acc.get(term) ?? 0) + (tf / Math.max(1, f.lengths[d] ?? 1)) * idf);
        }
      }
    }
    const top = [...acc].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
    const max = top[0]?.[1] ?? 1;
    return top.map(([term, w]) => ({ term, weight: w / max }));
  }

  /** Share of the tokens' IDF (over the given fields) that document `id` contains, 0..1. */
  idfCovered(tokens: string[], id: string, fields: string[] = ['title', 'text']): number {
    const doc = this.index.get(id);
    const n = this.ids.length;
    let all = 0;
    let got = 0;
    for (const t of tokens) {
      let df = 0;
      let has = false;
      for (const name of fields) {
        const p = this.fields.get(name)?.postings.get(t);
        if (!p) continue;
        df = Math.max(df, p.size);
        if (doc !== undefined && p.has(doc)) has = true;
      }
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      all += idf;
      if (has) got += idf;
    }
    return all ? got / all : 0;
  }

  search(text: string, weights: Record<string, number>, limit?: number): Bm25Hit[] {
    return this.searchTokens(this.tokenize(text), weights, limit);
  }
}
