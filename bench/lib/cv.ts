/**
 * Cross-validated choice of ranking settings: every configuration of a grid is scored per
 * question once; then, per fold, the configuration best on the training questions is scored on
 * the held-out ones. Folds: stratified 2-fold (alternate questions of each type, both ways) and
 * leave-one-type-out. The CV nDCG@10 is the mean of each question's held-out score, so it says
 * what tuning on this set is worth on questions it did not see.
 */
import type { RankingSettings } from '../../search/settings';

export type Grid = Record<string, Partial<RankingSettings>>;

export interface CvInput {
  ids: string[]; // question ids
  types: string[]; // question types, same order
  scores: Record<string, number[]>; // config name → nDCG@10 per question, same order
}

export interface CvResult {
  scheme: string;
  ndcg10: number; // mean held-out nDCG@10
  chosen: string[]; // configuration picked in each fold
}

/** The full grid of a few axes (each axis: name → values), named like "expansion=0.5 prf.beta=0.3". */
export function gridOf(axes: Record<string, unknown[]>, build: (point: Record<string, unknown>) => Partial<RankingSettings>): Grid {
  let points: Record<string, unknown>[] = [{}];
  for (const [axis, values] of Object.entries(axes)) points = points.flatMap((p) => values.map((v) => ({ ...p, [axis]: v })));
  return Object.fromEntries(points.map((p) => [Object.entries(p).map(([k, v]) => `${k}=${String(v)}`).join(' '), build(p)]));
}

const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Best configuration on the given question indexes (ties: the first in grid order). */
export function bestOn(input: CvInput, idx: number[]): string {
  let best = '';
  let bestScore = -Infinity;
  for (const [name, s] of Object.entries(input.scores)) {
    const m = meanOf(idx.map((i) => s[i]));
    if (m > bestScore + 1e-12) [best, bestScore] = [name, m];
  }
  return best;
}

function heldOut(input: CvInput, folds: number[][], scheme: string): CvResult {
  const held = new Array<number>(input.ids.length).fill(0);
  const chosen: string[] = [];
  const all = input.ids.map((_, i) => i);
  for (const test of folds) {
    const train = all.filter((i) => !test.includes(i));
    const name = bestOn(input, train);
    chosen.push(name);
    for (const i of test) held[i] = input.scores[name][i];
  }
  return { scheme, ndcg10: meanOf(held), chosen };
}

/** Stratified 2-fold and leave-one-type-out cross-validation of the grid. */
export function crossValidate(input: CvInput): CvResult[] {
  const byType = new Map<string, number[]>();
  input.types.forEach((t, i) => byType.set(t, [...(byType.get(t) ?? []), i]));
  const halves: number[][] = [[], []];
  for (const idx of byType.values()) idx.forEach((i, j) => halves[j % 2].push(i));
  const types = [...byType.values()];
  return [heldOut(input, halves, '2-fold (stratified by type)'), heldOut(input, types, `leave-one-type-out (${types.length} folds)`)];
}
