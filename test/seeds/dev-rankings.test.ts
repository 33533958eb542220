/**
 * Golden dev rankings: the top 10 of every dev question, with and without the model, must match
 * test/seeds/dev-rankings.json, so any change in ranking behaviour shows up in review.
 * After an intended change: `npm run eval -- --update-golden`, then review the JSON diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import type { MemoryStore } from '../../graph/memory-store';
import { createEmbedder } from '../../search';
import { model, testIf } from '../prerequisites';
import { buildSearch, loadQueries, runQueries, seedStore, type Query } from '../../bench/lib/harness';

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, 'dev-rankings.json'), 'utf8')) as { hybrid: Record<string, string[]> | null; keyword: Record<string, string[]> };
const queriesFile = path.resolve(__dirname, '../../eval/queries-dev.json');
// A cache that outlives the run: the first model run embeds the seeds (~1 min on 2 cores), later ones reuse it.
const config = loadConfig({ ...process.env, KG_DATA_DIR: path.join(os.tmpdir(), 'kg-golden-search') });
const HOW = 'ranking changed: if intended, run `npm run eval -- --update-golden` and review the diff of test/seeds/dev-rankings.json';

// Floors a little under the measured figures (docs/SEARCH.md): a change that costs quality fails here.
const FLOOR = { keyword: 0.9, hybrid: 0.91, unit: 0.95 };


describe('golden dev rankings', () => {
  let store: MemoryStore;
  let queries: Query[];
  beforeAll(async () => {
    store = await seedStore(config.seedsDir);
    queries = loadQueries(queriesFile);
  });

  // The exact lists are a report (which questions moved); the floor is the test: float noise in
  // the model's vectors may swap near-ties, but quality must not drop.
  function report(name: string, run: Awaited<ReturnType<typeof runQueries>>, expected: Record<string, string[]> | null): void {
    const moved = expected ? run.queries.filter((q) => JSON.stringify(q.ranking) !== JSON.stringify(expected[q.id] ?? [])).map((q) => q.id) : [];
    console.log(`${name}: nDCG@10 ${run.overall.ndcg10.toFixed(3)} on ${run.queries.length} dev questions; top-10 differs from test/seeds/dev-rankings.json for ${moved.length}${moved.length ? ` (${moved.join(' ')}) — ${HOW}` : ''}`);
  }

  test('keyword + graph (no model): nDCG@10 floor', async () => {
    const run = await runQueries(await buildSearch(store, config, null), queries);
    report('keyword + graph', run, golden.keyword);
    expect(run.overall.ndcg10).toBeGreaterThanOrEqual(FLOOR.keyword);
    expect(run.byType.unit.ndcg10).toBeGreaterThanOrEqual(FLOOR.unit);
  });

  testIf('golden hybrid rankings', model())('hybrid with bge-small-zh: nDCG@10 floor', async () => {
    const { embedder } = await createEmbedder(config);
    expect(embedder).not.toBeNull();
    try {
      const search = await buildSearch(store, config, embedder);
      await search.save();
      const run = await runQueries(search, queries);
      report('hybrid', run, golden.hybrid);
      expect(run.overall.ndcg10).toBeGreaterThanOrEqual(FLOOR.hybrid);
      expect(run.byType.unit.ndcg10).toBeGreaterThanOrEqual(FLOOR.unit);
    } finally {
      await embedder?.close?.();
    }
  }, 180000);
});
