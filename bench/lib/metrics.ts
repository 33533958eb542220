/**
 * Ranking metrics over graded relevance (grade 1 = related, 2 = answer): nDCG@k with
 * exponential gain (2^g − 1) and log2 discount, Recall@k, MRR and P@1 (any grade ≥ 1 counts).
 */

export type Judgements = Map<string, number>; // doc key → grade

export function dcg(grades: number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) s += (2 ** grades[i] - 1) / Math.log2(i + 2);
  return s;
}

export function ndcgAt(ranked: string[], rel: Judgements, k = 10): number {
  const ideal = dcg([...rel.values()].sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(ranked.map((d) => rel.get(d) ?? 0), k) / ideal;
}

export function recallAt(ranked: string[], rel: Judgements, k = 10): number {
  const relevant = [...rel].filter(([, g]) => g > 0).length;
  if (!relevant) return 0;
  return ranked.slice(0, k).filter((d) => (rel.get(d) ?? 0) > 0).length / relevant;
}

export function reciprocalRank(ranked: string[], rel: Judgements): number {
  const i = ranked.findIndex((d) => (rel.get(d) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function precisionAt1(ranked: string[], rel: Judgements): number {
  return ranked.length && (rel.get(ranked[0]) ?? 0) > 0 ? 1 : 0;
}

export interface Scores {
  ndcg10: number;
  recall10: number;
  mrr: number;
  p1: number;
  n: number;
}

export function scoreOne(ranked: string[], rel: Judgements): Scores {
  return { ndcg10: ndcgAt(ranked, rel, 10), recall10: recallAt(ranked, rel, 10), mrr: reciprocalRank(ranked, rel), p1: precisionAt1(ranked, rel), n: 1 };
}

/** Mean of per-query scores. */
export function mean(all: Scores[]): Scores {
  const n = all.length || 1;
  const sum = (f: keyof Scores) => all.reduce((s, x) => s + x[f], 0) / n;
  return { ndcg10: sum('ndcg10'), recall10: sum('recall10'), mrr: sum('mrr'), p1: sum('p1'), n: all.length };
}
