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
import { openStore } from '../graph/open-store';
import type { GraphStore } from '../graph/store';
import { createSearch } from '../search';
import type { SearchService } from '../search/types';

export interface PipelineProgress {
  phase: 'ingest' | 'store' | 'index' | 'persist' | 'ready';
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
  search: SearchService & { save(): Promise<void> };
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
  reports: DocumentSummary[];
  builtAt: string;
}

/** sha256 of every plan file in `dir`, so a changed, added or removed file forces a rebuild. */
export function fingerprint(dir: string): Record<string, string> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw createError('INGEST_FAILED', `目录不存在 / not a directory: ${dir}`);
  }
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
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
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, JSON.stringify(m, null, 1));
  await fs.promises.rename(tmp, file); // atomic: never half a manifest
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

  const store = await openStore(config);
  let reports: DocumentSummary[] = [];
  let reused = false;
  try {
    const stored = manifest && sameFiles(manifest.files, files) ? await store.counts() : null;
    reused = !!stored && Object.values(stored.nodes).some((n) => n > 0);
    if (reused && manifest) {
      reports = manifest.reports;
      progress({ phase: 'store', message: `复用已保存的图谱 / reusing the saved graph (${Object.keys(files).length} files unchanged)` });
    } else {
      let t = performance.now();
      const ingested = await ingestDirectory(dir, (p: { done: number; total: number; file?: string }) =>
        progress({ phase: 'ingest', message: `解析 / parsing ${p.file ?? ''}`, done: p.done, total: p.total }),
      );
      timings.ingest = performance.now() - t;
      reports = summaries(ingested.documents, ingested.graph);
      t = performance.now();
      progress({ phase: 'store', message: `写入图谱 / storing ${ingested.graph.nodes.length} nodes, ${ingested.graph.relationships.length} relationships` });
      await store.clear();
      await store.upsert(ingested.graph);
      timings.store = performance.now() - t;
    }
    let t = performance.now();
    progress({ phase: 'index', message: '建立检索索引 / building search indexes' });
    const search = await createSearch({
      store,
      config,
      onProgress: (p: { done?: number; total?: number; message?: string }) => progress({ phase: 'index', message: p.message ?? '嵌入 / embedding', done: p.done, total: p.total }),
    });
    timings.index = performance.now() - t;
    if (persist && !reused) {
      t = performance.now();
      progress({ phase: 'persist', message: `保存到 / saving to ${config.dataDir}` });
      await store.flush();
      await search.save();
      await writeManifest(manifestFile, { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, files, reports, builtAt: new Date().toISOString() });
      timings.persist = performance.now() - t;
    }
    timings.total = performance.now() - t0;
    progress({ phase: 'ready', message: `就绪 / ready in ${Math.round(timings.total)} ms` });
    const close = async () => {
      await (search as { close?: () => Promise<void> }).close?.();
      await store.close();
    };
    return { store, search, reports, timings, reused, close };
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
}
