import type { GraphData, GraphRelationship } from '../graph/model';
import { indexGraph } from './graph-index';
import { PairScorer, type PairScore, type SimilarityMethod, type TaskEmbeddings } from './pair-score';

export { unitType, type PairScore, type TaskEmbeddings, type SimilarityMethod } from './pair-score';

/**
 * Score thresholds per similarity method, chosen on judged pairs (docs/ANALYSIS.md,
 * docs/alignment-judgements.json): the lowest score band whose judged precision stays high.
 */
export const ALIGN_THRESHOLDS: Record<SimilarityMethod, number> = { embedding: 0.8, 'char-bigram-tfidf': 0.3 };

export interface AlignOptions {
  embeddings?: TaskEmbeddings;
  threshold?: number; // default ALIGN_THRESHOLDS[method]
  perPlan?: number; // at most this many matches per task in each other plan (default 2)
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

/** Picks, per task and other plan, its best `perPlan` partners at or above the threshold. */
export function selectAlignments(pairs: PairScore[], planOf: (taskId: string) => string, threshold: number, perPlan = 2): PairScore[] {
  const taken = new Map<string, number>(); // task|otherPlan -> matches kept
  const kept: PairScore[] = [];
  for (const p of [...pairs].sort((x, y) => y.score - x.score)) {
    if (p.score < threshold) break;
    const ka = `${p.a}|${planOf(p.b)}`;
    const kb = `${p.b}|${planOf(p.a)}`;
    // A pair is kept when it is among the best of either side: alignment is symmetric.
    if ((taken.get(ka) ?? 0) >= perPlan && (taken.get(kb) ?? 0) >= perPlan) continue;
    taken.set(ka, (taken.get(ka) ?? 0) + 1);
    taken.set(kb, (taken.get(kb) ?? 0) + 1);
    kept.push(p);
  }
  return kept;
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
