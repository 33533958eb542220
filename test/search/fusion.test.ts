import { fuse, rrf, weightedSum, zscoreSum } from '../../search/fusion';

describe('rrf', () => {
  test('sums reciprocal ranks with weights and reports per-list ranks', () => {
    const out = rrf(
      [
        { name: 'a', ids: ['x', 'y', 'z'] },
        { name: 'b', ids: ['y', 'w'], weight: 2 },
      ],
      1,
    );
    // y: 1/(1+2) + 2/(1+1) = 1.333; x: 1/2 = 0.5; w: 2/3 = 0.667; z: 1/4
    expect(out.map((f) => f.id)).toEqual(['y', 'w', 'x', 'z']);
    expect(out[0].score).toBeCloseTo(1 / 3 + 1, 6);
    expect(out[0].ranks).toEqual({ a: 2, b: 1 });
    expect(out.find((f) => f.id === 'w')!.ranks).toEqual({ a: null, b: 2 });
  });

  test('a document only one list ranks first still loses to one two lists rank well', () => {
    const out = rrf([
      { name: 'dense', ids: ['only-dense', 'both'] },
      { name: 'char', ids: ['both', 'only-char'] },
    ]);
    expect(out[0].id).toBe('both');
  });

  test('duplicates within a list count once, at their best rank; ties break by id', () => {
    const out = rrf([{ name: 'a', ids: ['b', 'a', 'b'] }, { name: 'c', ids: ['a', 'b'] }]);
    expect(out.map((f) => f.id)).toEqual(['a', 'b']);
    expect(out[0].ranks).toEqual({ a: 2, c: 1 });
  });

  test('empty lists give nothing', () => {
    expect(rrf([])).toEqual([]);
    expect(rrf([{ name: 'a', ids: [] }])).toEqual([]);
  });
});

describe('weightedSum', () => {
  test('min-max normalises each list before weighting', () => {
    const out = weightedSum([
      { name: 'bm25', hits: [{ id: 'a', score: 30 }, { id: 'b', score: 10 }] },
      { name: 'dense', hits: [{ id: 'b', score: 0.9 }, { id: 'a', score: 0.8 }], weight: 3 },
    ]);
    // a: 1 + 3*0 = 1; b: 0 + 3*1 = 3
    expect(out.map((f) => [f.id, f.score])).toEqual([
      ['b', 3],
      ['a', 1],
    ]);
    expect(out[0].ranks).toEqual({ bm25: 2, dense: 1 });
  });
});

describe('zscoreSum and fuse', () => {
  const lists = [
    { name: 'a', hits: [{ id: 'x', score: 10 }, { id: 'y', score: 9 }, { id: 'z', score: 1 }] },
    { name: 'b', hits: [{ id: 'y', score: 0.9 }, { id: 'z', score: 0.8 }] },
  ];

  test('z-scores put lists of any scale on one footing; absent ids get the list minimum', () => {
    const out = zscoreSum(lists);
    expect(out.map((f) => f.id)).toEqual(['y', 'x', 'z']);
    expect(out.find((f) => f.id === 'x')!.ranks).toEqual({ a: 1, b: null });
  });

  test('fuse dispatches on settings.fusion; rrf uses ranks only', () => {
    expect(fuse(lists, { fusion: 'rrf', rrfK: 1 }).map((f) => f.id)).toEqual(rrf([{ name: 'a', ids: ['x', 'y', 'z'] }, { name: 'b', ids: ['y', 'z'] }], 1).map((f) => f.id));
    expect(fuse(lists, { fusion: 'zscore', rrfK: 1 })).toEqual(zscoreSum(lists));
    expect(fuse(lists, { fusion: 'minmax', rrfK: 1 })).toEqual(weightedSum(lists));
  });
});
