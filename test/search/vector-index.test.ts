import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExactIndex } from '../../search/exact-index';
import { HnswIndex } from '../../search/hnsw-index';
import { randomUnitVectors, runVectorIndexContract } from './vector-index.contract';

runVectorIndexContract('exact', (d) => new ExactIndex(d));
runVectorIndexContract('hnsw', (d) => new HnswIndex(d));

test('hnsw recall@10 against the exact scan on 2000 random 64-d vectors is at least 0.99', () => {
  const vecs = randomUnitVectors(2000, 64, 11);
  const exact = new ExactIndex(64);
  const hnsw = new HnswIndex(64);
  for (const idx of [exact, hnsw]) idx.addMany(vecs.map((vector, i) => ({ key: String(i), vector })));
  const queries = randomUnitVectors(100, 64, 99);
  let found = 0;
  for (const q of queries) {
    const truth = new Set(exact.search(q, 10).map((h) => h.key));
    found += hnsw.search(q, 10).filter((h) => truth.has(h.key)).length;
  }
  expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.99);
});

test('hnsw refuses a key table that belongs to another index of the same size, or was edited', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnsw-keys-'));
  try {
    const [a, b] = [randomUnitVectors(50, 8, 1), randomUnitVectors(50, 8, 2)].map((vecs, n) => {
      const idx = new HnswIndex(8);
      idx.addMany(vecs.map((vector, i) => ({ key: `${n}-${i}`, vector })));
      return idx;
    });
    const [fa, fb] = [path.join(dir, 'a.idx'), path.join(dir, 'b.idx')];
    await a.save(fa);
    await b.save(fb);
    fs.copyFileSync(`${fb}.keys.json`, `${fa}.keys.json`); // same count, other index
    await expect(new HnswIndex(8).load(fa)).rejects.toMatchObject({ code: 'SNAPSHOT_CORRUPT' });
    await b.save(fb);
    const t = JSON.parse(fs.readFileSync(`${fb}.keys.json`, 'utf8')) as { keys: string[] };
    fs.writeFileSync(`${fb}.keys.json`, JSON.stringify({ ...t, keys: [...t.keys].reverse() }));
    await expect(new HnswIndex(8).load(fb)).rejects.toMatchObject({ code: 'SNAPSHOT_CORRUPT' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
