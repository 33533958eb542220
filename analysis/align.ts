import type { GraphData, GraphRelationship } from '../graph/model';
import { indexGraph } from './graph-index';
import { PairScorer, type PairScore, type SimilarityMethod, type TaskEmbeddings } from './pair-score';

export { unitType, type PairScore, type TaskEmbeddings, type SimilarityMethod } from './pair-score';

/**
 * Score thresholds per similarity method, chosen on judged pairs (docs/ANALYSIS.md,
 * docs/alignment-judgements.json): the lowest score band whose judged precision stays high.
 */
export const ALIGN_THRESHOLDS: Record<SimilarityMethod, number> = { embedding: 0.4, 'char-bigram-tfidf': 0.13 };

export interface AlignOptions {
  embeddings?: TaskEmbeddings;
  threshold?: number; // default ALIGN_THRESHOLDS[method]
  perPlan?: number; // mutual top-k per task and other plan (default 1: mutual best match)
}

/**
 * Every cross-plan pair of tasks with its score, best first (the raw material of alignment and
 * of the precision measurement).
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

/** (Task)-[:SIMILAR_TO {score, similarity, method, sharedUnits, sharedApplications}]->(Task) across plans. */
export function alignTasks(graph: GraphData, options: AlignOptions = {}): GraphData {
  const idx = indexGraph(graph);
  const pairs = scoreCrossPlanPairs(graph, options.embeddings);
  const method: SimilarityMethod = pairs[0]?.method ?? 'char-bigram-tfidf';
  const threshold = options.threshold ?? ALIGN_THRESHOLDS[method];
  const planOf = (id: string) => idx.planOfTask.get(id) ?? '';
  const relationships: GraphRelationship[] = selectAlignments(pairs, planOf, threshold, options.perPlan).map((p) => ({
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
