import type { GraphData, GraphNode, Label, RelType, Role } from './model';

/** Filters for a neighbourhood walk. */
export interface NeighbourhoodFilter {
  labels?: Label[]; // only keep nodes with one of these labels (the start node is always kept)
  relTypes?: RelType[]; // only follow these relationship types
  limit?: number; // at most this many nodes (default 200)
}

export interface UnitTask {
  task: GraphNode;
  role: Role;
  order: number;
}

export interface TaskUnit {
  unit: GraphNode;
  role: Role;
  order: number;
}

/** A task's embedding, handed by the search layer to stores that index vectors (Neo4j). */
export interface TaskEmbedding {
  id: string; // Task id
  vector: number[];
}

export interface GraphCounts {
  nodes: Record<string, number>; // per label
  relationships: Record<string, number>; // per type
}

/**
 * The one interface every graph store implements (embedded memory store, Neo4j).
 * All methods are async; ids are the stable ids of graph/model.ts.
 */
export interface GraphStore {
  /** Where the graph lives, for people to read (logs, /api/health, `kg export`); never branched on. */
  describe(): string;
  /**
   * Optional: a number that changes whenever the graph does (upsert, clear), so readers may
   * memoise what they derive from it (search neighbourhoods). Absent: the store may change
   * behind this process's back (Neo4j), nothing is memoised.
   */
  readonly revision?: number;
  /** Idempotent upsert by id (nodes) and by (start,type,end) (relationships); properties replaced. */
  upsert(data: GraphData): Promise<void>;
  /** Batch upsert of many documents' graphs. */
  upsertMany(batch: GraphData[]): Promise<void>;
  getNode(id: string): Promise<GraphNode | null>;
  getNodes(ids: string[]): Promise<GraphNode[]>;
  /** All nodes with a label (for index building and listings). */
  nodesByLabel(label: Label): Promise<GraphNode[]>;
  /** Breadth-first neighbourhood of `id`, `depth` 1..3, both directions. */
  neighbourhood(id: string, depth: number, filter?: NeighbourhoodFilter): Promise<GraphData>;
  tasksOfUnit(unitId: string): Promise<UnitTask[]>;
  unitsOfTask(taskId: string): Promise<TaskUnit[]>;
  applicationsOfTask(taskId: string): Promise<GraphNode[]>;
  tasksOfApplication(appId: string): Promise<GraphNode[]>;
  plans(): Promise<GraphNode[]>;
  counts(): Promise<GraphCounts>;
  /** Everything, for export and snapshots. */
  exportAll(): Promise<GraphData>;
  /** Removes everything (tests, rebuilds). */
  clear(): Promise<void>;
  /** Persists pending state (memory store: atomic snapshot; Neo4j: no-op). */
  flush(): Promise<void>;
  close(): Promise<void>;
  /**
   * Optional capability: stores that index vectors (Neo4j: `CREATE VECTOR INDEX`, cosine) keep
   * the search layer's task embeddings. Call as `store.setTaskEmbeddings?.(vectors)`.
   */
  setTaskEmbeddings?(vectors: TaskEmbedding[]): Promise<void>;
}
