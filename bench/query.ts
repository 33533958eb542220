/**
 * In-process query latency (one child process per run): bootstrap the pipeline on a data dir
 * (reusing its snapshot and indexes when present), one warm-up pass, then `rounds` passes over
 * the dev questions, each `search.search(q, {k: 10})` timed alone.
 */
import { loadConfig, type Config } from '../core/config';
import { bootstrap, type Pipeline } from '../app/pipeline';
import { MemoryStore } from '../graph/memory-store';
import { snapshotPath } from '../graph/open-store';
import { createSearch } from '../search';
import { childArgs, report } from './common/child';
import { devQueries } from './common/queries';
import { dirBytes, peakRssMb, summarize, timeSearches, type Latency } from './common/stats';

export interface QueryArgs {
  dir: string;
  dataDir: string;
  neural: boolean;
  rounds: number;
  /** 'snapshot': open the saved graph and build the search without bootstrap (scale runs, whose ingest skipped the manifest). */
  load?: 'bootstrap' | 'snapshot';
}

export interface QueryResult {
  args: QueryArgs;
  queries: number;
  latency: Latency;
  qps: number;
  bootstrapMs: number;
  reused: boolean;
  embedder: string;
  indexBytes: number;
  peakRssMb: number;
}

async function fromSnapshot(config: Config): Promise<Pick<Pipeline, 'search' | 'reused' | 'close'>> {
  const store = await MemoryStore.open({ file: snapshotPath(config) });
  const search = await createSearch({ store, config });
  return { search, reused: true, close: async () => search.close() };
}

export async function runQueries(a: QueryArgs): Promise<QueryResult> {
  const config = loadConfig({ ...process.env, KG_DATA_DIR: a.dataDir, KG_EMBEDDER: a.neural ? '' : 'none' });
  const queries = devQueries(config.root);
  const t0 = performance.now();
  const p = a.load === 'snapshot' ? await fromSnapshot(config) : await bootstrap({ config, dir: a.dir });
  const bootstrapMs = performance.now() - t0;
  const status = p.search.status().embedder;
  if (a.neural && !status.active) throw new Error(`no neural model: ${status.reason}`);
  for (const q of queries) await p.search.search(q.q, { k: 10 });
  const start = performance.now();
  const ms = await timeSearches(p.search, queries.map((q) => q.q), a.rounds);
  const wall = performance.now() - start;
  await p.close();
  return {
    args: a, queries: queries.length, latency: summarize(ms), qps: Math.round((ms.length / wall) * 1000 * 10) / 10, bootstrapMs: Math.round(bootstrapMs),
    reused: p.reused, embedder: status.model ?? 'none', indexBytes: dirBytes(a.dataDir), peakRssMb: peakRssMb(),
  };
}

if (require.main === module) {
  runQueries(childArgs<QueryArgs>()).then(report, (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
