/**
 * `npx tsx bench/search-latency.ts [--rounds N]`: in-process query latency of the full search
 * (normalise, link, query embedding, dense + BM25, fusion, neighbourhoods) over the dev
 * questions, after one warm-up round. Prints p50/p95/p99 with and without the neural model.
 */
import path from 'node:path';
import { loadConfig } from '../core/config';
import { createEmbedder } from '../search';
import { buildSearch, loadQueries, seedStore } from './lib/harness';

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(argv: string[]): Promise<number> {
  const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 10;
  const base = loadConfig();
  const config = loadConfig({ ...process.env, KG_DATA_DIR: path.join(base.dataDir, 'eval') });
  const queries = loadQueries(path.join(config.root, '..', 'shared', 'eval', 'queries-dev.json')).map((q) => q.q);
  const store = await seedStore(config.seedsDir);
  const { embedder, status } = await createEmbedder(config);
  for (const [label, e] of [['hybrid (bge-small-zh)', embedder], ['keyword + graph', null]] as const) {
    if (label.startsWith('hybrid') && !e) {
      console.log(`SKIP hybrid: ${status.reason}`);
      continue;
    }
    const search = await buildSearch(store, config, e, {});
    for (const q of queries) await search.search(q); // warm-up: JIT, jieba, ONNX session
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const t = performance.now();
        await search.search(q, { k: 10 });
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(1).padStart(6);
    console.log(`${label.padEnd(24)} n=${times.length}  p50 ${f(pct(times, 50))} ms  p95 ${f(pct(times, 95))} ms  p99 ${f(pct(times, 99))} ms  max ${f(times[times.length - 1])} ms`);
  }
  await (embedder as { close?: () => Promise<void> } | null)?.close?.();
  return 0;
}

main(process.argv.slice(2)).then((c) => process.exit(c));
