/**
 * Approximate nearest neighbours with hnswlib-node (cosine space). hnswlib labels are integers,
 * so a key ↔ label table is persisted beside the binary index (`<file>.keys.json`, versioned).
 * The key table carries a sha256 over the index bytes and the keys: a table that belongs to
 * another index (same size or not) or was edited is refused on load, so callers rebuild.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { HierarchicalNSW } from 'hnswlib-node';
import { createError } from '../core/errors';
import { commitTemp, readJsonIfExists, tempPath, writeAtomic } from '../graph/atomic-file';
import { checkDimensions, checkIndexHeader, type LocalVectorIndex, type VectorHit } from './vector-index';

const VERSION = 2;

interface KeyTable {
  version: number;
  kind: 'hnsw';
  space: 'cosine';
  dimensions: number;
  m: number;
  efConstruction: number;
  keys: string[]; // label i ↔ keys[i]
  checksum: string; // sha256 of the index file bytes and the keys: ties the two files together
}

function checksumOf(indexBytes: Uint8Array, keys: string[]): string {
  const h = crypto.createHash('sha256').update(indexBytes);
  for (const k of keys) h.update('\0').update(k);
  return h.digest('hex');
}

export interface HnswOptions {
  m?: number;
  efConstruction?: number;
  efSearch?: number;
  seed?: number;
}

export class HnswIndex implements LocalVectorIndex {
  private index: HierarchicalNSW;
  private keys: string[] = [];
  private readonly labels = new Map<string, number>();
  private capacity = 0;
  private readonly m: number;
  private readonly efConstruction: number;
  private readonly efSearch: number;

  constructor(readonly dimensions: number, private readonly options: HnswOptions = {}) {
    this.m = options.m ?? 16;
    this.efConstruction = options.efConstruction ?? 200;
    this.efSearch = options.efSearch ?? 100;
    this.index = this.fresh(256);
  }

  private fresh(capacity: number): HierarchicalNSW {
    const idx = new HierarchicalNSW('cosine', this.dimensions);
    idx.initIndex(capacity, this.m, this.efConstruction, this.options.seed ?? 100);
    this.capacity = capacity;
    return idx;
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: string, vector: Float32Array): void {
    checkDimensions(vector, this.dimensions);
    let label = this.labels.get(key);
    if (label === undefined) {
      label = this.keys.length;
      if (label >= this.capacity) {
        this.capacity *= 2;
        this.index.resizeIndex(this.capacity);
      }
      this.labels.set(key, label);
      this.keys.push(key);
    }
    // hnswlib updates the point in place when the label exists.
    this.index.addPoint(Array.from(vector), label);
  }

  addMany(items: { key: string; vector: Float32Array }[]): void {
    for (const it of items) this.add(it.key, it.vector);
  }

  search(vector: Float32Array, k: number, accept?: (key: string) => boolean): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    this.index.setEf(Math.max(this.efSearch, n));
    const filter = accept ? (label: number) => accept(this.keys[label]) : undefined;
    const { neighbors, distances } = this.index.searchKnn(Array.from(vector), n, filter);
    return neighbors.map((label, i) => ({ key: this.keys[label], score: 1 - distances[i] }));
  }

  async save(file: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = tempPath(file);
    let checksum = '';
    await commitTemp(tmp, file, async () => {
      await this.index.writeIndex(tmp);
      // read back before it replaces the old index: a full disk must not leave a truncated one reported as saved
      const back = new HierarchicalNSW('cosine', this.dimensions);
      await back.readIndex(tmp);
      if (back.getCurrentCount() !== this.keys.length) throw createError('WRITE_FAILED', `向量索引写入不完整 / ${file}: ${back.getCurrentCount()} of ${this.keys.length} vectors read back`);
      checksum = checksumOf(await fs.readFile(tmp), this.keys);
    });
    const table: KeyTable = {
      version: VERSION,
      kind: 'hnsw',
      space: 'cosine',
      dimensions: this.dimensions,
      m: this.m,
      efConstruction: this.efConstruction,
      keys: this.keys,
      checksum,
    };
    await writeAtomic(`${file}.keys.json`, JSON.stringify(table));
  }

  async load(file: string): Promise<void> {
    const table = await readJsonIfExists<KeyTable>(`${file}.keys.json`);
    if (!table) throw createError('SNAPSHOT_CORRUPT', `缺少向量键表 / missing key table ${file}.keys.json`);
    checkIndexHeader(`${file}.keys.json`, { current: table.version === VERSION && table.kind === 'hnsw', version: table.version, dimensions: table.dimensions }, this.dimensions);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      throw createError('SNAPSHOT_CORRUPT', `向量索引无法读取 / cannot read vector index ${file}`, { cause: e });
    }
    // A crash between the two renames, or a table copied from another index, must not map vectors to wrong keys.
    if (!Array.isArray(table.keys) || table.checksum !== checksumOf(bytes, table.keys)) {
      throw createError('SNAPSHOT_CORRUPT', `向量索引与键表不匹配 / key table ${file}.keys.json does not belong to ${file}`);
    }
    const idx = new HierarchicalNSW('cosine', this.dimensions);
    try {
      await idx.readIndex(file);
    } catch (e) {
      throw createError('SNAPSHOT_CORRUPT', `向量索引无法读取 / cannot read vector index ${file}`, { cause: e });
    }
    if (idx.getCurrentCount() !== table.keys.length) {
      throw createError('SNAPSHOT_CORRUPT', `向量索引与键表不一致 / index holds ${idx.getCurrentCount()} vectors, key table ${table.keys.length}`);
    }
    this.index = idx;
    this.capacity = idx.getMaxElements();
    this.keys = table.keys;
    this.labels.clear();
    this.keys.forEach((k, i) => this.labels.set(k, i));
  }
}
