/**
 * How much of a question the loaded plans hold by chance: the coverage (match.ts) that everyday
 * questions no plan answers (knowledge/ood-probes.json) reach against these plans' best tasks.
 * Few plans hold little of anything, so a threshold fitted on many plans calls the questions one
 * small plan answers foreign; measured on the plans loaded, the keyword gate scales with them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Bm25Index } from './bm25';
import { bestCoverage, questionTokens } from './match';
import { normalize } from './normalize';
import { PLAN_KINDS } from './knowledge/language';

const PROBES_FILE = path.join(__dirname, 'knowledge', 'ood-probes.json');

let probes: string[] | null = null;
export function oodProbes(): string[] {
  probes ??= (JSON.parse(fs.readFileSync(PROBES_FILE, 'utf8')) as { questions: string[] }).questions;
  return probes;
}

/** Each probe's coverage by the best of the character channel's top `depth` tasks, highest first. */
export function chanceCoverages(char: Bm25Index, fields: Record<string, number>, depth = 3): number[] {
  return oodProbes()
    .map((p) => {
      const text = normalize(p).replace(PLAN_KINDS, ' ');
      const ids = char.search(text, fields, depth).map((h) => h.id);
      return bestCoverage(char, questionTokens(text), ids);
    })
    .sort((a, b) => b - a);
}

/** The coverage `share` of the probes stay under (0.9: all but the highest tenth). */
export function chanceLevel(coverages: number[], share = 0.9): number {
  if (!coverages.length) return 0;
  const under = Math.ceil(coverages.length * share - 1e-9); // how many probes stay at or under it
  return coverages[Math.max(0, Math.min(coverages.length - 1, coverages.length - under))];
}
