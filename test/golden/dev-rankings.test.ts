/**
 * Golden dev rankings: the top 10 of every dev question, with and without the model, must match
 * test/golden/dev-rankings.json, so any change in ranking behaviour shows up in review.
 * After an intended change: `npm run eval -- --update-golden`, then review the JSON diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import type { MemoryStore } from '../../graph/memory-store';
import { createEmbedder } from '../../search';
import { resolveModelSource } from '../../search/embedder-factory';
import { buildSearch, loadQueries, runQueries, seedStore, type Query } from '../../bench/lib/harness';

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, 'dev-rankings.json'), 'utf8')) as { hybrid: Record<string, string[]> | null; keyword: Record<string, string[]> };
const queriesFile = path.resolve(__dirname, '../../../shared/eval/queries-dev.json');
const haveQueries = fs.existsSync(queriesFile);
// A cache that outlives the run: the first model run embeds the seeds (~1 min on 2 cores), later ones reuse it.
const config = loadConfig({ ...process.env, KG_DATA_DIR: path.join(os.tmpdir(), 'kg-golden-search') });
const modelSource = resolveModelSource(config);
const HOW = 'ranking changed: if intended, run `npm run eval -- --update-golden` and review the diff of test/golden/dev-rankings.json';

if (!haveQueries) console.log(`SKIP: golden rankings need ${queriesFile}`);
if ('reason' in modelSource) console.log(`SKIP: golden hybrid rankings need the embedding model (${modelSource.reason})`);

(haveQueries ? describe : describe.skip)('golden dev rankings', () => {
  let store: MemoryStore;
  let queries: Query[];
  beforeAll(async () => {
    store = await seedStore(config.seedsDir);
    queries = loadQueries(queriesFile);
  });

  test('keyword + graph (no model)', async () => {
    const run = await runQueries(await buildSearch(store, config, null), queries);
    const got = Object.fromEntries(run.queries.map((q) => [q.id, q.ranking]));
    expect({ rankings: got, hint: HOW }).toEqual({ rankings: golden.keyword, hint: HOW });
  });

  ('reason' in modelSource || !golden.hybrid ? test.skip : test)('hybrid with bge-small-zh', async () => {
    const { embedder } = await createEmbedder(config);
    try {
      const search = await buildSearch(store, config, embedder);
      await search.save();
      const run = await runQueries(search, queries);
      const got = Object.fromEntries(run.queries.map((q) => [q.id, q.ranking]));
      expect({ rankings: got, hint: HOW }).toEqual({ rankings: golden.hybrid, hint: HOW });
    } finally {
      await (embedder as { close?: () => Promise<void> } | null)?.close?.();
    }
  }, 180000);
});
