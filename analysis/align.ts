import type { GraphData, GraphRelationship } from '../graph/model';
import { indexGraph, type GraphIndex } from './graph-index';
import { MAX_BONUS, PairScorer, type PairScore, type SimilarityMethod, type TaskEmbeddings } from './pair-score';

export { unitType, type PairScore, type TaskEmbeddings, type SimilarityMethod } from './pair-score';

/**
 * Score thresholds per similarity method, chosen on judged pairs (docs/ANALYSIS.md,
 * docs/alignment-judgements.json): the lowest score band whose judged precision stays high.
 */
export const ALIGN_THRESHOLDS: Record<SimilarityMethod, number> = { embedding: 0.4, 'char-bigram-tfidf': 0.13 };

/** Candidate partners per task (its most similar tasks of other plans) that alignment scores. */
export const ALIGN_NEIGHBOURS = 8;

export interface AlignOptions {
  embeddings?: TaskEmbeddings;
  threshold?: number; // default ALIGN_THRESHOLDS[method]
  perPlan?: number; // mutual top-k per task and other plan (default 1: mutual best match)
  neighbours?: number; // candidates per task (default ALIGN_NEIGHBOURS)
}

/**
 * Every cross-plan pair of tasks with its score, best first: quadratic in the corpus, kept as
 * the reference the candidate pairs are checked against (tests, the precision tool).
 */
export function scoreCrossPlanPairs(graph: GraphData, embeddings?: TaskEmbeddings): PairScore[] {
  const idx = indexGraph(graph);
  const scorer = new PairScorer(idx, idx.tasks, embeddings);
  const plans = [...idx.tasksByPlan.keys()].sort();
  const out: PairScore[] = [];
  for (let i = 0; i < plans.length; i++) {
    for (let j = i + 1; j < plans.length; j++) {
      for (const a of idx.tasksByPlan.get(plans[i])!) for (const b of idx.tasksByPlan.get(plans[j])!) out.push(scorer.score(a.id, b.id));
    }
  }
  return out.sort((x, y) => y.score - x.score);
}

function candidatePairs(idx: GraphIndex, scorer: PairScorer, neighbours: number): PairScore[] {
  const planOf = (id: string) => idx.planOfTask.get(id) ?? '';
  const seen = new Set<string>();
  const out: PairScore[] = [];
  for (const [x, near] of scorer.nearest(neighbours)) {
    for (const y of near) {
      const [a, b] = planOf(x) < planOf(y) ? [x, y] : [y, x];
      const key = `${a}\0${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(scorer.score(a, b));
    }
  }
  return out.sort((p, q) => q.score - p.score);
}

/**
 * Keeps the pairs that are mutual best matches against whole plans, not only among the
 * candidates: fewer than `perPlan` tasks of b's plan outscore b for a, and the same for b.
 * A similarity bound skips most of the scoring.
 */
function confirmMutual(pairs: PairScore[], idx: GraphIndex, scorer: PairScorer, perPlan: number): PairScore[] {
  const planOf = (id: string) => idx.planOfTask.get(id) ?? '';
  const checks = new Map<string, { plan: string; score: number; pair: number }[]>(); // task -> plans to check it against
  pairs.forEach((p, pair) => {
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]]) {
      const list = checks.get(x) ?? [];
      list.push({ plan: planOf(y), score: p.score, pair });
      checks.set(x, list);
    }
  });
  const refused = new Set<number>();
  for (const [x, list] of checks) {
    scorer.withSimilarityTo(x, (similarityTo) => {
      for (const { plan, score, pair } of list) {
        let outscoring = 0;
        for (const c of idx.tasksByPlan.get(plan) ?? []) {
          if (similarityTo(c.id) + MAX_BONUS + 1e-6 > score && scorer.score(x, c.id).score > score) outscoring++;
        }
        if (outscoring >= perPlan) refused.add(pair);
      }
    });
  }
  return pairs.filter((_, pair) => !refused.has(pair));
}

/**
 * Keeps mutual best matches: a pair (a, b) at or above the threshold where b is among a's
 * `perPlan` best partners in b's plan and a among b's best in a's plan.
 */
export function selectAlignments(pairs: PairScore[], planOf: (taskId: string) => string, threshold: number, perPlan = 1): PairScore[] {
  const ranked = new Map<string, PairScore[]>(); // task|otherPlan -> its pairs, best first
  const sorted = [...pairs].sort((x, y) => y.score - x.score);
  for (const p of sorted) {
    for (const k of [`${p.a}|${planOf(p.b)}`, `${p.b}|${planOf(p.a)}`]) {
      const list = ranked.get(k) ?? [];
      if (list.length < perPlan) ranked.set(k, [...list, p]);
    }
  }
  return sorted.filter((p) => p.score >= threshold && ranked.get(`${p.a}|${planOf(p.b)}`)!.includes(p) && ranked.get(`${p.b}|${planOf(p.a)}`)!.includes(p));
}

/**
 * The alignments: candidate pairs (each task's `neighbours` most similar tasks of other plans),
 * mutual best matches among them at or above the threshold, confirmed against whole plans.
 * Every pair kept is one the exhaustive selection keeps too; on the seeds they are the same.
 */
export function alignedPairs(graph: GraphData, options: AlignOptions = {}): PairScore[] {
  const idx = indexGraph(graph);
  const scorer = new PairScorer(idx, idx.tasks, options.embeddings);
  const pairs = candidatePairs(idx, scorer, options.neighbours ?? ALIGN_NEIGHBOURS);
  const threshold = options.threshold ?? ALIGN_THRESHOLDS[scorer.method];
  const planOf = (id: string) => idx.planOfTask.get(id) ?? '';
  const perPlan = options.perPlan ?? 1;
  const neighbours = options.neighbours ?? ALIGN_NEIGHBOURS;
  // at most `neighbours` edges per task, its best: a corpus of many re-issued plans would
  // otherwise tie each task to its copy in every plan (the seeds never come near: 4 other plans)
  const degree = new Map<string, number>();
  return confirmMutual(selectAlignments(pairs, planOf, threshold, perPlan), idx, scorer, perPlan).filter((p) => {
    if ((degree.get(p.a) ?? 0) >= neighbours || (degree.get(p.b) ?? 0) >= neighbours) return false;
    for (const id of [p.a, p.b]) degree.set(id, (degree.get(id) ?? 0) + 1);
    return true;
  });
}

/** (Task)-[:SIMILAR_TO {score, similarity, method, sharedUnits, sharedApplications}]->(Task) across plans. */
export function alignTasks(graph: GraphData, options: AlignOptions = {}): GraphData {
  const relationships: GraphRelationship[] = alignedPairs(graph, options).map((p) => ({
    type: 'SIMILAR_TO',
    start: p.a,
    end: p.b,
    properties: {
      score: Math.round(p.score * 1000) / 1000,
      similarity: Math.round(p.similarity * 1000) / 1000,
      method: p.method,
      sharedUnits: p.sharedUnits,
      sharedApplications: p.sharedApplications,
    },
  }));
  return { nodes: [], relationships };
}
