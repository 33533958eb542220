/**
 * The real model (bge-small-zh-v1.5 via transformers.js in a worker), when present: shape,
 * normalisation, semantics, the query instruction, and HNSW recall@10 against the exact scan
 * on the seeds' passage vectors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { allPassages } from '../../search/build';
import { loadCorpus } from '../../search/corpus';
import { createEmbedder, resolveModelSource, type EmbedderChoice } from '../../search/embedder-factory';
import { TransformersEmbedder } from '../../search/transformers-embedder';
import { describeIf, model as modelPrerequisite } from '../prerequisites';
import { EmbeddingCache } from '../../search/embedding-cache';
import { dot, ExactIndex } from '../../search/exact-index';
import { HnswIndex } from '../../search/hnsw-index';
import { DEFAULT_SETTINGS } from '../../search/settings';
import { seedStore } from '../../bench/lib/harness';

const config = loadConfig({ ...process.env, KG_DATA_DIR: path.join(os.tmpdir(), 'kg-model-test') }); // not the golden test's dir: jest runs files in parallel


test('without a model the factory reports why, and how to fix it', async () => {
  const none = await createEmbedder(loadConfig({ KG_MODELS_DIR: path.join(os.tmpdir(), 'no-models-here') }));
  expect(none.embedder).toBeNull();
  expect(none.status).toMatchObject({ active: false, source: null });
  expect(none.status.reason).toMatch(/fetch-model|KG_MODEL_DIR/);
  const off = await createEmbedder(loadConfig({ KG_EMBEDDER: 'none' }));
  expect(off.status.reason).toMatch(/KG_EMBEDDER=none/);
});

describeIf('real-model tests', modelPrerequisite())('bge-small-zh-v1.5 (transformers.js)', () => {
  let choice: EmbedderChoice;
  beforeAll(async () => {
    choice = await createEmbedder(config);
  });
  afterAll(async () => choice?.embedder?.close?.());

  test('loads offline from models/, 512 dimensions, unit length', async () => {
    expect(choice.status).toMatchObject({ active: true, model: 'Xenova/bge-small-zh-v1.5', source: 'npm-tarball' });
    const [v] = await choice.embedder!.embed(['推进数据安全体系建设']);
    expect(v.length).toBe(512);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
  });

  test('a text gets the same vector alone and in a batch with longer texts (the int8 model runs each text alone)', async () => {
    const e = choice.embedder!;
    const text = '加快推进数字政府建设，提升政务服务效能';
    const [alone] = await e.embed([text]);
    const [inBatch] = await e.embed([text, '建设城市大脑，推进一网统管，打造数字孪生城市的各类场景应用，拉长这一批文本的长度', '数据安全']);
    expect(Array.from(inBatch)).toEqual(Array.from(alone));
    // a question embedded while others are in flight is the question embedded alone
    const qs = ['看病报销', '嘉兴市大数据局牵头哪些任务', '政务服务一网通办率要达到多少'];
    const together = await Promise.all(qs.map((q) => e.embedQuery(q)));
    for (const [i, q] of qs.entries()) expect(Array.from(together[i])).toEqual(Array.from(await e.embedQuery(q)));
  });

  test('related texts are closer than unrelated ones; a query is embedded as written unless KG_QUERY_INSTRUCTION=on', async () => {
    const e = choice.embedder!;
    const [a, b, c] = await e.embed(['防止个人隐私信息泄露', '敏感数据加密脱敏，保护个人信息安全', '推进河道水库数字孪生建设']);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.1);
    const plain = await e.embedQuery('防止个人隐私信息泄露');
    const [alone] = await e.embed(['防止个人隐私信息泄露']); // alone: a batch's padding and int8 ranges move a vector slightly
    expect(dot(plain, alone)).toBeGreaterThan(0.9999);
    const instructed = await createEmbedder(loadConfig({ ...process.env, KG_QUERY_INSTRUCTION: 'on' }));
    try {
      const q = await instructed.embedder!.embedQuery('防止个人隐私信息泄露');
      expect(dot(q, a)).toBeLessThan(0.999);
      expect(dot(q, b)).toBeGreaterThan(dot(q, c));
    } finally {
      await instructed.embedder?.close();
    }
  });

  test('HNSW recall@10 against the exact scan on the seeds\' passage vectors is at least 0.99', async () => {
    const corpus = await loadCorpus(await seedStore(config.seedsDir));
    const passages = allPassages(corpus, DEFAULT_SETTINGS);
    const cache = new EmbeddingCache(path.join(config.dataDir, 'search', 'embeddings.json'), choice.embedder!.model, 512);
    await cache.load();
    const vecs = await cache.embed(choice.embedder!, passages.map((p) => p.text));
    await cache.save();
    const exact = new ExactIndex(512);
    const hnsw = new HnswIndex(512);
    for (const idx of [exact, hnsw]) idx.addMany(passages.map((p, i) => ({ key: p.key, vector: vecs[i] })));
    let found = 0;
    const queries = vecs.filter((_, i) => i % 3 === 0);
    for (const q of queries) {
      const truth = new Set(exact.search(q, 10).map((h) => h.key));
      found += hnsw.search(q, 10).filter((h) => truth.has(h.key)).length;
    }
    const recall = found / (queries.length * 10);
    console.log(`hnsw recall@10 on ${passages.length} seed passages, ${queries.length} queries: ${recall.toFixed(4)}`);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  }, 180000);

  test('KG_EMBED_THREADS is honoured: one onnxruntime thread starts fewer threads than two (the model bytes are loaded from a file)', async () => {
    const source = resolveModelSource(config);
    if ('reason' in source) throw new Error(source.reason);
    const threadsOf = async (threads: number) => {
      const e = await TransformersEmbedder.start({ ...source, threads });
      try {
        await e.embedQuery('推进数据安全体系建设');
        return Number(/Threads:\s+(\d+)/.exec(fs.readFileSync(`/proc/${e.pid}/status`, 'utf8'))![1]);
      } finally {
        await e.close();
      }
    };
    const [one, two] = [await threadsOf(1), await threadsOf(2)];
    // onnxruntime-node 1.14 ignored the options of a session made from a buffer: both had a pool thread per core
    expect(one).toBeLessThan(two);
    // no writable temp folder: the model still loads from memory (with onnxruntime's own threads)
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = path.join(os.tmpdir(), 'kg-no-such-dir', 'nested');
    try {
      const e = await TransformersEmbedder.start({ ...source, threads: 1 });
      expect((await e.embedQuery('推进数据安全体系建设')).length).toBe(512);
      await e.close();
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  }, 120000);
});
