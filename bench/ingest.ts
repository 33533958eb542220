/**
 * Ingest bench (one child process per run): the stages core/pipeline.ts runs, each timed by
 * calling the same functions in the same order — parse, task embeddings + analysis, store
 * upsert, keyword index, passage embeddings, vector index, snapshot + index files — then the
 * peak RSS. `mode: 'bootstrap'` times `bootstrap({rebuild: true})` itself, end to end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { bootstrap } from '../app/pipeline';
import { buildGraph } from '../app/build-graph';
import { MemoryStore } from '../graph/memory-store';
import { snapshotPath } from '../graph/open-store';
import { createEmbedder } from '../search';
import { allPassages, buildDense, buildKeyword } from '../search/build';
import { wordTokens } from '../search/tokenize';
import { CachedEmbedder } from '../search/cached-embedder';
import { EmbeddingCache } from '../search/embedding-cache';
import { HnswIndex } from '../search/hnsw-index';
import { withDefaults } from '../search/settings';
import { childArgs, report } from './common/child';
import { dirBytes, peakRssMb } from './common/stats';

export interface IngestArgs {
  dir: string;
  dataDir: string;
  neural: boolean;
  mode: 'staged' | 'bootstrap';
  /** Keep the data dir's embedding cache (a warm re-ingest) instead of starting empty. */
  warmCache?: boolean;
  /** Skip the cross-plan analysis (scale runs where it does not fit). */
  skipAnalysis?: boolean;
}

export interface IngestResult {
  args: IngestArgs;
  stages: Record<string, number>;
  totalMs: number;
  parseOnlyMs: number;
  documents: number;
  nodes: number;
  relationships: number;
  tasks: number;
  passages: number;
  embedder: string;
  indexBytes: number;
  peakRssMb: number;
}

async function staged(a: IngestArgs): Promise<IngestResult> {
  const config = loadConfig({ ...process.env, KG_DATA_DIR: a.dataDir, KG_EMBEDDER: a.neural ? '' : 'none' });
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  let t = t0;
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = Math.round((now - t) * 10) / 10;
    t = now;
  };
  const chosen = await createEmbedder(config);
  if (a.neural && !chosen.embedder) throw new Error(`no neural model: ${chosen.status.reason}`);
  const searchDir = path.join(config.dataDir, 'search');
  // as app/pipeline.ts: one cached embedder for the analysis and the search
  const cache = chosen.embedder ? new EmbeddingCache(path.join(searchDir, 'embeddings.json'), chosen.embedder.model, chosen.embedder.dimensions) : null;
  await cache?.load();
  const embedder = chosen.embedder && cache ? new CachedEmbedder(chosen.embedder, cache) : null;
  lap('model load');
  // the product's own graph build (app/build-graph.ts), its phases timed inside
  const built = await buildGraph(a.dir, { embedder, analyse: !a.skipAnalysis });
  const { graph } = built;
  stages['parse (read + parse)'] = Math.round(built.timings.ingest * 10) / 10;
  if (embedder) stages['task embeddings (analysis)'] = Math.round(built.timings.embed * 10) / 10;
  stages[a.skipAnalysis ? 'analysis (skipped)' : 'analysis'] = Math.round(built.timings.analyse * 10) / 10;
  t = performance.now();
  const store = await MemoryStore.open({ file: snapshotPath(config) });
  await store.clear();
  await store.upsert(graph);
  lap('store upsert');
  const settings = withDefaults();
  wordTokens('预热'); // jieba loads its dictionaries on first use: timed apart from the index itself
  lap('jieba dictionary load');
  const keyword = await buildKeyword(store, settings);
  lap('keyword index (BM25 words + chars)');
  let passages = 0;
  if (embedder && cache) {
    const texts = allPassages(keyword.corpus, settings).map((p) => p.text);
    passages = texts.length;
    await cache.embed(chosen.embedder!, texts);
    lap('passage embeddings');
    const dense = await buildDense(keyword.corpus, embedder, cache, new HnswIndex(embedder.dimensions), settings);
    lap('vector index (HNSW)');
    await cache.save(); // creates searchDir (HnswIndex.save expects it to exist)
    await dense.vectors.save(path.join(searchDir, 'vectors.hnsw'));
    lap('index files');
  }
  await store.flush();
  lap('snapshot');
  const totalMs = performance.now() - t0 - (stages['model load'] ?? 0);
  await embedder?.close?.();
  return {
    args: a, stages, totalMs: Math.round(totalMs), parseOnlyMs: Math.round(built.timings.parse * 10) / 10, documents: built.reports.length,
    nodes: graph.nodes.length, relationships: graph.relationships.length, tasks: keyword.corpus.tasks.length, passages,
    embedder: embedder ? embedder.model : 'none', indexBytes: dirBytes(a.dataDir), peakRssMb: peakRssMb(),
  };
}

async function endToEnd(a: IngestArgs): Promise<IngestResult> {
  const config = loadConfig({ ...process.env, KG_DATA_DIR: a.dataDir, KG_EMBEDDER: a.neural ? '' : 'none' });
  const t0 = performance.now();
  const p = await bootstrap({ config, dir: a.dir, rebuild: true });
  const totalMs = performance.now() - t0;
  const counts = await p.store.counts();
  const status = p.search.status();
  await p.close();
  const sum = (o: Record<string, number>) => Object.values(o).reduce((x, y) => x + y, 0);
  const stages = Object.fromEntries(Object.entries(p.timings).map(([k, v]) => [k, Math.round(v)]));
  return {
    args: a, stages, totalMs: Math.round(totalMs), parseOnlyMs: NaN, documents: p.reports.length, nodes: sum(counts.nodes), relationships: sum(counts.relationships),
    tasks: status.keywordDocs, passages: status.vectors, embedder: status.embedder.model ?? 'none', indexBytes: dirBytes(a.dataDir), peakRssMb: peakRssMb(),
  };
}

/** Runs one ingest in this process (the child side). */
export async function runIngest(a: IngestArgs): Promise<IngestResult> {
  if (!a.warmCache) fs.rmSync(a.dataDir, { recursive: true, force: true });
  return a.mode === 'bootstrap' ? endToEnd(a) : staged(a);
}

if (require.main === module) {
  runIngest(childArgs<IngestArgs>()).then(report, (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
