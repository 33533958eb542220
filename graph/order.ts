import { relKey, type GraphRelationship } from './model';

/** Code-unit order of two strings (what `<` gives): the order every store lists ids and keys in. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Nodes (or anything with an id) in id order. */
export const byId = (a: { id: string }, b: { id: string }): number => compareStrings(a.id, b.id);

/** `rels` sorted by relKey, each key computed once. */
export function sortByRelKey<R extends GraphRelationship>(rels: R[]): R[] {
  return rels
    .map((r) => ({ k: relKey(r), r }))
    .sort((a, b) => compareStrings(a.k, b.k))
    .map((x) => x.r);
}
