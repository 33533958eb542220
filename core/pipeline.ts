/**
 * `bootstrap({config})`: everything the server, the CLI and the benches need, built one way:
 * ingest the seeds (or reuse the persisted graph and indexes when the seeds have not changed),
 * upsert into the configured GraphStore, build the search, persist, and report timings.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { createError } from './errors';
import { ingestDirectory } from '../ingest';
import type { IngestReport } from '../ingest/types';
import type { GraphData } from '../graph/model';
import { MemoryStore } from '../graph/memory-store';
import { openStore, snapshotPath } from '../graph/open-store';
import type { GraphStore } from '../graph/store';
import { analyse, embedTasks, fileSourceReader, mergeGraphData } from '../analysis';
import { createEmbedder, createSearch, type Search } from '../search';
import type { ProgressEvent } from '../search/build';
import { CachedEmbedder } from '../search/cached-embedder';
import { EmbeddingCache } from '../search/embedding-cache';
import { cleanStrayTemps, writeAtomic } from '../graph/atomic-file';

export interface PipelineProgress {
  phase: 'ingest' | 'analyse' | 'store' | 'index' | 'persist' | 'ready';
  message: string;
  done?: number;
  total?: number;
}

export interface BootstrapOptions {
  config: Config;
  onProgress?: (p: PipelineProgress) => void;
  /** Directory of plan files (default config.seedsDir). */
  dir?: string;
  /** Re-ingest even when the persisted graph matches the files. */
  rebuild?: boolean;
  /** Write the store snapshot, indexes and manifest (default true). */
  persist?: boolean;
}

/** One document's line in the ingest summary. */
export interface DocumentSummary extends IngestReport {
  planTitle: string | null;
}

export interface Pipeline {
  store: GraphStore;
  search: Search;
  reports: DocumentSummary[];
  /** Milliseconds per phase (ingest, store, index, persist, total). */
  timings: Record<string, number>;
  /** True when the graph came from the persisted snapshot instead of a fresh ingest. */
  reused: boolean;
  close(): Promise<void>;
}

const MANIFEST = 'manifest.json';
const MANIFEST_FORMAT = 'zj-govplan-kg/manifest';
const MANIFEST_VERSION = 1;

interface Manifest {
  format: string;
  version: number;
  files: Record<string, string>; // file name → sha256 of its bytes
  embedder: string; // the model the analysis used ('none': character bigrams); another one → rebuild
  reports: DocumentSummary[];
  builtAt: string;
}

/** sha256 of every file ingest reads in `dir` (non-hidden, not a folder), so a changed, added or removed file forces a rebuild. */
export function fingerprint(dir: string): Record<string, string> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw createError('INGEST_FAILED', `目录不存在 / not a directory: ${dir}`);
  }
  const out: Record<string, string> = {};
  const names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && !e.isDirectory());
  for (const f of names.map((e) => e.name).sort()) {
    out[f] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
  }
  return out;
}

function readManifest(file: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return m.format === MANIFEST_FORMAT && m.version === MANIFEST_VERSION ? m : null;
  } catch {
    return null; // absent or unreadable: rebuild
  }
}

function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function summaries(reports: IngestReport[], graph: GraphData): DocumentSummary[] {
  const titles = new Map<string, string>();
  for (const n of graph.nodes) if (n.labels.includes('Plan') && n.properties.sourceFile) titles.set(String(n.properties.sourceFile), String(n.properties.title));
  return reports.map((r) => ({ ...r, planTitle: titles.get(r.file) ?? null }));
}

async function writeManifest(file: string, m: Manifest): Promise<void> {
  await writeAtomic(file, JSON.stringify(m, null, 1)); // atomic and verified: never half a manifest
}

/** Builds (or reloads) the store and the search; see the module comment. */
export async function bootstrap(options: BootstrapOptions): Promise<Pipeline> {
  const { config } = options;
  const progress = options.onProgress ?? (() => {});
  const persist = options.persist ?? true;
  const dir = path.resolve(options.dir ?? config.seedsDir);
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const files = fingerprint(dir);
  const manifestFile = path.join(config.dataDir, MANIFEST);
  const manifest = options.rebuild ? null : readManifest(manifestFile);
  for (const f of await cleanStrayTemps(config.dataDir)) progress({ phase: 'store', message: `删除残留临时文件 / removed stray temp file ${f}` });

  // a rebuild must not read the old snapshot: a corrupt one would block the very rebuild its error asks for
  const store = options.rebuild && !config.neo4j.uri ? new MemoryStore({ file: snapshotPath(config) }) : await openStore(config);
  let embedder: Awaited<ReturnType<typeof createEmbedder>>['embedder'] = null;
  try {
    // one cached embedder for the analysis (cross-plan similarity) and the search: the same
    // whole-task texts, the same vectors, computed once and kept in the search's cache file
    const chosen = await createEmbedder(config, (m) => progress({ phase: 'ready', message: m }));
    const embedderId = chosen.embedder?.model ?? 'none';
    // a graph analysed without the model (or with another) is rebuilt when the model changes
    const stored = manifest && sameFiles(manifest.files, files) && manifest.embedder === embedderId ? await store.counts() : null;
    const reused = !!manifest && !!stored && Object.values(stored.nodes).some((n) => n > 0);
    let cached: CachedEmbedder | null = null;
    if (chosen.embedder) {
      const cache = new EmbeddingCache(path.join(config.dataDir, 'search', 'embeddings.json'), chosen.embedder.model, chosen.embedder.dimensions);
      await cache.load();
      cached = new CachedEmbedder(chosen.embedder, cache, config.model.queryCache);
    }
    embedder = cached;
    let reports: DocumentSummary[];
    if (reused && manifest) {
      reports = manifest.reports;
      progress({ phase: 'store', message: `复用已保存的图谱 / reusing the saved graph (${Object.keys(files).length} files unchanged)` });
    } else {
      let t = performance.now();
      const ingested = await ingestDirectory(dir, (done, total, file) => progress({ phase: 'ingest', message: `解析 / parsing ${file}`, done, total }));
      timings.ingest = performance.now() - t;
      reports = summaries(ingested.documents, ingested.graph);
      t = performance.now();
      progress({ phase: 'analyse', message: `跨规划分析 / cross-plan analysis${embedder ? ' (embeddings)' : ' (character bigrams: no model)'}` });
      if (cached) cached.onProgress = (done, total) => progress({ phase: 'analyse', message: `嵌入任务 / embedding tasks ${done}/${total}`, done, total });
      const embeddings = cached ? await embedTasks(ingested.graph, cached) : undefined;
      if (cached) cached.onProgress = undefined;
      const graph = mergeGraphData(ingested.graph, analyse({ graph: ingested.graph, embeddings, readSource: fileSourceReader(dir) }));
      timings.analyse = performance.now() - t;
      t = performance.now();
      progress({ phase: 'store', message: `写入图谱 / storing ${graph.nodes.length} nodes, ${graph.relationships.length} relationships` });
      await store.clear();
      await store.upsert(graph);
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
          await writeManifest(manifestFile, { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, files, embedder: embedderId, reports, builtAt: new Date().toISOString() });
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
    return { store, search, reports, timings, reused, close };
  } catch (e) {
    await embedder?.close?.().catch(() => {});
    await store.close().catch(() => {});
    throw e;
  }
}
