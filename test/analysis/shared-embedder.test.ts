/**
 * One cached embedder for the analysis and the search (core/pipeline.ts): the analysis embeds the
 * search's whole-task passages, so the search computes only the sentences; a second start with
 * the saved cache computes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import type { GraphData } from '../../graph/model';
import { MemoryStore } from '../../graph/memory-store';
import { embedTasks } from '../../analysis/embed';
import { ingestDirectory } from '../../ingest/index';
import { createSearch } from '../../search';
import { allPassages } from '../../search/build';
import { loadCorpus } from '../../search/corpus';
import { CachedEmbedder } from '../../search/cached-embedder';
import { EmbeddingCache } from '../../search/embedding-cache';
import { withDefaults } from '../../search/settings';
import { HashEmbedder } from '../search/hash-embedder';

test('analysis and search share vectors; a restart with the saved cache embeds nothing', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-shared-embedder-'));
  const config = loadConfig({ KG_DATA_DIR: dataDir, KG_EMBEDDER: 'none', NODE_ENV: 'test' });
  const cacheFile = path.join(dataDir, 'search', 'embeddings.json');
  const { graph } = (await ingestDirectory(config.seedsDir)) as { graph: GraphData };
  const store = new MemoryStore();
  await store.upsert(graph);
  try {
    const model = new HashEmbedder();
    const cache = new EmbeddingCache(cacheFile, model.model, model.dimensions);
    const shared = new CachedEmbedder(model, cache);
    const tasks = await embedTasks(graph, shared);
    expect(model.texts).toBe(tasks.size); // every task once
    const search = await createSearch({ store, config, embedder: shared });
    const passages = allPassages(await loadCorpus(store), withDefaults());
    // the vocabulary bridge embeds the plans' mined terms through the same cache
    const terms = search.engine.vocabularyTerms();
    const distinct = new Set([...passages.map((p) => p.text), ...terms]).size;
    // the whole-task passages came from the analysis' vectors: only sentences and terms were computed
    expect(terms.length).toBeGreaterThan(0);
    expect(model.texts).toBe(distinct);
    await search.save();

    const again = new HashEmbedder();
    const warm = new EmbeddingCache(cacheFile, again.model, again.dimensions);
    await warm.load();
    const reused = new CachedEmbedder(again, warm);
    const vectors = await embedTasks(graph, reused);
    await createSearch({ store, config, embedder: reused });
    expect(again.texts).toBe(0);
    const [id, v] = [...tasks][0];
    expect(Array.from(vectors.get(id)!)).toEqual(Array.from(v));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
