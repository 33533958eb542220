/**
 * `npx tsx bench/neo4j-index.ts` (needs NEO4J_URI, e.g. `npm run neo4j:local -- start`; it clears
 * that database): the dev questions (eval/queries-dev.json) answered by the product ranking with
 * its candidates from the in-process indexes (HNSW + BM25) and from Neo4j's own indexes
 * (KG_SEARCH_INDEX=neo4j: vector index + cjk fulltext), with and without the model, in one run.
 * Prints nDCG@10, Recall@10, MRR, P@1 and the warm per-question latency (median, p95) of each;
 * writes bench/results/neo4j-index.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { Neo4jStore } from '../graph/neo4j-store';
import { createEmbedder, createSearch, type Search } from '../search';
import type { Embedder } from '../search/embedder';
import { neo4jSearchIndexes } from '../search/neo4j-indexes';
import { timeSearches } from './common/stats';
import { loadQueries, memoQueries, runQueries, seedStore, type RunSummary } from './lib/harness';

const config = loadConfig({ ...process.env, KG_DATA_DIR: path.join(os.tmpdir(), 'kg-bench-neo4j-index'), KG_LOG_LEVEL: 'silent' });
const f3 = (x: number) => x.toFixed(3);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function latency(search: Search, questions: string[], rounds = 3): Promise<{ medianMs: number; p95Ms: number }> {
  const times = await timeSearches(search, questions, rounds);
  return { medianMs: Number(quantile(times, 0.5).toFixed(2)), p95Ms: Number(quantile(times, 0.95).toFixed(2)) };
}

async function main(): Promise<void> {
  if (!config.neo4j.uri) throw new Error('set NEO4J_URI (npm run neo4j:local -- start); this bench clears that database');
  const queries = loadQueries(path.join(config.root, 'eval/queries-dev.json'));
  const memory = await seedStore(config.seedsDir);
  const neo = await Neo4jStore.connect(config.neo4j);
  await neo.clear();
  await neo.upsert(await memory.exportAll());
  const chosen = await createEmbedder(config);
  const model: Embedder | null = chosen.embedder ? memoQueries(chosen.embedder) : null;
  const rows: { store: string; index: string; model: boolean; summary: RunSummary; latency: { medianMs: number; p95Ms: number } }[] = [];
  const setups = [
    { store: 'memory', index: 'memory' },
    { store: 'neo4j', index: 'memory' }, // the graph reads (neighbourhoods, graph tiers) from Neo4j, candidates in-process
    { store: 'neo4j', index: 'neo4j' },
  ] as const;
  for (const embedder of model ? [model, null] : [null]) {
    for (const { store, index } of setups) {
      const search = await createSearch({ store: store === 'neo4j' ? neo : memory, config, embedder, indexes: index === 'neo4j' ? neo4jSearchIndexes(neo) : undefined });
      await search.save(); // the embedding cache (and, for neo4j, writes the vectors)
      await runQueries(search, queries.slice(0, 5)); // warm-up
      const summary = await runQueries(search, queries);
      rows.push({ store, index, model: !!embedder, summary, latency: await latency(search, queries.map((q) => q.q)) });
    }
  }
  console.log(`dev questions: ${queries.length}; model: ${model ? config.model.id : 'none'} (query vectors memoised: the times are candidates + ranking + graph reads); Neo4j ${config.neo4j.uri}`);
  console.log(`${'store / candidates from'.padEnd(50)} nDCG@10 R@10   MRR    P@1    median ms  p95 ms`);
  for (const r of rows) {
    const s = r.summary.overall;
    const label = `${r.store} store / ${r.index === 'neo4j' ? 'Neo4j vector + fulltext' : 'in-process HNSW + BM25'}${r.model ? '' : ' (no model)'}`;
    console.log(`${label.padEnd(50)} ${f3(s.ndcg10)}   ${f3(s.recall10)}  ${f3(s.mrr)}  ${f3(s.p1)}  ${String(r.latency.medianMs).padStart(9)}  ${String(r.latency.p95Ms).padStart(6)}`);
  }
  const out = path.join(config.root, 'bench/results/neo4j-index.json');
  fs.writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), neo4j: config.neo4j.uri, model: model ? config.model.id : null, queries: queries.length, rows: rows.map((r) => ({ store: r.store, index: r.index, model: r.model, overall: r.summary.overall, byType: r.summary.byType, latency: r.latency })) }, null, 1));
  console.log(`wrote ${path.relative(config.root, out)}`);
  await neo.close();
  await chosen.embedder?.close?.();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
