/**
 * A small multi-field BM25 index (Okapi BM25 per field, fields combined by weight, as BM25F-lite).
 * The tokenizer is injected, so one class serves the jieba word channel and the character channel.
 * Terms are numbered once per index; each field keeps its documents' terms and its postings in
 * typed arrays (search/bm25-field.ts), frozen on the first query after documents were added.
 */
import { FieldIndex } from './bm25-field';
import type { Tokenizer } from './tokenize';

export interface Bm25Hit {
  id: string;
  score: number;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

// Okapi BM25's idf (the +1 keeps it positive for terms in most documents).
function bm25Idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly fields = new Map<string, FieldIndex>();
  private readonly k1: number;
  private readonly b: number;
  private frozen = true;
  // per-query scratch, reused (queries are synchronous)
  private scores = new Float64Array(0);
  private seen = new Uint8Array(0);
  private touched = new Int32Array(0);

  constructor(readonly tokenize: Tokenizer, options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.ids.length;
  }

  /** In how many documents a token occurs (any of `fields`; 0 for a token never seen). */
  documentFrequency(token: string, fields: string[] = ['title', 'text']): number {
    this.freeze();
    const term = this.termIds.get(token);
    if (term === undefined) return 0;
    let df = 0;
    for (const name of fields) df = Math.max(df, this.fields.get(name)?.df(term) ?? 0);
    return df;
  }

  /** Adds a document; `fields` maps field name → normalised text. */
  add(id: string, fields: Record<string, string>): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.index.set(id, doc);
    this.frozen = false;
    for (const [name, text] of Object.entries(fields)) {
      let f = this.fields.get(name);
      if (!f) this.fields.set(name, (f = new FieldIndex()));
      const tokens = this.tokenize(text);
      const own = new Map<number, number>();
      for (const t of tokens) {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.terms.length;
          this.termIds.set(t, id);
          this.terms.push(t);
        }
        own.set(id, (own.get(id) ?? 0) + 1);
      }
      f.addDoc(doc, own, tokens.length);
    }
  }

  /** Builds the postings of documents added since the last query (done by the first query otherwise). */
  freeze(): void {
    if (this.frozen) return;
    const n = this.ids.length;
    for (const f of this.fields.values()) f.freeze(n, this.terms.length);
    this.scores = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.frozen = true;
  }

  /** Sizes (for the memory bench): documents, distinct terms, postings over all fields, bytes of the typed arrays. */
  stats(): { docs: number; terms: number; postings: number; arrayBytes: number } {
    this.freeze();
    let postings = 0;
    let arrayBytes = 0;
    for (const f of this.fields.values()) {
      const s = f.stats();
      postings += s.postings;
      arrayBytes += s.bytes;
    }
    return { docs: this.ids.length, terms: this.terms.length, postings, arrayBytes };
  }

  /** Scores documents for the query tokens; `weights` per field (absent field = weight 0). */
  searchTokens(tokens: string[], weights: Record<string, number>, limit = Infinity): Bm25Hit[] {
    return this.searchWeighted(new Map(tokens.map((t) => [t, 1])), weights, limit);
  }

  /** As searchTokens, each query term with its own weight (expansion terms count less). */
  searchWeighted(terms: Map<string, number>, weights: Record<string, number>, limit = Infinity): Bm25Hit[] {
    this.freeze();
    const { scores, seen, touched, k1, b } = this;
    const n = this.ids.length;
    let count = 0;
    for (const [name, w] of Object.entries(weights)) {
      const f = this.fields.get(name);
      if (!f || !w) continue;
      const avg = f.totalLength / Math.max(1, n) || 1;
      const { offsets, postDocs, postTfs, lengths } = f;
      for (const [t, qw] of terms) {
        const id = this.termIds.get(t);
        if (id === undefined || !qw || !f.df(id)) continue;
        const lo = offsets[id];
        const hi = offsets[id + 1];
        const df = hi - lo;
        const idf = bm25Idf(n, df);
        for (let i = lo; i < hi; i++) {
          const doc = postDocs[i];
          const tf = postTfs[i];
          const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[doc]) / avg));
          if (!seen[doc]) {
            seen[doc] = 1;
            touched[count++] = doc;
          }
          scores[doc] += qw * w * s;
        }
      }
    }
    const hits = this.best(count, limit);
    for (let i = 0; i < count; i++) {
      scores[touched[i]] = 0;
      seen[touched[i]] = 0;
    }
    return hits;
  }

  /** The `limit` best of the `count` touched documents, by score then id (a heap when few are wanted). */
  private best(count: number, limit: number): Bm25Hit[] {
    const { scores, touched, ids } = this;
    // a before b: higher score, then smaller id
    const before = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && ids[a] < ids[b]);
    const hit = (d: number): Bm25Hit => ({ id: ids[d], score: scores[d] });
    const order = (x: number, y: number) => scores[y] - scores[x] || (ids[x] < ids[y] ? -1 : 1);
    if (!(limit >= 0) || limit >= count) return Array.from(touched.subarray(0, count)).sort(order).map(hit).slice(0, limit);
    const k = Math.floor(limit);
    const heap: number[] = []; // the k best so far, worst at the root
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < heap.length && before(heap[w], heap[l])) w = l;
        if (r < heap.length && before(heap[w], heap[r])) w = r;
        if (w === i) return;
        [heap[i], heap[w]] = [heap[w], heap[i]];
        i = w;
      }
    };
    for (let i = 0; i < count && k > 0; i++) {
      const d = touched[i];
      if (heap.length < k) {
        heap.push(d);
        for (let j = heap.length - 1; j > 0 && before(heap[(j - 1) >> 1], heap[j]); j = (j - 1) >> 1) {
          const p = (j - 1) >> 1;
          [heap[p], heap[j]] = [heap[j], heap[p]];
        }
      } else if (before(d, heap[0])) {
        heap[0] = d;
        down(0);
      }
    }
    return heap.sort(order).map(hit);
  }

  /**
   * Feedback terms (RM3-style): the terms of documents `ids` weighted by Σ tf/len × idf over
   * the given fields, best first, without `exclude`.
   */
  feedbackTerms(ids: string[], n: number, exclude: Set<string>, fields: string[] = ['title', 'text']): { term: string; weight: number }[] {
    this.freeze();
    const docs = new Set(ids.map((id) => this.index.get(id)).filter((d): d is number => d !== undefined));
    const total = this.ids.length;
    const acc = new Map<number, number>();
    for (const name of fields) {
      const f = this.fields.get(name);
      if (!f) continue;
      for (const d of docs) {
        const [from, to] = f.range(d);
        for (let i = from; i < to; i++) {
          const term = f.termAt(i);
          const df = f.df(term);
          if (exclude.has(this.terms[term]) || df < 2) continue; // a term of one document says nothing about the topic
          const idf = bm25Idf(total, df);
          acc.set(term, (acc.get(term) ?? 0) + (f.tfAt(i) / Math.max(1, f.lengths[d])) * idf);
        }
      }
    }
    const top = [...acc]
      .map(([t, w]) => [this.terms[t], w] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n);
    const max = top[0]?.[1] ?? 1;
    return top.map(([term, w]) => ({ term, weight: w / max }));
  }

  /** Share of the tokens' IDF (over the given fields) that document `id` contains, 0..1. */
  idfCovered(tokens: string[], id: string, fields: string[] = ['title', 'text']): number {
    this.freeze();
    const doc = this.index.get(id);
    const n = this.ids.length;
    let all = 0;
    let got = 0;
    for (const t of tokens) {
      const term = this.termIds.get(t);
      let df = 0;
      let has = false;
      for (const name of fields) {
        const f = this.fields.get(name);
        if (!f || term === undefined) continue;
        df = Math.max(df, f.df(term));
        if (doc !== undefined && f.has(term, doc)) has = true;
      }
      const idf = bm25Idf(n, df);
      all += idf;
      if (has) got += idf;
    }
    return all ? got / all : 0;
  }

  search(text: string, weights: Record<string, number>, limit?: number): Bm25Hit[] {
    return this.searchTokens(this.tokenize(text), weights, limit);
  }
}
