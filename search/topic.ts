/**
 * The one rule by which a question's topic narrows what a graph answer lists (targets, tasks due,
 * applications): the items whose text shares most of the topic's character bigrams — at least half
 * the best item's overlap — in their own order, each with its overlap.
 */
import { bigrams } from './normalize';

export function onTopic<T>(items: T[], topic: Set<string>, textOf: (item: T) => string): { best: number; matches: { item: T; s: number }[] } {
  const scored = items.map((item) => {
    const own = bigrams(textOf(item));
    return { item, s: [...topic].filter((b) => own.has(b)).length };
  });
  const best = Math.max(0, ...scored.map((x) => x.s));
  return { best, matches: best > 0 ? scored.filter((x) => x.s * 2 >= best) : [] };
}
