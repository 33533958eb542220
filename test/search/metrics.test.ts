import { dcg, mean, ndcgAt, precisionAt1, recallAt, reciprocalRank, scoreOne } from '../../bench/lib/metrics';

const rel = new Map([
  ['a', 2],
  ['b', 1],
  ['c', 1],
]);

test('nDCG is 1 for the ideal order and lower for a worse one', () => {
  expect(ndcgAt(['a', 'b', 'c'], rel)).toBeCloseTo(1, 10);
  expect(ndcgAt(['a', 'c', 'b', 'x'], rel)).toBeCloseTo(1, 10); // equal grades may swap
  const worse = ndcgAt(['x', 'b', 'a'], rel);
  expect(worse).toBeLessThan(1);
  // by hand: dcg = 0 + 1/log2(3) + 3/log2(4); ideal = 3 + 1/log2(3) + 1/log2(4)
  expect(worse).toBeCloseTo((1 / Math.log2(3) + 3 / 2) / (3 + 1 / Math.log2(3) + 0.5), 10);
  expect(ndcgAt([], rel)).toBe(0);
  expect(ndcgAt(['a'], new Map())).toBe(0);
});

test('dcg cuts at k', () => {
  expect(dcg([2, 2, 2], 1)).toBe(3);
});

test('recall, MRR and P@1', () => {
  expect(recallAt(['x', 'a', 'y', 'c'], rel, 10)).toBeCloseTo(2 / 3);
  expect(recallAt(['x', 'a', 'y', 'c'], rel, 2)).toBeCloseTo(1 / 3);
  expect(reciprocalRank(['x', 'y', 'b'], rel)).toBeCloseTo(1 / 3);
  expect(reciprocalRank(['x'], rel)).toBe(0);
  expect(precisionAt1(['b'], rel)).toBe(1);
  expect(precisionAt1(['x', 'a'], rel)).toBe(0);
});

test('mean averages per-query scores', () => {
  const m = mean([scoreOne(['a', 'b', 'c'], rel), scoreOne(['x'], rel)]);
  expect(m).toEqual({ ndcg10: 0.5, recall10: 0.5, mrr: 0.5, p1: 0.5, n: 2 });
});
