/**
 * `bootstrap({config})`: everything the server, the CLI and the benches need, built one way:
 * build the graph of a plan folder (`buildGraph`) — or reuse the persisted graph and indexes when
 * the folder has not changed — upsert it into the configured GraphStore, build the search,
 * persist, and report timings.
 *
 * Which folder: `dir` when given; else KG_SEEDS_DIR when set; else the folder the saved corpus
 * was built from (`kg ingest DIR` then `npm start` serves DIR); else seeds/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config';
import { cleanStrayTemps } from '../graph/atomic-file';
import { openStore } from '../graph/open-store';
import type { GraphStore } from '../graph/store';
import { createEmbedder, createSearch, type Search } from '../search';
import type { ProgressEvent } from '../search/build';
import { CachedEmbedder } from '../search/cached-embedder';
import { EmbeddingCache } from '../search/embedding-cache';
import { buildGraph } from './build-graph';
import { fingerprint, readManifest, sameFiles, writeManifest, type DocumentSummary } from './manifest';

export type { DocumentSummary } from './manifest';

export interface PipelineProgress {
  phase: 'ingest' | 'analyse' | 'store' | 'index' | 'persist' | 'ready';
  message: string;
  done?: number;
  total?: number;
}

export interface BootstrapOptions {
  config: Config;
  onProgress?: (p: PipelineProgress) => void;
  /** Directory of plan files (default: see the module comment). */
  dir?: string;
  /** Re-ingest even when the persisted graph matches the files. */
  rebuild?: boolean;
  /** Write the store snapshot, indexes and manifest (default true). */
  persist?: boolean;
}

export interface Pipeline {
  store: GraphStore;
  search: Search;
  /** The plan folder the graph was built from. */
  dir: string;
  reports: DocumentSummary[];
  /** Milliseconds per phase (ingest, analyse, store, index, persist, total). */
  timings: Record<string, number>;
  /** True when the graph came from the persisted snapshot instead of a fresh ingest. */
  reused: boolean;
  close(): Promise<void>;
}

/** The plan folder `bootstrap` builds from (see the module comment). */
export function corpusDir(config: Config, dir?: string): string {
  if (dir) return path.resolve(dir);
  if (config.seedsDirExplicit) return config.seedsDir;
  const saved = readManifest(config.dataDir)?.dir;
  return saved && fs.existsSync(saved) ? saved : config.seedsDir;
}

/** Builds (or reloads) the store and the search; see the module comment. */
export async function bootstrap(options: BootstrapOptions): Promise<Pipeline> {
  const { config } = options;
  const progress = options.onProgress ?? (() => {});
  const persist = options.persist ?? true;
  const dir = corpusDir(config, options.dir);
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const files = fingerprint(dir);
  const manifest = options.rebuild ? null : readManifest(config.dataDir);
  for (const f of await cleanStrayTemps(config.dataDir)) progress({ phase: 'store', message: `删除残留临时文件 / removed stray temp file ${f}` });

  // a rebuild must not read the old snapshot: a corrupt one would block the very rebuild its error asks for
  const store = await openStore(config, { fresh: !!options.rebuild });
  let embedder: CachedEmbedder | null = null;
  try {
    // one cached embedder for the analysis (cross-plan similarity) and the search: the same
    // whole-task texts, the same vectors, computed once and kept in the search's cache file
    const chosen = await createEmbedder(config, (m) => progress({ phase: 'ready', message: m }));
    const embedderId = chosen.embedder?.model ?? 'none';
    // a graph analysed without the model (or with another) is rebuilt when the model changes
    const matches = !!manifest && manifest.dir === dir && sameFiles(manifest.files, files) && manifest.embedder === embedderId;
    const stored = matches ? await store.counts() : null;
    const reused = !!stored && Object.values(stored.nodes).some((n) => n > 0);
    if (chosen.embedder) {
      const cache = new EmbeddingCache(path.join(config.dataDir, 'search', 'embeddings.json'), chosen.embedder.model, chosen.embedder.dimensions);
      await cache.load();
      embedder = new CachedEmbedder(chosen.embedder, cache, config.model.queryCache);
    }
    let reports: DocumentSummary[];
    if (reused && manifest) {
      reports = manifest.reports;
      progress({ phase: 'store', message: `复用已保存的图谱 / reusing the saved graph (${Object.keys(files).length} files unchanged)` });
    } else {
      if (embedder) embedder.onProgress = (done, total) => progress({ phase: 'analyse', message: `嵌入任务 / embedding tasks ${done}/${total}`, done, total });
      const built = await buildGraph(dir, { embedder, onProgress: progress });
      if (embedder) embedder.onProgress = undefined;
      Object.assign(timings, { ingest: built.timings.ingest, analyse: built.timings.embed + built.timings.analyse });
      reports = built.reports;
      const t = performance.now();
      progress({ phase: 'store', message: `写入图谱 / storing ${built.graph.nodes.length} nodes, ${built.graph.relationships.length} relationships` });
      await store.clear();
      await store.upsert(built.graph);
      timings.store = performance.now() - t;
    }
    let t = performance.now();
    progress({ phase: 'index', message: '建立检索索引 / building search indexes' });
    const search = await createSearch({
      store,
      config,
      embedder,
      embedderStatus: chosen.status,
      onProgress: (p: ProgressEvent) => progress({ phase: 'index', message: p.message, done: p.done, total: p.total }),
    });
    timings.index = performance.now() - t;
    if (persist) {
      t = performance.now();
      progress({ phase: 'persist', message: `保存到 / saving to ${config.dataDir}` });
      try {
        await search.save(); // writes only what changed: a reused graph with a fresh index writes nothing
        if (!reused) {
          await store.flush();
          await writeManifest(config.dataDir, { dir, files, embedder: embedderId, reports, builtAt: new Date().toISOString() });
        }
      } catch (e) {
        // a read-only or full data folder: serve what was built in memory; an explicit rebuild must fail
        if (options.rebuild || (e as { code?: string }).code !== 'WRITE_FAILED') throw e;
        progress({ phase: 'persist', message: `未能保存，仅在内存中服务 / could not save, serving from memory: ${(e as Error).message}` });
      }
      timings.persist = performance.now() - t;
    }
    timings.total = performance.now() - t0;
    progress({ phase: 'ready', message: `就绪 / ready in ${Math.round(timings.total)} ms` });
    const close = async () => {
      await search.close(); // stops the model worker
      await store.close();
    };
    return { store, search, dir, reports, timings, reused, close };
  } catch (e) {
    await embedder?.close().catch(() => {});
    await store.close().catch(() => {});
    throw e;
  }
}
