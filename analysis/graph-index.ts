import type { GraphData, GraphNode, GraphRelationship, Role, TaskProps } from '../graph/model';

export type TaskNode = GraphNode<TaskProps>;

export interface TaskUnitRef {
  unit: GraphNode;
  role: Role;
  order: number;
}

/**
 * Lookup tables over a piece of graph that the analysis modules share: plans, tasks grouped by
 * plan, the units and applications of each task.
 */
export interface GraphIndex {
  nodes: Map<string, GraphNode>;
  plans: GraphNode[];
  tasks: TaskNode[];
  tasksByPlan: Map<string, TaskNode[]>;
  planOfTask: Map<string, string>; // task id -> plan id
  unitsOfTask: Map<string, TaskUnitRef[]>;
  appsOfTask: Map<string, GraphNode[]>;
  /** Outgoing relationships by type, keyed by start id. */
  out: (type: GraphRelationship['type'], start: string) => GraphRelationship[];
  /** Incoming relationships by type, keyed by end id. */
  in: (type: GraphRelationship['type'], end: string) => GraphRelationship[];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The plan id of a task: its `planId` property, or the plan it is PART_OF. */
export function planOf(task: { id: string; properties: object }, partOf: Map<string, string>): string {
  const p = (task.properties as Partial<TaskProps>).planId;
  return typeof p === 'string' && p ? p : (partOf.get(task.id) ?? '');
}

/** Builds the lookup tables (one pass over nodes and relationships). */
export function indexGraph(graph: GraphData): GraphIndex {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const outByType = new Map<string, GraphRelationship[]>();
  const inByType = new Map<string, GraphRelationship[]>();
  const partOf = new Map<string, string>();
  for (const r of graph.relationships) {
    push(outByType, `${r.type}|${r.start}`, r);
    push(inByType, `${r.type}|${r.end}`, r);
    if (r.type === 'PART_OF' && nodes.get(r.end)?.labels.includes('Plan')) partOf.set(r.start, r.end);
  }
  const plans = graph.nodes.filter((n) => n.labels.includes('Plan'));
  const tasks = graph.nodes.filter((n) => n.labels.includes('Task')) as unknown as TaskNode[];
  const tasksByPlan = new Map<string, TaskNode[]>();
  const planOfTask = new Map<string, string>();
  for (const t of tasks) {
    planOfTask.set(t.id, planOf(t, partOf));
    push(tasksByPlan, planOfTask.get(t.id)!, t);
  }
  const unitsOfTask = new Map<string, TaskUnitRef[]>();
  const appsOfTask = new Map<string, GraphNode[]>();
  for (const r of graph.relationships) {
    const start = nodes.get(r.start);
    if (!start) continue;
    if (r.type === 'RESPONSIBLE_FOR' && start.labels.includes('Unit') && nodes.get(r.end)?.labels.includes('Task')) {
      push(unitsOfTask, r.end, { unit: start, role: (r.properties.role as Role) ?? 'responsible', order: Number(r.properties.order ?? 0) });
    } else if (r.type === 'IMPLEMENTS' && start.labels.includes('Application') && nodes.get(r.end)?.labels.includes('Task')) {
      push(appsOfTask, r.end, start);
    }
  }
  for (const list of unitsOfTask.values()) list.sort((a, b) => a.order - b.order);
  return {
    nodes,
    plans,
    tasks,
    tasksByPlan,
    planOfTask,
    unitsOfTask,
    appsOfTask,
    out: (type, start) => outByType.get(`${type}|${start}`) ?? [],
    in: (type, end) => inByType.get(`${type}|${end}`) ?? [],
  };
}

/** The text a task is compared and classified by: its title then its body. */
export function taskText(t: { properties: object }): string {
  const p = t.properties as Partial<TaskProps>;
  return p.text && p.title && p.text.startsWith(p.title) ? p.text : `${p.title ?? ''}。${p.text ?? ''}`;
}
