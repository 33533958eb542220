/**
 * The folded view of a text, for matching only: traditional → simplified characters, full-width
 * letters and digits → ASCII, ASCII punctuation → the full-width forms Chinese plans print
 * (`(`→`（`, `,`→`，`, `;`→`；`, `:`→`：`, `[`→`［`). Always the same length as its input, so an
 * offset found in the folded text slices the original (names keep the document's own characters).
 */
import * as OpenCC from 'opencc-js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

const PUNCT: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '[': '［', ']': '］' };

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0); // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0); // Ａ-Ｚ ａ-ｚ
  return PUNCT[ch] ?? ch;
}

/** Folds a text for matching; the result has exactly the input's length. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  if (!/[\u3400-\u9fff]/.test(out)) return out;
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
