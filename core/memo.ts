/**
 * A pure function of a string, remembered for the last `max` distinct inputs (the oldest is
 * forgotten first): names, lines and task texts that come back on every document or answer are
 * computed once. Only for functions whose result depends on the input alone.
 */
export function memoize<T>(compute: (input: string) => T, max: number): (input: string) => T {
  const memo = new Map<string, T>();
  return (input) => {
    let value = memo.get(input);
    if (value === undefined) {
      value = compute(input);
      if (memo.size >= max) memo.delete(memo.keys().next().value!);
      memo.set(input, value);
    }
    return value;
  };
}
