/**
 * The folded view of a text, for matching only: traditional → simplified characters, full-width
 * letters and digits → ASCII, ASCII punctuation → the full-width forms Chinese plans print
 * (`(`→`（`, `,`→`，`, `;`→`；`, `:`→`：`, `[`→`［`). Always the same length as its input, so an
 * offset found in the folded text slices the original (names keep the document's own characters).
 */
import * as OpenCC from 'opencc-js';
import { memoize } from './memo';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

const PUNCT: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '[': '［', ']': '］' };
const WIDE_OR_ASCII = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a(),;:!?[\]]/g;
const CJK = /[\u3400-\u9fff]/;

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff10 ? String.fromCharCode(c - 0xfee0) : (PUNCT[ch] ?? ch);
}

function compute(text: string): string {
  const out = text.replace(WIDE_OR_ASCII, foldChar);
  if (!CJK.test(out)) return out;
  const s = t2s(out);
  if (s.length === out.length) return s;
  // a phrase conversion changed the length: convert character by character instead
  let safe = '';
  for (const ch of out) {
    const c = ch.length === 1 ? t2s(ch) : ch;
    safe += c.length === ch.length ? c : ch;
  }
  return safe;
}

const foldShort = memoize(compute, 50_000);

/** Folds a text for matching; the result has exactly the input's length. Short strings (names, lines) are cached. */
export function fold(text: string): string {
  return text.length > 200 ? compute(text) : foldShort(text);
}
