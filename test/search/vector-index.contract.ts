/**
 * The VectorIndex contract, run against every implementation (exact scan, HNSW).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VectorIndex } from '../../search/vector-index';

export function unit(v: number[]): Float32Array {
  const n = Math.hypot(...v) || 1;
  return Float32Array.from(v.map((x) => x / n));
}

export function randomUnitVectors(n: number, dims: number, seed = 7): Float32Array[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return Array.from({ length: n }, () => unit(Array.from({ length: dims }, rnd)));
}

export function runVectorIndexContract(name: string, make: (dims: number) => VectorIndex): void {
  describe(`VectorIndex contract: ${name}`, () => {
    let dir: string;
    beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-vec-'))));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('finds the nearest vector by cosine, with its similarity', () => {
      const idx = make(3);
      idx.add('x', unit([1, 0, 0]));
      idx.add('y', unit([0, 1, 0]));
      idx.add('xy', unit([1, 1, 0]));
      const hits = idx.search(unit([1, 0.1, 0]), 2);
      expect(hits.map((h) => h.key)).toEqual(['x', 'xy']);
      expect(hits[0].score).toBeCloseTo(0.995, 2);
      expect(idx.size).toBe(3);
    });

    test('k larger than the index returns everything; k 0 returns nothing; empty index is fine', () => {
      const idx = make(2);
      expect(idx.search(unit([1, 0]), 5)).toEqual([]);
      idx.addMany([{ key: 'a', vector: unit([1, 0]) }, { key: 'b', vector: unit([0, 1]) }]);
      expect(idx.search(unit([1, 0]), 10)).toHaveLength(2);
      expect(idx.search(unit([1, 0]), 0)).toEqual([]);
    });

    test('accept keeps only the keys it allows, still the nearest of those, best first', () => {
      const idx = make(8);
      const vs = randomUnitVectors(60, 8, 11);
      idx.addMany(vs.map((vector, i) => ({ key: `k${String(i).padStart(2, '0')}`, vector })));
      const even = (key: string) => Number(key.slice(1)) % 2 === 0;
      const hits = idx.search(vs[3], 5, even);
      expect(hits).toHaveLength(5);
      expect(hits.every((h) => even(h.key))).toBe(true);
      // the allowed vectors ranked by their true cosine
      const truth = vs.map((v, i) => ({ key: `k${String(i).padStart(2, '0')}`, s: v.reduce((a, x, d) => a + x * vs[3][d], 0) })).filter((h) => even(h.key)).sort((a, b) => b.s - a.s);
      expect(hits.map((h) => h.key)).toEqual(truth.slice(0, 5).map((h) => h.key));
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
      expect(idx.search(vs[3], 5, () => false)).toEqual([]);
    });

    test('adding an existing key replaces its vector', () => {
      const idx = make(2);
      idx.add('a', unit([1, 0]));
      idx.add('b', unit([0.7, 0.7]));
      idx.add('a', unit([0, 1]));
      expect(idx.size).toBe(2);
      expect(idx.search(unit([0, 1]), 1)[0].key).toBe('a');
    });

    test('refuses a vector of the wrong dimension with BAD_REQUEST', () => {
      const idx = make(3);
      expect(() => idx.add('a', unit([1, 0]))).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    });

    test('save then load gives the same answers; keys survive', async () => {
      const vecs = randomUnitVectors(300, 16);
      const idx = make(16);
      idx.addMany(vecs.map((vector, i) => ({ key: `k${i}`, vector })));
      const file = path.join(dir, `${name}.idx`);
      await idx.save(file);
      const back = make(16);
      await back.load(file);
      expect(back.size).toBe(300);
      for (const q of vecs.slice(0, 20)) expect(back.search(q, 5).map((h) => h.key)).toEqual(idx.search(q, 5).map((h) => h.key));
      back.add('new', vecs[0]);
      expect(back.size).toBe(301);
    });

    test('save creates missing directories', async () => {
      const idx = make(4);
      idx.add('a', unit([1, 0, 0, 0]));
      const file = path.join(dir, `${name}-nested`, 'deeper', 'x.idx');
      await idx.save(file);
      const back = make(4);
      await back.load(file);
      expect(back.search(unit([1, 0, 0, 0]), 1).map((h) => h.key)).toEqual(['a']);
    });

    test('load refuses a file of another dimension, and a missing or corrupt file, with typed errors', async () => {
      const idx = make(4);
      idx.add('a', unit([1, 0, 0, 0]));
      const file = path.join(dir, `${name}-dims.idx`);
      await idx.save(file);
      await expect(make(8).load(file)).rejects.toMatchObject({ code: 'SNAPSHOT_CORRUPT' });
      await expect(make(4).load(path.join(dir, 'missing.idx'))).rejects.toMatchObject({ code: expect.stringMatching(/SNAPSHOT_/) });
      fs.writeFileSync(path.join(dir, 'junk.idx'), 'not an index');
      fs.writeFileSync(path.join(dir, 'junk.idx.keys.json'), '{"version":1,"kind":"hnsw","dimensions":4,"keys":["a"]}');
      await expect(make(4).load(path.join(dir, 'junk.idx'))).rejects.toMatchObject({ code: expect.stringMatching(/SNAPSHOT_/) });
    });
  });
}
