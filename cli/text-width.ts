/**
 * Terminal column widths for plain-text tables (CLI summaries, bench reports): East-Asian wide
 * characters and emoji take two columns, combining marks none (string-width's rules).
 */
import stringWidth from 'string-width';

/** Columns `s` takes in a terminal. */
export const displayWidth = (s: string): number => stringWidth(s);

/** `s` filled with spaces to `width` columns, on the left when `right` (numbers). */
export function padTo(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(s)));
  return right ? fill + s : s + fill;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** `s` cut to at most `max` columns, ending in … when cut; never splits a character. */
export function clipTo(s: string, max: number): string {
  if (stringWidth(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = stringWidth(segment);
    if (used + w > max - 1) break; // one column kept for the ellipsis
    out += segment;
    used += w;
  }
  return `${out}…`;
}
