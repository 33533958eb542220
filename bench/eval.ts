/**
 * `npm run eval [-- --queries FILE] [--update-golden]`: scores the search on the dev questions
 * (graded relevance by file + path) with nDCG@10, Recall@10, MRR and P@1, overall and per
 * question type, for the product configuration with and without the neural model and for the
 * issue's baselines (single channels, naive RRF). Writes bench/results/eval.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { createEmbedder } from '../search';
import type { RankingSettings } from '../search/settings';
import { buildSearch, loadQueries, runQueries, seedStore, type RunSummary } from './lib/harness';
import type { Scores } from './lib/metrics';

const NO_GRAPH: Partial<RankingSettings> = { link: false };
const CONFIGS: { name: string; neural: boolean; settings: Partial<RankingSettings> }[] = [
  { name: 'product (hybrid + graph)', neural: true, settings: {} },
  { name: 'product without model (keyword + graph)', neural: false, settings: {} },
  { name: 'baseline: BM25 jieba words', neural: false, settings: { ...NO_GRAPH, weights: { dense: 0, word: 1, char: 0 } } },
  { name: 'baseline: BM25 characters', neural: false, settings: { ...NO_GRAPH, weights: { dense: 0, word: 0, char: 1 } } },
  { name: 'baseline: dense whole-task only', neural: true, settings: { ...NO_GRAPH, dense: 'whole', weights: { dense: 1, word: 0, char: 0 } } },
  { name: 'baseline: naive RRF dense + char (k=60)', neural: true, settings: { ...NO_GRAPH, dense: 'whole', rrfK: 60, weights: { dense: 1, word: 0, char: 1 } } },
  { name: 'dense sentences max-pooled only', neural: true, settings: { ...NO_GRAPH, dense: 'maxpool', weights: { dense: 1, word: 0, char: 0 } } },
  { name: 'dense whole+sentence mix only', neural: true, settings: { ...NO_GRAPH, dense: 'mix', weights: { dense: 1, word: 0, char: 0 } } },
  { name: 'product, dense whole-task', neural: true, settings: { dense: 'whole' } },
  { name: 'product, dense max-pooled', neural: true, settings: { dense: 'maxpool' } },
  { name: 'product without graph linking', neural: true, settings: NO_GRAPH },
];

const f3 = (x: number) => x.toFixed(3);
const row = (label: string, s: Scores) => `${label.padEnd(44)} ${f3(s.ndcg10)}  ${f3(s.recall10)}  ${f3(s.mrr)}  ${f3(s.p1)}  (${s.n})`;

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const queriesFile = path.resolve(arg('--queries') ?? path.join(config.root, '..', 'shared', 'eval', 'queries-dev.json'));
  const only = arg('--only');
  const queries = loadQueries(queriesFile);
  const store = await seedStore(config.seedsDir);
  // Indexes (and the embedding cache) go to a scratch dir under data/, never the product's.
  const scratch = path.join(config.dataDir, 'eval');
  const evalConfig = loadConfig({ ...process.env, KG_DATA_DIR: fs.existsSync(config.dataDir) ? scratch : path.join(os.tmpdir(), 'kg-eval') });
  const { embedder, status } = await createEmbedder(config);
  if (!embedder) console.log(`SKIP neural configurations: ${status.reason}`);
  const results: Record<string, RunSummary & { settings: Partial<RankingSettings> }> = {};
  console.log(`queries: ${queriesFile} (${queries.length})\n${''.padEnd(44)} nDCG@10 R@10   MRR    P@1`);
  for (const c of CONFIGS) {
    if (only && !c.name.includes(only)) continue;
    if (c.neural && !embedder) continue;
    const search = await buildSearch(store, evalConfig, c.neural ? embedder : null, c.settings);
    if (c.neural) await search.save(); // keeps the embedding cache warm for the next run
    const summary = await runQueries(search, queries);
    results[c.name] = { ...summary, settings: c.settings };
    console.log(row(c.name, summary.overall));
    if (c === CONFIGS[0] || c === CONFIGS[1]) for (const [t, s] of Object.entries(summary.byType)) console.log(row(`  ${t}`, s));
  }
  const out = path.join(config.root, 'bench', 'results', 'eval.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const summarize = (r: RunSummary) => ({ overall: r.overall, byType: r.byType, queries: r.queries.map((q) => ({ id: q.id, type: q.type, ...q.scores })) });
  fs.writeFileSync(out, JSON.stringify({ queries: path.basename(queriesFile), embedder: status, date: new Date().toISOString(), configs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { settings: v.settings, ...summarize(v) }])) }, null, 1));
  console.log(`\nwritten ${path.relative(config.root, out)}`);
  if (argv.includes('--update-golden')) {
    const rankings = (r?: RunSummary) => (r ? Object.fromEntries(r.queries.map((q) => [q.id, q.ranking])) : null);
    const golden = path.join(config.root, 'test', 'golden', 'dev-rankings.json');
    const old = fs.existsSync(golden) ? JSON.parse(fs.readFileSync(golden, 'utf8')) : {};
    const data = {
      note: 'Top-10 dev rankings (file#path). Regenerate after an intended ranking change: npm run eval -- --update-golden',
      hybrid: rankings(results[CONFIGS[0].name]) ?? old.hybrid ?? null,
      keyword: rankings(results[CONFIGS[1].name]) ?? old.keyword ?? null,
    };
    fs.mkdirSync(path.dirname(golden), { recursive: true });
    fs.writeFileSync(golden, `${JSON.stringify(data, null, 1)}\n`);
    console.log(`written ${path.relative(config.root, golden)}`);
  }
  if (argv.includes('--verbose')) {
    const main = results[CONFIGS[0].name] ?? results[CONFIGS[1].name];
    for (const q of main.queries) console.log(`${q.id} ${q.type.padEnd(11)} ${f3(q.scores.ndcg10)} ${q.q}\n   ${q.ranking.join(' ')}`);
  }
  await (embedder as { close?: () => Promise<void> } | null)?.close?.();
  return 0;
}

main(process.argv.slice(2)).then((c) => process.exit(c));
