/**
 * Cross-plan analysis: pure functions from the ingested graph (+ optional task embeddings) to
 * additional graph data (Domain, Target nodes; IN_DOMAIN, HAS_TARGET, SIMILAR_TO, IMPLEMENTS
 * edges), merged into the ingested graph before it is upserted. See docs/ANALYSIS.md.
 */
import { config } from '../core/config';
import { relKey, type GraphData } from '../graph/model';
import { alignTasks } from './align';
import { domainGraph } from './domains';
import { implementsGraph } from './implements';
import type { TaskEmbeddings } from './pair-score';
import { fileSourceReader, targetGraph, type SourceReader } from './targets';

export { alignTasks, scoreCrossPlanPairs, ALIGN_THRESHOLDS } from './align';
export { classifyTask, domainGraph, domainDistribution, DOMAINS, type DomainName } from './domains';
export { implementsGraph, IMPLEMENTS_THRESHOLDS } from './implements';
export { extractTargets, mainGoalText, targetGraph, fileSourceReader } from './targets';
export { embedTasks } from './embed';
export type { TaskEmbeddings } from './pair-score';

export interface AnalyseInput {
  graph: GraphData;
  embeddings?: TaskEmbeddings; // by task id; without them similarity falls back to char bigrams
  readSource?: SourceReader; // plan documents for the 主要目标 paragraphs (default: config.seedsDir)
}

/** Merges pieces of graph: nodes by id and relationships by (start,type,end), later wins. */
export function mergeGraphData(...parts: GraphData[]): GraphData {
  const nodes = new Map<string, GraphData['nodes'][number]>();
  const rels = new Map<string, GraphData['relationships'][number]>();
  for (const p of parts) {
    for (const n of p.nodes) nodes.set(n.id, n);
    for (const r of p.relationships) rels.set(relKey(r), r);
  }
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}

/** Everything the analysis adds to `graph` (not including `graph` itself). */
export function analyse(input: AnalyseInput): GraphData {
  const { graph, embeddings } = input;
  const readSource = input.readSource ?? fileSourceReader(config.seedsDir);
  return mergeGraphData(domainGraph(graph), targetGraph(graph, readSource), alignTasks(graph, { embeddings }), implementsGraph(graph, { embeddings }));
}
