/**
 * A result's neighbourhood, read from the GraphStore: its plan, units with roles, applications,
 * and the most similar tasks of other plans (the store's SIMILAR_TO edges when present, else
 * the search index's own nearest tasks).
 */
import type { GraphData, GraphNode, GraphRelationship } from '../graph/model';
import type { GraphStore } from '../graph/store';

export interface SimilarTask {
  id: string;
  score: number;
}

export async function taskNeighbourhood(
  store: GraphStore,
  task: GraphNode,
  similar: SimilarTask[],
  depth = 1,
): Promise<GraphData> {
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
  for (const n of wide.nodes) nodes.set(n.id, n);
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
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}
