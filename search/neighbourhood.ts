/**
 * A result's neighbourhood, read from the GraphStore: its plan, units with roles, applications,
 * and the most similar tasks of other plans (the store's SIMILAR_TO edges when present, else
 * the search index's own nearest tasks).
 *
 * Task nodes in a neighbourhood are summaries (every property but `text`): the result's own
 * task is in full in `result.node`, a neighbour's full text is one `GET /api/nodes/:id` away,
 * and the texts were half of every search response.
 *
 * Stores that expose a `revision` (the memory store) get their neighbourhoods memoised per
 * task: the graph only changes on upsert/clear, which bumps the revision and drops the memo.
 */
import type { GraphData, GraphNode, GraphRelationship } from '../graph/model';
import type { GraphStore } from '../graph/store';

export interface SimilarTask {
  id: string;
  score: number;
}

/** Most neighbourhoods kept per store (least recently used dropped first). */
export const MEMO_MAX = 4096;

interface Memo {
  revision: number;
  entries: Map<string, GraphData>;
}

const memos = new WeakMap<GraphStore, Memo>();
const serialised = new WeakMap<GraphData, string>(); // memoised neighbourhoods' JSON, built once

/** A Task node without its text; other nodes as they are. */
export function summaryNode(n: GraphNode): GraphNode {
  if (!n.labels.includes('Task') || !('text' in n.properties)) return n;
  const { text: _text, ...properties } = n.properties;
  return { id: n.id, labels: n.labels, properties };
}

// Memoised answers are shared by every response: frozen, so a caller's mutation fails loudly.
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

async function build(store: GraphStore, task: GraphNode, similar: SimilarTask[], depth: number): Promise<GraphData> {
  const nodes = new Map<string, GraphNode>([[task.id, task]]);
  const rels = new Map<string, GraphRelationship>();
  const addRel = (r: GraphRelationship) => rels.set(`${r.start}|${r.type}|${r.end}`, r);
  const planId = typeof task.properties.planId === 'string' ? task.properties.planId : null;
  const [plan, units, apps] = await Promise.all([
    planId ? store.getNode(planId) : Promise.resolve(null),
    store.unitsOfTask(task.id),
    store.applicationsOfTask(task.id),
  ]);
  if (plan) {
    nodes.set(plan.id, plan);
    addRel({ type: 'PART_OF', start: task.id, end: plan.id, properties: {} });
  }
  for (const u of units) {
    nodes.set(u.unit.id, u.unit);
    addRel({ type: 'RESPONSIBLE_FOR', start: u.unit.id, end: task.id, properties: { role: u.role, order: u.order } });
  }
  for (const a of apps) {
    nodes.set(a.id, a);
    addRel({ type: 'IMPLEMENTS', start: a.id, end: task.id, properties: {} });
  }
  // depth 1 still asks for stored SIMILAR_TO edges; deeper walks bring everything.
  const wide = await store.neighbourhood(task.id, Math.min(Math.max(depth, 1), 3), depth > 1 ? undefined : { relTypes: ['SIMILAR_TO'], limit: 8 });
  for (const n of wide.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  for (const r of wide.relationships) addRel(r);
  const stored = [...rels.values()].filter((r) => r.type === 'SIMILAR_TO');
  if (!stored.length && similar.length) {
    const others = await store.getNodes(similar.map((s) => s.id));
    const score = new Map(similar.map((s) => [s.id, s.score]));
    for (const o of others) {
      nodes.set(o.id, o);
      addRel({ type: 'SIMILAR_TO', start: task.id, end: o.id, properties: { score: Math.round((score.get(o.id) ?? 0) * 1000) / 1000, method: 'search' } });
    }
  }
  return { nodes: [...nodes.values()].map(summaryNode), relationships: [...rels.values()] };
}

/**
 * `JSON.stringify(data)`, kept for memoised neighbourhoods (frozen, so the text cannot go stale):
 * the server writes each result's neighbourhood from it instead of serialising it per response.
 */
export function neighbourhoodJson(data: GraphData): string {
  let json = serialised.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    if (Object.isFrozen(data)) serialised.set(data, json);
  }
  return json;
}

export async function taskNeighbourhood(
  store: GraphStore,
  task: GraphNode,
  similar: SimilarTask[],
  depth = 1,
): Promise<GraphData> {
  const revision = store.revision;
  if (revision === undefined) return build(store, task, similar, depth);
  let memo = memos.get(store);
  if (!memo || memo.revision !== revision) memos.set(store, (memo = { revision, entries: new Map() }));
  const key = `${task.id}\0${depth}\0${similar.map((s) => `${s.id}=${s.score}`).join('\0')}`;
  const hit = memo.entries.get(key);
  if (hit) {
    memo.entries.delete(key); // re-inserted: Map order is the recency order
    memo.entries.set(key, hit);
    return hit;
  }
  const data = deepFreeze(await build(store, task, similar, depth));
  if (store.revision === revision) {
    memo.entries.set(key, data);
    if (memo.entries.size > MEMO_MAX) memo.entries.delete(memo.entries.keys().next().value!);
  }
  return data;
}
