/**
 * `npx tsx bench/search-latency.ts [--rounds N]`: in-process query latency of the full search
 * (normalise, link, query embedding, dense + BM25, fusion, neighbourhoods) over the dev
 * questions, after one warm-up round. Prints p50/p95/p99 with and without the neural model.
 */
import path from 'node:path';
import { loadConfig } from '../core/config';
import { createEmbedder } from '../search';
import { devQueries } from './common/queries';
import { summarize, timeSearches } from './common/stats';
import { buildSearch, seedStore } from './lib/harness';

async function main(argv: string[]): Promise<number> {
  const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 10;
  const base = loadConfig();
  const config = loadConfig({ ...process.env, KG_DATA_DIR: path.join(base.dataDir, 'eval') });
  const queries = devQueries(config.root).map((q) => q.q);
  const store = await seedStore(config.seedsDir);
  const { embedder, status } = await createEmbedder(config);
  for (const [label, e] of [['hybrid (bge-small-zh)', embedder], ['keyword + graph', null]] as const) {
    if (label.startsWith('hybrid') && !e) {
      console.log(`SKIP hybrid: ${status.reason}`);
      continue;
    }
    const search = await buildSearch(store, config, e, {});
    for (const q of queries) await search.search(q); // warm-up: JIT, jieba, ONNX session
    const s = summarize(await timeSearches(search, queries, rounds));
    const f = (x: number) => x.toFixed(1).padStart(6);
    console.log(`${label.padEnd(24)} n=${s.n}  p50 ${f(s.p50)} ms  p95 ${f(s.p95)} ms  p99 ${f(s.p99)} ms  max ${f(s.max)} ms`);
  }
  await (embedder as { close?: () => Promise<void> } | null)?.close?.();
  return 0;
}

main(process.argv.slice(2)).then((c) => process.exit(c));
