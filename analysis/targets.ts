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

function targetNode(ownerId: string, n: number, t: TargetCandidate, source: 'goal' | 'task', lines: { lineStart: number; lineEnd: number } | null): GraphNode {
  return {
    id: ids.target(ownerId, n),
    labels: ['Target'],
    properties: { metric: t.metric, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year, text: t.text, source, owner: ownerId, ...(lines ?? {}) },
  };
}

/**
 * The source lines of a goal target: those of the goals paragraph holding its clause (ingest's
 * goalsLineStarts/goalsLineEnds, one pair per "\n"-separated paragraph); null when unknown.
 */
function goalLines(plan: GraphNode, goals: string, clause: string): { lineStart: number; lineEnd: number } | null {
  const starts = plan.properties.goalsLineStarts;
  const ends = plan.properties.goalsLineEnds;
  if (!Array.isArray(starts) || !Array.isArray(ends)) return null;
  const bare = (s: string) => s.replace(/\s+/g, ''); // the clause is read without the spaces around numbers
  const at = goals.split('\n').findIndex((p) => bare(p).includes(bare(clause)));
  const lineStart = starts[at];
  const lineEnd = ends[at];
  return typeof lineStart === 'number' && typeof lineEnd === 'number' ? { lineStart, lineEnd } : null;
}

/**
 * Target nodes for every quantified goal in task texts and in each plan's 主要目标 paragraph
 * (read from its source document), linked (Task|Plan)-[:HAS_TARGET]->(Target).
 */
export function targetGraph(graph: GraphData, readSource?: SourceReader): GraphData {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  const add = (ownerId: string, found: TargetCandidate[], source: 'goal' | 'task', linesOf: (t: TargetCandidate) => { lineStart: number; lineEnd: number } | null = () => null) => {
    found.forEach((t, i) => {
      const node = targetNode(ownerId, i + 1, t, source, linesOf(t));
      nodes.push(node);
      relationships.push({ type: 'HAS_TARGET', start: ownerId, end: node.id, properties: { source } });
    });
  };
  for (const n of graph.nodes) {
    if (n.labels.includes('Task')) {
      const p = n.properties as { title?: string; text?: string };
      const text = p.text ?? '';
      // a title the text does not hold states the task itself (a table row, a 政府工作报告 breakdown:
      // 固定资产投资增长7% above 责任单位：…): its goals count too, after the text's
      const title = (p.title ?? '').trim();
      const own = title && !text.replace(/\s/g, '').includes(title.replace(/\s/g, '')) ? extractTargets(title, 'sentence') : [];
      add(n.id, [...extractTargets(text, 'sentence'), ...own], 'task');
    } else if (n.labels.includes('Plan')) {
      // ingest's goals paragraph (from the lines it decoded); a graph from before it falls back to the source file
      const stored = n.properties.goals;
      const sourceFile = n.properties.sourceFile;
      const doc = typeof stored !== 'string' && readSource && typeof sourceFile === 'string' ? readSource(sourceFile) : null;
      const goal = typeof stored === 'string' ? stored || null : doc ? mainGoalText(doc) : null;
      if (goal) add(n.id, extractTargets(goal, 'paragraph'), 'goal', (t) => (typeof stored === 'string' ? goalLines(n, goal, t.text) : null));
    }
  }
  return { nodes, relationships };
}
