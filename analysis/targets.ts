import fs from 'node:fs';
import path from 'node:path';
import { ids, type GraphData, type GraphNode, type GraphRelationship } from '../graph/model';
import { extractTargets, mainGoalText, type TargetCandidate } from './target-extract';

export { extractTargets, mainGoalText, type Comparator, type TargetCandidate } from './target-extract';

/** Reads a plan's source document; null when it cannot be found (cited plans have none). */
export type SourceReader = (sourceFile: string) => string | null;

/** Reads `sourceFile` as given when it exists, else its base name under `seedsDir`. */
export function fileSourceReader(seedsDir: string): SourceReader {
  return (sourceFile) => {
    const candidates = [path.resolve(seedsDir, sourceFile), path.join(seedsDir, path.basename(sourceFile))];
    for (const p of candidates) if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
    return null;
  };
}

function targetNode(ownerId: string, n: number, t: TargetCandidate, source: 'goal' | 'task'): GraphNode {
  return {
    id: ids.target(ownerId, n),
    labels: ['Target'],
    properties: { metric: t.metric, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year, text: t.text, source, owner: ownerId },
  };
}

/**
 * Target nodes for every quantified goal in task texts and in each plan's 主要目标 paragraph
 * (read from its source document), linked (Task|Plan)-[:HAS_TARGET]->(Target).
 */
export function targetGraph(graph: GraphData, readSource?: SourceReader): GraphData {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  const add = (ownerId: string, found: TargetCandidate[], source: 'goal' | 'task') => {
    found.forEach((t, i) => {
      const node = targetNode(ownerId, i + 1, t, source);
      nodes.push(node);
      relationships.push({ type: 'HAS_TARGET', start: ownerId, end: node.id, properties: { source } });
    });
  };
  for (const n of graph.nodes) {
    if (n.labels.includes('Task')) {
      const p = n.properties as { title?: string; text?: string };
      const text = p.text ?? '';
      add(n.id, extractTargets(text, 'sentence'), 'task');
    } else if (n.labels.includes('Plan')) {
      // ingest's goals paragraph (from the lines it decoded); a graph from before it falls back to the source file
      const stored = n.properties.goals;
      const sourceFile = n.properties.sourceFile;
      const doc = typeof stored !== 'string' && readSource && typeof sourceFile === 'string' ? readSource(sourceFile) : null;
      const goal = typeof stored === 'string' ? stored || null : doc ? mainGoalText(doc) : null;
      if (goal) add(n.id, extractTargets(goal, 'paragraph'), 'goal');
    }
  }
  return { nodes, relationships };
}
