import neo4j from 'neo4j-driver';
import { createError } from '../core/errors';
import type { Config } from '../core/config';
import { chunks, groupBy } from './batches';
import * as Q from './cypher';
import type { GraphData, GraphNode, GraphRelationship, Label, RelType } from './model';
import { neighbourhood, type Adjacency } from './neighbourhood';
import { toKgError } from './neo4j-errors';
import { byId, sortByRelKey } from './order';
import { int, nodeFrom, propsParam, relationshipFrom, relProps } from './neo4j-values';
import type { GraphCounts, GraphStore, NeighbourhoodFilter, TaskEmbedding, TaskUnit, UnitTask } from './store';
import { LABELS, danglingError, externalEndpoints, normaliseBatch, roleOf } from './validate';

/** The part of a driver transaction the store uses (a fake implements it in tests). */
export interface TxLike {
  run(query: string, params?: Record<string, unknown>): PromiseLike<{ records: { get(key: string): unknown }[] }>;
}
export interface SessionLike {
  executeRead<T>(work: (tx: TxLike) => Promise<T>): Promise<T>;
  executeWrite<T>(work: (tx: TxLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
/** The part of neo4j-driver's Driver the store uses. */
export interface DriverLike {
  session(config: { database?: string; defaultAccessMode?: 'READ' | 'WRITE' }): SessionLike;
  verifyConnectivity(config?: { database?: string }): Promise<unknown>;
  close(): Promise<void>;
}

export interface Neo4jStoreOptions {
  database?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /** Where the server is, for error messages. */
  where?: string;
}

/** A neo4j-driver Driver with short connect/acquire timeouts and a bounded retry time. */
export function createDriver(cfg: Config['neo4j']): DriverLike {
  if (!cfg.uri) throw createError('STORE_UNAVAILABLE', '未设置 NEO4J_URI / NEO4J_URI is not set');
  const timeout = cfg.connectionTimeoutMs ?? 3000;
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    connectionTimeout: timeout,
    connectionAcquisitionTimeout: timeout * 2,
    maxTransactionRetryTime: cfg.maxRetryTimeMs ?? 5000,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => undefined },
  });
  return driver as unknown as DriverLike;
}

/** The Neo4j store: same contract as the memory store, batched `UNWIND … MERGE` writes. */
export class Neo4jStore implements GraphStore, Adjacency {
  private readonly batchSize: number;
  private readonly where: string;

  constructor(private readonly driver: DriverLike, private readonly options: Neo4jStoreOptions = {}) {
    this.batchSize = options.batchSize ?? 1000;
    this.where = options.where ?? 'NEO4J_URI';
  }

  /**
   * Connects with short timeouts (a server that is down fails fast with STORE_UNAVAILABLE),
   * then creates constraints and indexes.
   */
  describe(): string {
    return `Neo4j ${this.where}`;
  }

  static async connect(cfg: Config['neo4j']): Promise<Neo4jStore> {
    const driver = createDriver(cfg);
    const store = new Neo4jStore(driver, { database: cfg.database, where: cfg.uri ?? undefined });
    try {
      await store.verify();
      await store.ensureSchema();
    } catch (e) {
      await driver.close();
      throw e;
    }
    return store;
  }

  /** Fails with STORE_UNAVAILABLE unless the server answers. */
  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.options.database });
    } catch (e) {
      throw toKgError(e, this.where);
    }
  }

  /** Constraints and indexes of graph/cypher.ts SCHEMA, each in its own transaction. */
  async ensureSchema(): Promise<void> {
    for (const statement of Q.SCHEMA) await this.write(async (tx) => void (await tx.run(statement)));
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (tx: TxLike) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode });
    try {
      // executeRead/executeWrite retry transient errors (up to maxTransactionRetryTime); work must be re-runnable.
      return await (mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } catch (e) {
      throw toKgError(e, this.where);
    } finally {
      await session.close();
    }
  }

  private read<T>(work: (tx: TxLike) => Promise<T>): Promise<T> {
    return this.session('READ', work);
  }

  private write<T>(work: (tx: TxLike) => Promise<T>): Promise<T> {
    return this.session('WRITE', work);
  }

  private async rows(query: string, params: Record<string, unknown> = {}) {
    return this.read(async (tx) => (await tx.run(query, params)).records);
  }

  async upsert(data: GraphData): Promise<void> {
    return this.upsertMany([data]);
  }

  async upsertMany(batch: GraphData[]): Promise<void> {
    const data = normaliseBatch(batch);
    const outside = externalEndpoints(data);
    const nodeGroups = groupBy(data.nodes, (n) => n.labels.join(':'));
    const relGroups = groupBy(data.relationships, (r) => r.type);
    await this.write(async (tx) => {
      if (outside.length) {
        const res = await tx.run(Q.MISSING_NODES, { ids: outside });
        const missing = (res.records[0]?.get('missing') as string[] | undefined) ?? [];
        if (missing.length) throw danglingError(missing); // thrown inside: the transaction rolls back
      }
      for (const nodes of nodeGroups.values()) {
        const statement = Q.mergeNodes(nodes[0].labels);
        for (const part of chunks(nodes, this.batchSize)) await tx.run(statement, { rows: part.map((n) => ({ id: n.id, props: propsParam(n.properties) })) });
      }
      for (const [type, rels] of relGroups) {
        const statement = Q.mergeRelationships(type as RelType);
        for (const part of chunks(rels, this.batchSize)) await tx.run(statement, { rows: part.map((r) => ({ start: r.start, end: r.end, props: propsParam(r.properties) })) });
      }
    });
  }

  async getNode(id: string): Promise<GraphNode | null> {
    return (await this.getNodes([id]))[0] ?? null;
  }

  async getNodes(ids: string[]): Promise<GraphNode[]> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return [];
    const found = new Map((await this.rows(Q.GET_NODES, { ids: wanted })).map((r) => [r.get('id') as string, nodeFrom((k) => r.get(k))]));
    return wanted.filter((id) => found.has(id)).map((id) => found.get(id)!);
  }

  async nodesByLabel(label: Label): Promise<GraphNode[]> {
    return (await this.rows(Q.nodesByLabel(label))).map((r) => nodeFrom((k) => r.get(k))).sort(byId);
  }

  async relationshipsOf(ids: string[], relTypes?: RelType[]): Promise<GraphRelationship[]> {
    if (!ids.length) return [];
    return (await this.rows(Q.RELATIONSHIPS_OF, { ids, types: relTypes ?? null })).map((r) => relationshipFrom((k) => r.get(k)));
  }

  async neighbourhood(id: string, depth: number, filter?: NeighbourhoodFilter): Promise<GraphData> {
    return neighbourhood(this, id, depth, filter);
  }

  async tasksOfUnit(unitId: string): Promise<UnitTask[]> {
    const rows = await this.rows(Q.TASKS_OF_UNIT, { id: unitId });
    return rows.map((r) => ({ task: nodeFrom((k) => r.get(k)), ...roleOf(relProps(r.get('rel'))) })).sort((a, b) => byId(a.task, b.task));
  }

  async unitsOfTask(taskId: string): Promise<TaskUnit[]> {
    const rows = await this.rows(Q.UNITS_OF_TASK, { id: taskId });
    return rows.map((r) => ({ unit: nodeFrom((k) => r.get(k)), ...roleOf(relProps(r.get('rel'))) })).sort((a, b) => a.order - b.order || byId(a.unit, b.unit));
  }

  async applicationsOfTask(taskId: string): Promise<GraphNode[]> {
    return (await this.rows(Q.APPLICATIONS_OF_TASK, { id: taskId })).map((r) => nodeFrom((k) => r.get(k))).sort(byId);
  }

  async tasksOfApplication(appId: string): Promise<GraphNode[]> {
    return (await this.rows(Q.TASKS_OF_APPLICATION, { id: appId })).map((r) => nodeFrom((k) => r.get(k))).sort(byId);
  }

  async plans(): Promise<GraphNode[]> {
    return this.nodesByLabel('Plan');
  }

  async counts(): Promise<GraphCounts> {
    return this.read(async (tx) => {
      const nodes: Record<string, number> = {};
      for (const r of (await tx.run(Q.COUNT_NODES, { labels: [...LABELS] })).records) nodes[r.get('label') as string] = Number(r.get('count'));
      const relationships: Record<string, number> = {};
      for (const r of (await tx.run(Q.COUNT_RELATIONSHIPS)).records) relationships[r.get('type') as string] = Number(r.get('count'));
      return { nodes, relationships };
    });
  }

  async exportAll(): Promise<GraphData> {
    return this.read(async (tx) => {
      const nodes = (await tx.run(Q.ALL_NODES)).records.map((r) => nodeFrom((k) => r.get(k))).sort(byId);
      const rels = (await tx.run(Q.ALL_RELATIONSHIPS)).records.map((r) => relationshipFrom((k) => r.get(k)));
      return { nodes, relationships: sortByRelKey(rels) };
    });
  }

  async clear(): Promise<void> {
    for (;;) {
      const deleted = await this.write(async (tx) => Number((await tx.run(Q.DELETE_SLICE, { batch: int(10000) })).records[0]?.get('deleted') ?? 0));
      if (deleted === 0) return;
    }
  }

  /** Keeps the search layer's task embeddings and a cosine vector index of their dimension. */
  async setTaskEmbeddings(vectors: TaskEmbedding[]): Promise<void> {
    if (!vectors.length) return;
    const dimensions = vectors[0].vector.length;
    const bad = vectors.find((v) => typeof v.id !== 'string' || v.vector.length !== dimensions || !v.vector.every(Number.isFinite));
    if (dimensions === 0 || bad) throw createError('BAD_REQUEST', `向量维度不一致 / task embeddings must be non-empty finite vectors of one dimension (${dimensions})`, { details: { id: bad?.id } });
    const existing = await this.rows(Q.VECTOR_INDEX_DIMENSIONS, { name: Q.VECTOR_INDEX });
    const current = existing.length ? Number(existing[0].get('dimensions')) : null;
    if (current !== null && current !== dimensions) await this.write(async (tx) => void (await tx.run(Q.DROP_VECTOR_INDEX)));
    if (current !== dimensions) await this.write(async (tx) => void (await tx.run(Q.CREATE_VECTOR_INDEX, { dimensions: int(dimensions) })));
    await this.write(async (tx) => {
      for (const part of chunks(vectors, this.batchSize)) await tx.run(Q.SET_EMBEDDINGS, { rows: part.map((v) => ({ id: v.id, vector: v.vector })) });
    });
  }

  async flush(): Promise<void> {
    /* every write is committed when its call returns */
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
