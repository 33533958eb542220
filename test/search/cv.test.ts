import { bestOn, crossValidate, gridOf } from '../../bench/lib/cv';

describe('cross-validation of ranking settings', () => {
  // q1..q4 of two types; "peaked" is perfect on q1 only, "steady" is good everywhere.
  const input = {
    ids: ['q1', 'q2', 'q3', 'q4'],
    types: ['a', 'a', 'b', 'b'],
    scores: { steady: [0.8, 0.8, 0.8, 0.8], peaked: [1, 0.2, 0.9, 0.3] },
  };

  test('bestOn picks the best mean on the given questions, the first on ties', () => {
    expect(bestOn(input, [0])).toBe('peaked');
    expect(bestOn(input, [0, 1, 2, 3])).toBe('steady');
    expect(bestOn({ ...input, scores: { one: [1, 1, 1, 1], two: [1, 1, 1, 1] } }, [0, 1])).toBe('one');
  });

  test('held-out scores come from the configuration chosen without the question', () => {
    const [twoFold, byType] = crossValidate(input);
    // 2-fold: halves {q1,q3} and {q2,q4}; peaked wins on {q1,q3} (0.95) and is then scored on q2,q4.
    expect(twoFold.chosen).toEqual(['steady', 'peaked']);
    expect(twoFold.ndcg10).toBeCloseTo((0.8 + 0.2 + 0.8 + 0.3) / 4, 9);
    expect(byType.scheme).toMatch(/leave-one-type-out \(2 folds\)/);
    expect(byType.chosen).toEqual(['steady', 'steady']);
    expect(byType.ndcg10).toBeCloseTo(0.8, 9);
  });

  test('gridOf names every point of the product of the axes', () => {
    const g = gridOf({ a: [0, 1], b: [true, false] }, (p) => ({ rrfK: (p.a as number) + 1 }));
    expect(Object.keys(g)).toEqual(['a=0 b=true', 'a=0 b=false', 'a=1 b=true', 'a=1 b=false']);
    expect(g['a=1 b=false']).toEqual({ rrfK: 2 });
  });
});
