/** memoize: each input computed once while remembered, the oldest input forgotten first past `max`. */
import { memoize } from '../../core/memo';

test('a remembered input is not computed again; past max the oldest is computed anew, the newer kept', () => {
  const calls: string[] = [];
  const upper = memoize((s: string) => {
    calls.push(s);
    return s.toUpperCase();
  }, 2);
  expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B']);
  expect(calls).toEqual(['a', 'b']);
  upper('c'); // forgets a
  expect([upper('b'), upper('c'), upper('a')]).toEqual(['B', 'C', 'A']);
  expect(calls).toEqual(['a', 'b', 'c', 'a']);
});
