/**
 * A VectorIndex kept in Neo4j (KG_SEARCH_INDEX=neo4j): each key a `KgVector` node of its space
 * with the vector as a property, answered by Neo4j's own cosine vector index of that space
 * (`db.index.vector.queryNodes`), so several app servers can share one Neo4j instead of each
 * building an HNSW graph in memory.
 *
 * add/addMany keep to the interface's synchronous form: vectors wait in a buffer and are written
 * (UNWIND … MERGE, in batches) by the next search, save or flush. save(file) writes only where
 * the vectors are (space, dimensions, size); load(file) reopens that space.
 */
import * as Q from '../graph/cypher';
import type { DriverLike, TxLike } from '../graph/neo4j-store';
import { toKgError } from '../graph/neo4j-errors';
import { int } from '../graph/neo4j-values';
import { writeAtomic } from '../graph/atomic-file';
import { checkDimensions, checkIndexHeader, readIndexJson, type VectorHit, type VectorIndex } from './vector-index';

const FORMAT = 'zj-govplan-kg/neo4j-vector-index';
const VERSION = 1;

interface Pointer {
  format: string;
  version: number;
  space: string;
  dimensions: number;
  size: number;
}

export interface Neo4jVectorIndexOptions {
  /** The vector space (a lower-case identifier): one property and one index per space. */
  space: string;
  database?: string;
  batchSize?: number;
  /** Where the server is, for error messages. */
  where?: string;
  /** Start empty: the space's vectors already in Neo4j are removed before the first write. */
  replace?: boolean;
}

export class Neo4jVectorIndex implements VectorIndex {
  private space: string;
  private readonly keys = new Set<string>();
  private readonly pending = new Map<string, Float32Array>();
  private ready = false;

  constructor(private readonly driver: DriverLike, readonly dimensions: number, private readonly options: Neo4jVectorIndexOptions) {
    this.space = Q.vectorSpace(options.space);
  }

  get size(): number {
    return this.keys.size;
  }

  add(key: string, vector: Float32Array): void {
    checkDimensions(vector, this.dimensions);
    this.keys.add(key);
    this.pending.set(key, vector);
  }

  addMany(items: { key: string; vector: Float32Array }[]): void {
    for (const it of items) this.add(it.key, it.vector);
  }

  /** With `accept`, asks Neo4j for twice as many each round until `k` pass or the space is exhausted. */
  async search(vector: Float32Array, k: number, accept?: (key: string) => boolean): Promise<VectorHit[]> {
    checkDimensions(vector, this.dimensions);
    await this.flush();
    const want = Math.min(Math.floor(k), this.keys.size);
    if (want <= 0) return [];
    for (let ask = want; ; ask = Math.min(this.keys.size, ask * 2)) {
      const rows = await this.records('READ', Q.QUERY_SPACE, { index: Q.spaceIndex(this.space), k: int(ask), vector: Array.from(vector) });
      // Neo4j's cosine score is (1 + cos) / 2: back to the cosine the other indexes report
      const hits = rows.map((r) => ({ key: r.get('key') as string, score: 2 * Number(r.get('score')) - 1 })).filter((h) => !accept || accept(h.key));
      if (hits.length >= want || ask >= this.keys.size) return hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, want);
    }
  }

  /** Writes the buffered vectors (creating the space's index the first time). */
  async flush(): Promise<void> {
    await this.ensureIndex();
    if (!this.pending.size) return;
    const rows = [...this.pending].map(([key, v]) => ({ key, vector: Array.from(v) }));
    const batch = this.options.batchSize ?? 500;
    const statement = Q.setSpaceVectors(this.space);
    await this.run('WRITE', async (tx) => {
      for (let i = 0; i < rows.length; i += batch) await tx.run(statement, { space: this.space, rows: rows.slice(i, i + batch) });
    });
    this.pending.clear();
  }

  async save(file: string): Promise<void> {
    await this.flush();
    const pointer: Pointer = { format: FORMAT, version: VERSION, space: this.space, dimensions: this.dimensions, size: this.size };
    await writeAtomic(file, JSON.stringify(pointer));
  }

  async load(file: string): Promise<void> {
    const p = await readIndexJson<Pointer>(file);
    checkIndexHeader(file, { current: p.format === FORMAT && p.version === VERSION, version: p.version, dimensions: p.dimensions }, this.dimensions);
    this.space = Q.vectorSpace(p.space);
    this.ready = false;
    this.pending.clear();
    this.keys.clear();
    for (const r of await this.records('READ', Q.SPACE_KEYS, { space: this.space })) this.keys.add(r.get('key') as string);
  }

  /** Removes this space's vectors and index. */
  async drop(): Promise<void> {
    this.pending.clear();
    this.keys.clear();
    await this.deleteVectors();
    await this.records('WRITE', Q.dropSpaceIndex(this.space));
    this.ready = false;
  }

  private async deleteVectors(): Promise<void> {
    for (;;) {
      const [r] = await this.records('WRITE', Q.DELETE_SPACE_SLICE, { space: this.space, batch: int(10000) });
      if (!Number(r?.get('deleted') ?? 0)) return;
    }
  }

  private async ensureIndex(): Promise<void> {
    if (this.ready) return;
    if (this.options.replace) await this.deleteVectors();
    await this.records('WRITE', Q.createSpaceKeyConstraint());
    await this.records('WRITE', Q.createSpaceIndex(this.space), { dimensions: int(this.dimensions) });
    await this.records('READ', Q.AWAIT_INDEXES);
    this.ready = true;
  }

  private records(mode: 'READ' | 'WRITE', query: string, params: Record<string, unknown> = {}) {
    return this.run(mode, async (tx) => (await tx.run(query, params)).records);
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: TxLike) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode });
    try {
      return await (mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } catch (e) {
      throw toKgError(e, this.options.where ?? 'NEO4J_URI');
    } finally {
      await session.close();
    }
  }
}
