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
