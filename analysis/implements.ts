import type { GraphData, GraphNode, GraphRelationship } from '../graph/model';
import { indexGraph, taskText, type GraphIndex } from './graph-index';
import { PairScorer, type SimilarityMethod, type TaskEmbeddings } from './pair-score';
import { taskBody } from '../ingest/units';
import { sharedTerms } from './text';
import { findRegion } from '../entities/regions';

/** Minimum score for a city task to count as carrying out a provincial task, per method. */
export const IMPLEMENTS_THRESHOLDS: Record<SimilarityMethod, number> = { embedding: 0.35, 'char-bigram-tfidf': 0.12 };

export interface ImplementsOptions {
  embeddings?: TaskEmbeddings;
  threshold?: number;
  perTask?: number; // provincial tasks kept per city task (default 1)
}

/** How a city plan is tied to the provincial plan whose tasks it is compared with. */
export type ImplementsBasis = 'cited' | 'province-in-corpus';

/**
 * The provincial plans (with tasks in the graph) a city plan answers to: the ones it cites
 * ((Plan)-[:IMPLEMENTS]->(Plan)) when any has tasks, else every provincial plan in the corpus.
 */
export function provincialPlansFor(idx: GraphIndex, cityPlanId: string): { plans: GraphNode[]; basis: ImplementsBasis } {
  const city = idx.nodes.get(cityPlanId);
  const withTasks = idx.plans.filter((p) => p.properties.level === 'province' && (idx.tasksByPlan.get(p.id)?.length ?? 0) > 0 && answersTo(city, p));
  const cited = new Set(idx.out('IMPLEMENTS', cityPlanId).map((r) => r.end));
  const citedWithTasks = withTasks.filter((p) => cited.has(p.id));
  return citedWithTasks.length ? { plans: citedWithTasks, basis: 'cited' } : { plans: withTasks, basis: 'province-in-corpus' };
}

/**
 * A city plan answers to a provincial plan only within its own province (GB/T 2260, entities/regions.ts)
 * and only when the provincial plan is not later than it (a 2020 plan cannot carry out a 2021 one).
 * Unknown regions or dates do not exclude.
 */
export function answersTo(city: GraphNode | undefined, province: GraphNode): boolean {
  const cityRegion = typeof city?.properties.region === 'string' ? findRegion(city.properties.region) : null;
  const provRegion = typeof province.properties.region === 'string' ? findRegion(province.properties.region) : null;
  if (cityRegion && provRegion && cityRegion.province !== provRegion.province) return false;
  const cd = city?.properties.date;
  const pd = province.properties.date;
  if (typeof cd === 'string' && typeof pd === 'string' && pd > cd) return false;
  return true;
}

/**
 * (CityTask)-[:IMPLEMENTS {score, method, basis, evidence, sharedApplications, sharedTerms}]->(ProvincialTask):
 * for each task of a city plan, its best-scoring task(s) of the provincial plan it answers to,
 * when the score reaches the threshold. `evidence` lists what the two tasks share, in words.
 */
export function implementsGraph(graph: GraphData, options: ImplementsOptions = {}): GraphData {
  const idx = indexGraph(graph);
  const scorer = new PairScorer(idx, idx.tasks, options.embeddings);
  const threshold = options.threshold ?? IMPLEMENTS_THRESHOLDS[scorer.method];
  const relationships: GraphRelationship[] = [];
  for (const city of idx.plans.filter((p) => p.properties.level === 'city')) {
    const { plans, basis } = provincialPlansFor(idx, city.id);
    const provTasks = plans.flatMap((p) => idx.tasksByPlan.get(p.id) ?? []);
    for (const ct of idx.tasksByPlan.get(city.id) ?? []) {
      const ranked = provTasks.map((pt) => scorer.score(ct.id, pt.id)).sort((x, y) => y.score - x.score);
      for (const s of ranked.slice(0, options.perTask ?? 1)) {
        if (s.score < threshold) break;
        const pt = idx.nodes.get(s.b)!;
        const terms = sharedTerms(taskText({ properties: { ...ct.properties, text: taskBody(ct.properties) } }), taskText({ properties: { ...pt.properties, text: taskBody(pt.properties) } }));
        const evidence = [
          `${s.method === 'embedding' ? '语义相似度' : '字面相似度'} ${s.similarity.toFixed(3)}`,
          ...s.sharedApplications.map((a) => `共同应用：${a}`),
          ...(terms.length ? [`共同表述：${terms.join('、')}`] : []),
        ];
        relationships.push({
          type: 'IMPLEMENTS',
          start: ct.id,
          end: s.b,
          properties: {
            score: Math.round(s.score * 1000) / 1000,
            method: s.method,
            basis,
            evidence,
            sharedApplications: s.sharedApplications,
            sharedTerms: terms,
          },
        });
      }
    }
  }
  return { nodes: [], relationships };
}
