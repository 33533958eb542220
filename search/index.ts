/**
 * Entry point of search/: `createSearch({ store, config, embedder?, vectorIndex?, tokenizers?,
 * expansion?, options?, onProgress?, settings? })`: every pluggable part can be injected (the
 * defaults are HNSW, jieba + character tokenizers, the shipped colloquial table, SEARCH_DEFAULTS).
 *
 * - Reads the Task/Plan/Unit/Application nodes of `store` and builds the keyword indexes (BM25
 *   over jieba words with the graph's names as user dictionary, and over character uni+bigrams).
 * - Loads the embedder unless given (`embedder: null` = keyword + graph only; `undefined` = pick
 *   by config: KG_MODEL_DIR, models/ from the npm tarball, HF_ENDPOINT hub), embeds passages
 *   through the content-hash cache (config.dataDir/search/embeddings.json) and loads the HNSW
 *   index from config.dataDir/search/ when it is fresh (same passages, same model), else builds it.
 * - Returns the SearchService plus `save()` (persists index + cache, atomic), `close()` (stops
 *   the model worker) and `engine` (for benches and eval).
 *
 * Call it again after the graph changes (re-ingest): unchanged texts come from the cache.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config';
import type { GraphStore } from '../graph/store';
import { readJsonIfExists, writeAtomic } from '../graph/atomic-file';
import { allPassages, buildDense, buildKeyword, PASSAGE_SCAN_MAX, type DenseIndex, type Progress, type Tokenizers } from './build';
import { CachedEmbedder } from './cached-embedder';
import type { Embedder, EmbedderStatus } from './embedder';
import { createEmbedder } from './embedder-factory';
import { EmbeddingCache } from './embedding-cache';
import { SearchEngine } from './engine';
import { defaultExpansion, type Expansion } from './expand';
import { DenseMatrix } from './dense-matrix';
import { HnswIndex } from './hnsw-index';
import type { SearchIndexes } from './neo4j-indexes';
import { searchOptions, type SearchOptionsConfig } from './options';
import type { VectorIndex } from './vector-index';
import { withDefaults, type RankingSettings } from './settings';
import type { SearchService } from './types';
import { Glossary } from './glossary';

const META_VERSION = 2; // 2: vectors of texts embedded alone (embedding-cache.ts version 2)

export interface CreateSearchOptions {
  store: GraphStore;
  config: Config;
  /** A ready embedder, `null` for none, or leave out to load the configured model. */
  embedder?: Embedder | null;
  embedderStatus?: EmbedderStatus;
  onProgress?: Progress;
  settings?: Partial<RankingSettings>;
  /** The vector index for passages, made for the embedder's dimensions (default HNSW). Its `load`/`save` persist it. */
  vectorIndex?: (dimensions: number) => VectorIndex;
  /** Tokenizers of the word and character channels (default jieba and character uni+bigrams). */
  tokenizers?: Tokenizers;
  /** Colloquial → official expansion (default the shipped table; NO_EXPANSION for none). */
  expansion?: Expansion;
  /** Limits, match thresholds and answer sizes (default SEARCH_DEFAULTS). */
  options?: Partial<SearchOptionsConfig>;
  /** Vector and keyword indexes kept elsewhere (Neo4j: search/neo4j-indexes.ts) instead of in-process HNSW and BM25. */
  indexes?: SearchIndexes;
}

export type Search = SearchService & {
  engine: SearchEngine;
  save(): Promise<void>;
  close(): Promise<void>;
};

interface Meta {
  version: number;
  fingerprint: string;
  model: string;
  dimensions: number;
  passages: number;
}

export async function createSearch(options: CreateSearchOptions): Promise<Search> {
  const { store, config, onProgress } = options;
  const settings = withDefaults(options.settings);
  const dir = path.join(config.dataDir, 'search');
  let embedder: Embedder | null;
  let status: EmbedderStatus;
  if (options.embedder === undefined) ({ embedder, status } = await createEmbedder(config));
  else {
    embedder = options.embedder;
    status = options.embedderStatus ?? (embedder
      ? { active: true, name: embedder.name, model: embedder.model, source: null }
      : { active: false, name: 'none', model: null, source: null, reason: '未提供嵌入模型 / no embedder given' });
  }
  onProgress?.({ stage: 'keyword', message: '关键词索引 / keyword index' });
  const keyword = await buildKeyword(store, settings, options.tokenizers);

  let dense: DenseIndex | null = null;
  let cache: EmbeddingCache | null = null;
  let meta: Meta | null = null;
  let indexSaved = false; // the files on disk already hold this index: save() leaves them (a read-only data folder serves)
  const indexFile = path.join(dir, options.indexes?.vectorFile ?? 'vectors.hnsw');
  // `indexes` (Neo4j) also says whether a new index must replace what the last build left; `vectorIndex` is an in-process choice
  const makeVectors = (dimensions: number, fresh: boolean): VectorIndex => options.indexes?.vectors(dimensions, fresh) ?? options.vectorIndex?.(dimensions) ?? new HnswIndex(dimensions);
  const metaFile = path.join(dir, 'meta.json');
  if (embedder) {
    // one embedding cache per process: the pipeline's CachedEmbedder already holds it
    if (embedder instanceof CachedEmbedder) cache = embedder.cache;
    else {
      cache = new EmbeddingCache(path.join(dir, 'embeddings.json'), embedder.model, embedder.dimensions);
      await cache.load();
    }
    const passages = allPassages(keyword.corpus, settings);
    const hash = crypto.createHash('sha256').update(embedder.model);
    for (const p of passages) hash.update('\0').update(p.key).update('\0').update(p.text);
    meta = { version: META_VERSION, fingerprint: hash.digest('hex'), model: embedder.model, dimensions: embedder.dimensions, passages: passages.length };
    const vectors = makeVectors(embedder.dimensions, false);
    const old = await readJsonIfExists<Meta>(metaFile).catch(() => null);
    if (old && old.version === META_VERSION && old.fingerprint === meta.fingerprint && fs.existsSync(indexFile)) {
      // A stale or broken index is rebuilt, never trusted.
      await vectors.load(indexFile).catch(() => undefined);
    }
    indexSaved = vectors.size === meta.passages;
    const passageEmbedder = embedder instanceof CachedEmbedder ? embedder.inner : embedder;
    // a corpus this small is scanned in process (not with Neo4j's index: its candidates come from Neo4j)
    dense = await buildDense(keyword.corpus, passageEmbedder, cache, indexSaved ? vectors : makeVectors(embedder.dimensions, true), settings, onProgress, options.indexes ? 0 : PASSAGE_SCAN_MAX);
    // the plans' own terms, for the vocabulary bridge (cached like the passages)
    dense.termVectors = DenseMatrix.of(await cache.embed(passageEmbedder, keyword.vocabulary.terms.map((t) => t.text)), embedder.dimensions);
    onProgress?.({ stage: 'vectors', message: `向量索引 / vector index: ${dense.vectors.size}` });
    // Stores that index vectors themselves (Neo4j) get the whole-task embeddings too.
    await store.setTaskEmbeddings?.([...dense.taskVectors].map(([id, v]) => ({ id, vector: Array.from(v) })));
  }

  const engine = new SearchEngine({
    store,
    keyword,
    dense,
    embedder,
    embedderStatus: status,
    settings,
    expansion: options.expansion ?? defaultExpansion(),
    glossary: new Glossary(keyword.vocabulary),
    options: searchOptions(options.options),
    keywordSource: options.indexes?.keyword,
  });
  return {
    engine,
    search: (q, o) => engine.search(q, o),
    status: () => {
      const s = engine.status();
      const health = embedder?.health?.();
      return health && s.embedder.active ? { ...s, embedder: { ...s.embedder, health } } : s;
    },
    async save() {
      if (!dense || !cache || !meta) return;
      await cache.save();
      if (indexSaved) return;
      await dense.vectors.save(indexFile);
      await writeAtomic(metaFile, JSON.stringify(meta));
      indexSaved = true;
    },
    async close() {
      await embedder?.close();
    },
  };
}

export { createEmbedder } from './embedder-factory';
export type { RankingSettings } from './settings';
export { NO_EXPANSION, loadExpansion, type Expansion } from './expand';
export { SEARCH_DEFAULTS, type SearchOptionsConfig } from './options';
