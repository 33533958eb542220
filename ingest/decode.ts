/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or NUL pattern), else GB18030
 * (a superset of GBK) via iconv-lite. Binary input is recognised and refused.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

const SAMPLE = 64 * 1024;

/** UTF-16 without BOM: most odd (LE) or even (BE) bytes of ASCII-heavy text are NUL. */
function utf16Guess(buf: Buffer): Encoding | null {
  const n = Math.min(buf.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return 'utf-16be';
  return null;
}

/** Share of control characters (other than tab, newlines, form feed) in decoded text. */
function controlShare(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / n;
}

/** The length of the valid UTF-8 prefix when only one incomplete character ends it; -1 if invalid. */
function utf8Length(buf: Buffer): number {
  let end = buf.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 3 && (buf[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = buf[end - back - 1];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (end - back - 1 >= 0 && need > back + 1) end = end - back - 1; // a truncated last character
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return end;
  } catch {
    return -1;
  }
}

/** Decodes a document; `ok: false` for binary content (with a reason in Chinese and English). */
export function decodeDocument(input: Buffer | string): Decoded {
  let text: string;
  let encoding: Encoding;
  let utf8End: number;
  if (typeof input === 'string') {
    text = input;
    encoding = 'utf-8';
  } else if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    text = input.subarray(3).toString('utf8');
    encoding = 'utf-8';
  } else if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    encoding = input[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = iconv.decode(input.subarray(2), encoding);
  } else {
    const guess = utf16Guess(input);
    if (guess) {
      encoding = guess;
      text = iconv.decode(input, guess);
    } else if ((utf8End = utf8Length(input)) >= 0) {
      encoding = 'utf-8';
      text = input.subarray(0, utf8End).toString('utf8');
    } else {
      encoding = 'gb18030';
      text = iconv.decode(input, 'gb18030');
    }
  }
  const share = controlShare(text);
  if (share > 0.01) {
    return { ok: false, reason: `二进制或无法识别的编码 / binary or undecodable content (${(share * 100).toFixed(1)}% control characters)` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}
