/**
 * Merging per-document graphs: nodes with the same id become one (aliases united, missing
 * properties filled), relationships with the same (start, type, end) are kept once.
 */
import { relKey, type GraphData, type GraphNode, type PropValue } from '../graph/model';

function mergeNode(a: GraphNode, b: GraphNode): GraphNode {
  const own = a.properties.cited === true && b.properties.cited !== true; // a plan's own document beats a citation of it
  const props: Record<string, PropValue> = { ...a.properties };
  for (const [k, v] of Object.entries(b.properties)) {
    const cur = props[k];
    const missing = cur === undefined || cur === null;
    if (k === 'aliases') {
      // aliases are only ever united, never replaced
      if (Array.isArray(cur) && Array.isArray(v)) props[k] = [...new Set([...(cur as string[]), ...(v as string[])])];
      else if (missing) props[k] = v;
    } else if (own || missing) {
      props[k] = v;
    }
  }
  const labels = [...new Set([...a.labels, ...b.labels])];
  return { id: a.id, labels, properties: props };
}

/** Merges graphs in order; the first occurrence of a node or relationship fixes its position. */
export function mergeGraphs(parts: GraphData[]): GraphData {
  const nodes = new Map<string, GraphNode>();
  const rels = new Map<string, GraphData['relationships'][number]>();
  for (const g of parts) {
    for (const n of g.nodes) {
      const prev = nodes.get(n.id);
      nodes.set(n.id, prev ? mergeNode(prev, n) : n);
    }
    for (const r of g.relationships) {
      const k = relKey(r);
      if (!rels.has(k)) rels.set(k, r);
    }
  }
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}
