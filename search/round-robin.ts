/** Items of each group in turn (first of every group, then the second …), groups in first-seen order: a cross-plan answer lists each plan's in turn. */
export function roundRobin<T>(items: T[], group: (t: T) => string | null): T[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const g = group(it) ?? '';
    groups.set(g, [...(groups.get(g) ?? []), it]);
  }
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const list of groups.values()) if (i < list.length) out.push(list[i]);
  return out;
}
