/**
 * The Map-based BM25 index as it was before the typed-array layout (commit 4490ad5), kept only
 * as the reference the typed-array index must equal: postings as Map<term, Map<doc, tf>> and each
 * document's terms as a Map.
 */
import type { Tokenizer } from '../../search/tokenize';

interface Field {
  postings: Map<string, Map<number, number>>;
  lengths: number[];
  totalLength: number;
  terms: Map<string, number>[];
}

export class ReferenceBm25 {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly fields = new Map<string, Field>();

  constructor(readonly tokenize: Tokenizer, private readonly k1 = 1.2, private readonly b = 0.75) {}

  add(id: string, fields: Record<string, string>): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.index.set(id, doc);
    for (const [name, text] of Object.entries(fields)) {
      let f = this.fields.get(name);
      if (!f) this.fields.set(name, (f = { postings: new Map(), lengths: [], totalLength: 0, terms: [] }));
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

  searchWeighted(terms: Map<string, number>, weights: Record<string, number>, limit = Infinity): { id: string; score: number }[] {
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
          if (exclude.has(term) || df < 2) continue;
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          acc.set(term, (acc.get(term) ?? 0) + (tf / Math.max(1, f.lengths[d] ?? 1)) * idf);
        }
      }
    }
    const top = [...acc].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
    const max = top[0]?.[1] ?? 1;
    return top.map(([term, w]) => ({ term, weight: w / max }));
  }

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
}
