import { createError } from '../core/errors';
import { relKey, type GraphData, type GraphNode, type GraphRelationship, type RelType } from './model';
import { sortByRelKey } from './order';
import type { GraphStore, NeighbourhoodFilter } from './store';

/** The one primitive a store adds for the walk: the relationships touching a set of nodes. */
export interface Adjacency extends Pick<GraphStore, 'getNodes'> {
  /** Relationships with `start` or `end` in `ids`, of `relTypes` when given; each once. */
  relationshipsOf(ids: string[], relTypes?: RelType[]): Promise<GraphRelationship[]>;
}

export const DEFAULT_NEIGHBOURHOOD_LIMIT = 200;
export const MAX_DEPTH = 3;

/**
 * Depth-limited breadth-first neighbourhood of `id`, both directions, shared by every store so
 * they return the same answer. Nodes filtered out by `labels` are neither kept nor walked
 * through; within a level candidates are taken in id order until `limit` nodes are kept.
 * The result holds the relationships seen on the walk whose two ends were both kept.
 */
export async function neighbourhood(store: Adjacency, id: string, depth: number, filter: NeighbourhoodFilter = {}): Promise<GraphData> {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw createError('BAD_REQUEST', `深度须为 0..${MAX_DEPTH} 的整数 / depth must be an integer 0..${MAX_DEPTH}`, { details: { depth } });
  }
  const limit = filter.limit ?? DEFAULT_NEIGHBOURHOOD_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw createError('BAD_REQUEST', `limit 须为正整数 / limit must be a positive integer`, { details: { limit } });
  const [start] = await store.getNodes([id]);
  if (!start) throw createError('NOT_FOUND', `节点不存在 / node not found: ${id}`, { details: { id } });

  const labels = filter.labels && filter.labels.length ? new Set<string>(filter.labels) : null;
  const relTypes = filter.relTypes && filter.relTypes.length ? filter.relTypes : undefined;
  const kept = new Map<string, GraphNode>([[start.id, start]]);
  const seen = new Map<string, GraphRelationship>();
  let frontier = [start.id];

  for (let level = 1; level <= depth && frontier.length > 0 && kept.size < limit; level++) {
    const rels = await store.relationshipsOf(frontier, relTypes);
    const candidates = new Set<string>();
    for (const r of rels) {
      seen.set(relKey(r), r);
      if (!kept.has(r.start)) candidates.add(r.start);
      if (!kept.has(r.end)) candidates.add(r.end);
    }
    const nodes = (await store.getNodes([...candidates].sort())).filter((n) => !labels || n.labels.some((l) => labels.has(l)));
    frontier = [];
    for (const n of nodes) {
      if (kept.size >= limit) break;
      kept.set(n.id, n);
      frontier.push(n.id);
    }
  }
  const relationships = sortByRelKey([...seen.values()].filter((r) => kept.has(r.start) && kept.has(r.end)));
  return { nodes: [...kept.values()], relationships };
}
