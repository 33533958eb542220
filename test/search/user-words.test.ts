/**
 * The search's vocabulary of graph names never changes how ingest reads a plan: building a
 * search between two ingests of the same folder gives the same graph (jieba's dictionary is
 * process-wide and also tags words for the application grammar).
 */
import { buildGraph } from '../../app/build-graph';
import { loadConfig } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import { createSearch } from '../../search';
import { wordTokens } from '../../search/tokenize';

test('ingest → build a search → ingest again: the same graph; the names stay whole in search tokens', async () => {
  const config = loadConfig({ KG_EMBEDDER: 'none', NODE_ENV: 'test' });
  const first = await buildGraph(config.seedsDir);
  const store = new MemoryStore();
  await store.upsert(first.graph);
  await createSearch({ store, config, embedder: null });
  expect(wordTokens('市大数据局牵头')).toContain('市大数据局');
  const second = await buildGraph(config.seedsDir);
  expect(second.graph).toEqual(first.graph);
}, 60000);
