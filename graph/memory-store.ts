import type { GraphData, GraphNode, GraphRelationship, Label, RelType } from './model';
import { relKey } from './model';
import { neighbourhood, type Adjacency } from './neighbourhood';
import { byId, compareStrings } from './order';
import { readSnapshot, writeSnapshot } from './snapshot';
import type { GraphCounts, GraphStore, NeighbourhoodFilter, TaskUnit, UnitTask } from './store';
import { danglingError, normaliseBatch, roleOf } from './validate';

export interface MemoryStoreOptions {
  /** Snapshot file (config.dataDir/graph.json); null keeps the graph in memory only. */
  file?: string | null;
}

function copyProps<P extends object>(p: P): P {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) o[k] = Array.isArray(v) ? v.slice() : v;
  return o as P;
}

// Callers get copies: mutating a result must never change the store.
const copyNode = (n: GraphNode): GraphNode => ({ id: n.id, labels: n.labels.slice(), properties: copyProps(n.properties) });
const copyRel = (r: GraphRelationship): GraphRelationship => ({ type: r.type, start: r.start, end: r.end, properties: copyProps(r.properties) });

/**
 * The embedded default store: maps with label and adjacency indexes, persisted by `flush()` to
 * a versioned snapshot written atomically.
 */
export class MemoryStore implements GraphStore, Adjacency {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly rels = new Map<string, GraphRelationship>();
  private readonly byLabel = new Map<Label, Set<string>>();
  private readonly out = new Map<string, Set<string>>(); // node id -> keys of relationships starting there
  private readonly in = new Map<string, Set<string>>();
  private dirty = false;
  private rev = 0;

  constructor(private readonly options: MemoryStoreOptions = {}) {}

  /** Opens a store, loading its snapshot when the file exists (SNAPSHOT_VERSION / SNAPSHOT_CORRUPT otherwise). */
  static async open(options: MemoryStoreOptions = {}): Promise<MemoryStore> {
    const store = new MemoryStore(options);
    const data = options.file ? await readSnapshot(options.file) : null;
    if (data) store.apply(data, false); // freshly parsed, held by no one else: kept, not copied
    return store;
  }

  /** Bumped by every upsert and clear (see GraphStore.revision). */
  get revision(): number {
    return this.rev;
  }

  async upsert(data: GraphData): Promise<void> {
    return this.upsertMany([data]);
  }

  async upsertMany(batch: GraphData[]): Promise<void> {
    const data = normaliseBatch(batch);
    const own = new Set(data.nodes.map((n) => n.id));
    const missing = new Set<string>();
    for (const r of data.relationships) for (const id of [r.start, r.end]) if (!own.has(id) && !this.nodes.has(id)) missing.add(id);
    if (missing.size) throw danglingError([...missing].sort()); // checked first: a refused batch changes nothing
    this.apply(data);
    this.dirty = true;
  }

  private apply(data: GraphData, copy = true): void {
    this.rev++;
    for (const n of data.nodes) {
      const old = this.nodes.get(n.id);
      for (const l of old?.labels ?? []) this.byLabel.get(l)?.delete(n.id);
      this.nodes.set(n.id, copy ? copyNode(n) : n);
      for (const l of n.labels) {
        if (!this.byLabel.has(l)) this.byLabel.set(l, new Set());
        this.byLabel.get(l)!.add(n.id);
      }
    }
    for (const r of data.relationships) {
      const k = relKey(r);
      this.rels.set(k, copy ? copyRel(r) : r);
      index(this.out, r.start, k);
      index(this.in, r.end, k);
    }
  }

  async getNode(id: string): Promise<GraphNode | null> {
    const n = this.nodes.get(id);
    return n ? copyNode(n) : null;
  }

  async getNodes(ids: string[]): Promise<GraphNode[]> {
    const out: GraphNode[] = [];
    for (const id of new Set(ids)) {
      const n = this.nodes.get(id);
      if (n) out.push(copyNode(n));
    }
    return out;
  }

  async nodesByLabel(label: Label): Promise<GraphNode[]> {
    return [...(this.byLabel.get(label) ?? [])].map((id) => copyNode(this.nodes.get(id)!)).sort(byId);
  }

  async relationshipsOf(ids: string[], relTypes?: RelType[]): Promise<GraphRelationship[]> {
    const keys = new Set<string>();
    for (const id of ids) for (const m of [this.out, this.in]) for (const k of m.get(id) ?? []) keys.add(k);
    const types = relTypes ? new Set<string>(relTypes) : null;
    return [...keys].map((k) => this.rels.get(k)!).filter((r) => !types || types.has(r.type)).map(copyRel);
  }

  async neighbourhood(id: string, depth: number, filter?: NeighbourhoodFilter): Promise<GraphData> {
    return neighbourhood(this, id, depth, filter);
  }

  private edges(map: Map<string, Set<string>>, id: string, type: RelType): GraphRelationship[] {
    return [...(map.get(id) ?? [])].map((k) => this.rels.get(k)!).filter((r) => r.type === type);
  }

  private hasLabel(id: string, label: Label): boolean {
    return this.byLabel.get(label)?.has(id) ?? false;
  }

  async tasksOfUnit(unitId: string): Promise<UnitTask[]> {
    return this.edges(this.out, unitId, 'RESPONSIBLE_FOR')
      .filter((r) => this.hasLabel(r.end, 'Task'))
      .map((r) => ({ task: copyNode(this.nodes.get(r.end)!), ...roleOf(r.properties) }))
      .sort((a, b) => byId(a.task, b.task));
  }

  async unitsOfTask(taskId: string): Promise<TaskUnit[]> {
    return this.edges(this.in, taskId, 'RESPONSIBLE_FOR')
      .filter((r) => this.hasLabel(r.start, 'Unit'))
      .map((r) => ({ unit: copyNode(this.nodes.get(r.start)!), ...roleOf(r.properties) }))
      .sort((a, b) => a.order - b.order || byId(a.unit, b.unit));
  }

  async applicationsOfTask(taskId: string): Promise<GraphNode[]> {
    const ids = this.edges(this.in, taskId, 'IMPLEMENTS').map((r) => r.start).filter((id) => this.hasLabel(id, 'Application'));
    return ids.map((id) => copyNode(this.nodes.get(id)!)).sort(byId);
  }

  async tasksOfApplication(appId: string): Promise<GraphNode[]> {
    if (!this.hasLabel(appId, 'Application')) return [];
    const ids = this.edges(this.out, appId, 'IMPLEMENTS').map((r) => r.end).filter((id) => this.hasLabel(id, 'Task'));
    return ids.map((id) => copyNode(this.nodes.get(id)!)).sort(byId);
  }

  async plans(): Promise<GraphNode[]> {
    return this.nodesByLabel('Plan');
  }

  async counts(): Promise<GraphCounts> {
    const nodes: Record<string, number> = {};
    for (const [l, s] of this.byLabel) if (s.size) nodes[l] = s.size;
    const relationships: Record<string, number> = {};
    for (const r of this.rels.values()) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
    return { nodes, relationships };
  }

  describe(): string {
    return this.options.file ? `embedded store ${this.options.file}` : 'embedded store (in memory)';
  }

  async exportAll(): Promise<GraphData> {
    const nodes = [...this.nodes.values()].map(copyNode).sort(byId);
    const relationships = [...this.rels.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, r]) => copyRel(r));
    return { nodes, relationships };
  }

  async clear(): Promise<void> {
    for (const m of [this.nodes, this.rels, this.byLabel, this.out, this.in] as Map<string, unknown>[]) m.clear();
    this.rev++;
    this.dirty = true;
  }

  async flush(): Promise<void> {
    if (!this.options.file || !this.dirty) return;
    await writeSnapshot(this.options.file, await this.exportAll());
    this.dirty = false;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

function index(map: Map<string, Set<string>>, id: string, key: string): void {
  if (!map.has(id)) map.set(id, new Set());
  map.get(id)!.add(key);
}
