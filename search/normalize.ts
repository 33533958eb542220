/**
 * Text normalisation shared by documents and queries, so both sides meet on the same forms:
 * NFKC (full-width → half-width, compatibility forms), traditional → simplified Chinese,
 * lower-case Latin, punctuation and whitespace → a plain space.
 *
 * `normalizeAligned` keeps the UTF-16 length, so an offset into its output is an offset into
 * the original string (highlights are computed on normalised text and shown on the original).
 */
import * as OpenCC from 'opencc-js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

// Letters, digits, CJK ideographs and a few in-word symbols survive; the rest separates words.
const KEEP = /[\p{L}\p{N}%.+#]/u;

function normChar(ch: string): string {
  const n = ch.normalize('NFKC');
  // Multi-char expansions (e.g. "①" → "1" is fine, "㈠" → "(一)" is not) would shift offsets.
  const c = n.length === ch.length ? n : ch;
  return KEEP.test(c) ? c.toLowerCase() : ' ';
}

/** Length-preserving normalisation (offsets stay valid). */
export function normalizeAligned(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs (rare CJK extension chars) pass through as they are, two units wide.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    out += normChar(text[i]);
  }
  const simplified = t2s(out);
  return simplified.length === out.length ? simplified : out;
}

/** Normalisation for display and matching: aligned form with runs of spaces collapsed. */
export function normalize(text: string): string {
  return normalizeAligned(text).replace(/\s+/g, ' ').trim();
}

/** The character bigrams of a text as a question is read (normalised: 5G and 5g, 數據 and 数据 alike), punctuation and spaces left out. */
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const c = normalize(s).replace(/[^\u3400-\u9fffa-z0-9]/g, '');
  for (let i = 0; i + 2 <= c.length; i++) out.add(c.slice(i, i + 2));
  return out;
}
