/**
 * A small corpus is scored by one exact scan of its passage vectors (search/build.ts PassageScan,
 * signals.ts): the dense list must be the one the vector index gives — the same tasks, order
 * and scores — for every pooling; large corpora and an index outside the process keep the index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraph } from '../../app/build-graph';
import { loadConfig } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import { createSearch } from '../../search';
import { buildDense, buildKeyword, type DenseIndex } from '../../search/build';
import { EmbeddingCache } from '../../search/embedding-cache';
import { ExactIndex } from '../../search/exact-index';
import { DEFAULT_SETTINGS, withDefaults } from '../../search/settings';
import { denseHits } from '../../search/signals';
import { HashEmbedder } from './hash-embedder';

const ROOT = path.join(__dirname, '../..');
/** The engine's dense side (a private part: what the scan tests look at). */
const denseOf = (engine: unknown): DenseIndex | null => (engine as { parts: { dense: DenseIndex | null } }).parts.dense;

test('the scan gives the exact index\'s dense list for whole, maxpool and mix pooling; past scanMax there is no scan', async () => {
  const { graph } = await buildGraph(path.join(ROOT, 'seeds'));
  const store = new MemoryStore();
  await store.upsert(graph);
  const keyword = await buildKeyword(store);
  const embedder = new HashEmbedder(64);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-scan-'));
  try {
    const cache = new EmbeddingCache(path.join(dir, 'e.json'), embedder.model, 64);
    const scanned = await buildDense(keyword.corpus, embedder, cache, new ExactIndex(64), DEFAULT_SETTINGS, undefined, 4096);
    const indexed = await buildDense(keyword.corpus, embedder, cache, new ExactIndex(64), DEFAULT_SETTINGS, undefined, 0);
    expect(scanned.scan).toBeDefined();
    expect(indexed.scan).toBeUndefined();
    expect((await buildDense(keyword.corpus, embedder, cache, new ExactIndex(64), DEFAULT_SETTINGS, undefined, scanned.passages - 1)).scan).toBeUndefined();
    const questions = ['数据安全', '一网通办', '老人看病居家养老', '城市大脑由谁建设', '河道水库数字孪生', '营商环境'];
    for (const dense of ['whole', 'maxpool', 'mix'] as const) {
      for (const depth of [10, 100]) {
        const settings = withDefaults({ dense, depth });
        for (const q of questions) {
          const [v] = await embedder.embed([q]);
          const a = await denseHits(v, scanned, settings);
          const b = await denseHits(v, indexed, settings);
          expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
          a.forEach((h, i) => expect(h.score).toBeCloseTo(b[i].score, 9));
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the search built in process keeps the scan for the seeds (570 passages)', async () => {
  const { graph } = await buildGraph(path.join(ROOT, 'seeds'));
  const store = new MemoryStore();
  await store.upsert(graph);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-scan-'));
  try {
    const search = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: dir }), embedder: new HashEmbedder(64) });
    expect(denseOf(search.engine)?.scan?.matrix.rows).toBe(denseOf(search.engine)?.passages);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
