/**
 * Highlight offsets: where the question's terms occur in a task's title and text. Matching runs
 * on `normalizeAligned` text, whose offsets equal the original's (UTF-16 code units).
 */
import type { Highlight } from './types';
import { memoize } from '../core/memo';
import { normalizeAligned } from './normalize';

// Results repeat (the same tasks answer many questions): their normalised texts are kept
// rather than recomputed per response (normalizeAligned was 40% of a search's time).
const normalizedOf = memoize(normalizeAligned, 4096);

/** Spans of `terms` in `text` (longest terms first, no overlaps, adjacent spans merged). */
export function findSpans(text: string, terms: string[]): { start: number; end: number }[] {
  const norm = normalizedOf(text);
  const used = new Array<boolean>(norm.length).fill(false);
  const spans: { start: number; end: number }[] = [];
  const sorted = [...new Set(terms.filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    let at = norm.indexOf(term);
    while (at >= 0) {
      let free = true;
      for (let i = at; i < at + term.length; i++) if (used[i]) free = false;
      if (free) {
        for (let i = at; i < at + term.length; i++) used[i] = true;
        spans.push({ start: at, end: at + term.length });
      }
      at = norm.indexOf(term, at + term.length);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

export function highlights(title: string, text: string, terms: string[], max = 20): Highlight[] {
  const out: Highlight[] = [
    ...findSpans(title, terms).map((s) => ({ field: 'title' as const, ...s })),
    ...findSpans(text, terms).map((s) => ({ field: 'text' as const, ...s })),
  ];
  return out.slice(0, max);
}
