/**
 * `npm run eval [-- --queries FILE[,FILE…]] [--docs DIR[,DIR…]] [--update-golden]`: scores the search on the dev questions
 * (graded relevance by file + path) with nDCG@10, Recall@10, MRR and P@1, overall and per
 * question type, for the product configuration with and without the neural model and for the
 * issue's baselines (single channels, naive RRF). Writes bench/results/eval.json.
 * `--docs`: the plan folders the questions are judged on (default seeds/; several are loaded together).
 * `--cv`: scores a grid of the tuned settings and reports cross-validated nDCG@10 (bench/lib/cv.ts)
 * into bench/results/eval-cv.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { createEmbedder } from '../search';
import type { Embedder } from '../search/embedder';
import { withDefaults, type RankingSettings } from '../search/settings';
import type { MemoryStore } from '../graph/memory-store';
import type { Config } from '../core/config';
import { crossValidate, gridOf, type CvResult } from './lib/cv';
import { buildSearch, loadQueries, memoQueries, runQueries, seedStore, type Query, type RunSummary } from './lib/harness';
import type { Scores } from './lib/metrics';

const D = withDefaults();
// The text ranking before expansion, heading field and feedback (the previous product).
const PLAIN: Partial<RankingSettings> = { gate: false, expansion: 0, expandDense: false, bridge: { ...D.bridge, weight: 0 }, correct: false, weights: { ...D.weights, exact: 0 }, fields: { ...D.fields, heading: 0 }, prf: { ...D.prf, beta: 0 }, rm3: { ...D.rm3, weight: 0 } };
const NO_GRAPH: Partial<RankingSettings> = { ...PLAIN, link: false };
const CONFIGS: { name: string; neural: boolean; settings: Partial<RankingSettings> }[] = [
  { name: 'product (hybrid + graph)', neural: true, settings: {} },
  { name: 'product without model (keyword + graph)', neural: false, settings: {} },
  { name: 'baseline: BM25 jieba words', neural: false, settings: { ...NO_GRAPH, weights: { dense: 0, word: 1, char: 0, exact: 0 } } },
  { name: 'baseline: BM25 characters', neural: false, settings: { ...NO_GRAPH, weights: { dense: 0, word: 0, char: 1, exact: 0 } } },
  { name: 'baseline: dense whole-task only', neural: true, settings: { ...NO_GRAPH, dense: 'whole', weights: { dense: 1, word: 0, char: 0, exact: 0 } } },
  { name: 'baseline: naive RRF dense + char (k=60)', neural: true, settings: { ...NO_GRAPH, dense: 'whole', rrfK: 60, weights: { dense: 1, word: 0, char: 1, exact: 0 } } },
  { name: 'dense sentences max-pooled only', neural: true, settings: { ...NO_GRAPH, dense: 'maxpool', weights: { dense: 1, word: 0, char: 0, exact: 0 } } },
  { name: 'dense whole+sentence mix only', neural: true, settings: { ...NO_GRAPH, dense: 'mix', weights: { dense: 1, word: 0, char: 0, exact: 0 } } },
  { name: 'previous product (no expansion/heading/feedback)', neural: true, settings: PLAIN },
  { name: 'previous product without model', neural: false, settings: PLAIN },
  { name: 'product without expansion table', neural: true, settings: { expansion: 0, expandDense: false } },
  { name: 'product without expansion table, no model', neural: false, settings: { expansion: 0, expandDense: false } },
  { name: 'product, expansion keyword side only', neural: true, settings: { expandDense: false } },
  { name: 'product without heading field', neural: true, settings: { fields: { ...D.fields, heading: 0 } } },
  { name: 'product without dense feedback (Rocchio)', neural: true, settings: { prf: { ...D.prf, beta: 0 } } },
  { name: 'product without keyword feedback (RM3)', neural: true, settings: { rm3: { ...D.rm3, weight: 0 } } },
  { name: 'product without adaptive dense weight', neural: true, settings: { adaptive: 0 } },
  { name: 'product, z-score fusion', neural: true, settings: { fusion: 'zscore' } },
  { name: 'product, min-max fusion', neural: true, settings: { fusion: 'minmax' } },
  { name: 'product, dense whole-task', neural: true, settings: { dense: 'whole' } },
  { name: 'product, dense max-pooled', neural: true, settings: { dense: 'maxpool' } },
  { name: 'product without graph linking', neural: true, settings: { link: false } },
  { name: 'product, named region lifts all its tasks alike', neural: true, settings: { regionRelevance: 0 } },
  { name: 'product, named region lifts all its tasks alike, no model', neural: false, settings: { regionRelevance: 0 } },
  { name: 'product without exact-term signal', neural: true, settings: { weights: { ...D.weights, exact: 0 } } },
  { name: 'product without exact-term signal, no model', neural: false, settings: { weights: { ...D.weights, exact: 0 } } },
  { name: 'product without vocabulary bridge', neural: true, settings: { bridge: { ...D.bridge, weight: 0 } } },
  { name: 'product without corrections', neural: true, settings: { correct: false } },
  { name: 'product without English glossary', neural: true, settings: { translate: false } },
  { name: 'product without English glossary, no model', neural: false, settings: { translate: false } },
  { name: 'product without table, with bridge 0.5', neural: true, settings: { expansion: 0, expandDense: false, bridge: { ...D.bridge, weight: 0.5 } } },
  { name: 'ranking only (no none gate)', neural: true, settings: { gate: false } },
  { name: 'ranking only (no none gate), no model', neural: false, settings: { gate: false } },
  { name: 'ranking only without table (no none gate)', neural: true, settings: { gate: false, expansion: 0, expandDense: false } },
  { name: 'ranking only without table (no none gate), no model', neural: false, settings: { gate: false, expansion: 0, expandDense: false } },
];

const f3 = (x: number) => x.toFixed(3);
const row = (label: string, s: Scores) => `${label.padEnd(44)} ${f3(s.ndcg10)}  ${f3(s.recall10)}  ${f3(s.mrr)}  ${f3(s.p1)}  (${s.n})`;

// The tuned axes (docs/SEARCH.md): expansion weight and its use in the query vector, heading
// field weight, dense Rocchio feedback, keyword RM3 feedback, the vocabulary bridge (model only)
// the exact coined-term signal and the query-adaptive dense weight.
const CV_GRID = gridOf(
  { expansion: [0, 0.5], expandDense: [false, true], heading: [0, 0.2], prf: [0, 0.3], rm3: [0, 0.4], bridge: [0, 0.3], exact: [0, 1], adaptive: [0, 2] },
  (p) => {
    const d = withDefaults();
    return {
      expansion: p.expansion as number,
      expandDense: p.expandDense as boolean,
      fields: { ...d.fields, heading: p.heading as number },
      prf: { ...d.prf, beta: p.prf as number },
      rm3: { ...d.rm3, weight: p.rm3 as number },
      bridge: { ...d.bridge, weight: p.bridge as number },
      weights: { ...d.weights, exact: p.exact as number },
      adaptive: p.adaptive as number,
    };
  },
);

const DEFAULT_POINT = `expansion=${D.expansion} expandDense=${D.expandDense} heading=${D.fields.heading} prf=${D.prf.beta} rm3=${D.rm3.weight} bridge=${D.bridge.weight} exact=${D.weights.exact} adaptive=${D.adaptive}`;

async function crossValidation(store: MemoryStore, config: Config, embedder: Embedder | null, queries: Query[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [label, e] of [['with model', embedder ? memoQueries(embedder) : null], ['without model', null]] as const) {
    if (label === 'with model' && !e) continue;
    const search = await buildSearch(store, config, e, {});
    const scores: Record<string, number[]> = {};
    for (const [name, s] of Object.entries(CV_GRID)) {
      const engine = search.engine.withSettings(withDefaults(s));
      scores[name] = (await runQueries({ ...search, search: (q, o) => engine.search(q, o) }, queries)).queries.map((q) => q.scores.ndcg10);
    }
    const input = { ids: queries.map((q) => q.id), types: queries.map((q) => q.type), scores };
    const noTable = { ...input, scores: Object.fromEntries(Object.entries(scores).filter(([n]) => n.startsWith('expansion=0 expandDense=false'))) };
    const report = (what: string, r: CvResult[]) => r.forEach((c) => console.log(`${label.padEnd(14)} ${what.padEnd(22)} ${c.scheme.padEnd(30)} CV nDCG@10 ${f3(c.ndcg10)}  chosen: ${[...new Set(c.chosen)].join(' | ')}`));
    const all = crossValidate(input);
    const without = crossValidate(noTable);
    report('grid', all);
    report('grid without table', without);
    const defaults = Object.entries(scores).find(([n]) => n === DEFAULT_POINT)?.[1];
    out[label] = { grid: Object.keys(CV_GRID).length, all, withoutTable: without, defaultDev: defaults ? defaults.reduce((a, b) => a + b, 0) / defaults.length : null, top: Object.entries(scores).map(([n, s]) => [n, s.reduce((a, b) => a + b, 0) / s.length] as const).sort((a, b) => b[1] - a[1]).slice(0, 10) };
  }
  return out;
}

/** eval.json for the dev questions, eval-<set>.json for another set (queries-holdout.json → eval-holdout.json). */
const resultsName = (queriesFile: string) => {
  const set = queriesFile.split(',').map((f) => path.basename(f, '.json').replace(/^queries-/, '')).join('+');
  return set === 'dev' ? 'eval' : `eval-${set}`;
};

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  // one set, or several pooled (--queries eval/queries-dev.json,eval/queries-holdout.json)
  const queriesFiles = (arg('--queries') ?? path.join(config.root, 'eval', 'queries-dev.json')).split(',').map((f) => path.resolve(f));
  const queriesFile = queriesFiles.join(',');
  const only = arg('--only');
  const queries = queriesFiles.flatMap((f) => loadQueries(f));
  // the plans the questions are judged on: the seeds, or the folders named (--docs seeds,eval/other-plans/docs)
  const docs = arg('--docs')?.split(',').map((d) => path.resolve(d)) ?? [config.seedsDir];
  const store = await seedStore(docs);
  // Indexes (and the embedding cache) go to a scratch dir under data/, never the product's.
  const scratch = path.join(config.dataDir, 'eval');
  const evalConfig = loadConfig({ ...process.env, KG_DATA_DIR: fs.existsSync(config.dataDir) ? scratch : path.join(os.tmpdir(), 'kg-eval') });
  const { embedder, status } = await createEmbedder(config);
  if (!embedder) console.log(`SKIP neural configurations: ${status.reason}`);
  if (argv.includes('--cv')) {
    const cv = await crossValidation(store, evalConfig, embedder, queries);
    fs.writeFileSync(path.join(config.root, 'bench', 'results', `${resultsName(queriesFile)}-cv.json`), JSON.stringify({ queries: queriesFiles.map((f) => path.basename(f)).join(","), docs: docs.map((d) => path.relative(config.root, d)), date: new Date().toISOString(), default: DEFAULT_POINT, ...cv }, null, 1));
    await (embedder as { close?: () => Promise<void> } | null)?.close?.();
    return 0;
  }
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
    if (c === CONFIGS[0] || c === CONFIGS[1] || c.name.startsWith('previous product') || c.name.startsWith('product without expansion table')) for (const [t, s] of Object.entries(summary.byType)) console.log(row(`  ${t}`, s));
  }
  const out = path.join(config.root, 'bench', 'results', `${resultsName(queriesFile)}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const summarize = (r: RunSummary) => ({ overall: r.overall, byType: r.byType, queries: r.queries.map((q) => ({ id: q.id, type: q.type, ...q.scores })) });
  fs.writeFileSync(out, JSON.stringify({ queries: queriesFiles.map((f) => path.basename(f)).join(","), docs: docs.map((d) => path.relative(config.root, d)), embedder: status, date: new Date().toISOString(), configs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { settings: v.settings, ...summarize(v) }])) }, null, 1));
  console.log(`\nwritten ${path.relative(config.root, out)}`);
  if (argv.includes('--update-golden')) {
    const rankings = (r?: RunSummary) => (r ? Object.fromEntries(r.queries.map((q) => [q.id, q.ranking])) : null);
    const golden = path.join(config.root, 'test', 'seeds', 'dev-rankings.json');
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
