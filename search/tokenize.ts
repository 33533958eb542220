/**
 * Tokenizers are plain functions `(normalizedText) => string[]` (as in MiniSearch), so the jieba
 * word channel, the character uni+bigram channel and test tokenizers are interchangeable.
 * Input is expected to be `normalizeAligned`/`normalize` output already.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { STOPCHARS, STOPWORDS } from './knowledge/language';

export type Tokenizer = (text: string) => string[];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9%.+#]*/g;

// Question words and glue that carry no topic, removed from both sides (harmless in documents): search/knowledge/language.json

/**
 * nodejieba's dictionaries as loaded here: the default word dictionary, HMM model, user and stop
 * words, and a one-line IDF table (cppjieba loads one for extract(), which nothing here calls;
 * the default is 18 MiB of process memory). Cutting does not read it.
 */
export const JIEBA_DICTS: { idfDict?: string } = fs.existsSync(path.join(__dirname, 'jieba-idf.utf8')) ? { idfDict: path.join(__dirname, 'jieba-idf.utf8') } : {};

let jiebaLoaded = false;
function jieba(): typeof nodejieba {
  if (!jiebaLoaded) {
    nodejieba.load(JIEBA_DICTS);
    jiebaLoaded = true;
  }
  return nodejieba;
}

const userWords = new Set<string>();
const userLengths = new Map<string, number[]>(); // first character → lengths of user words starting with it, longest first

/** The longest user words of `seg`, left to right, not overlapping. */
function userWordsIn(seg: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < seg.length; ) {
    const found = userLengths.get(seg[i])?.find((n) => i + n <= seg.length && userWords.has(seg.slice(i, i + n)));
    if (found) {
      out.push(seg.slice(i, i + found));
      i += found;
    } else i++;
  }
  return out;
}

/**
 * Words from jieba (search mode: long words plus their parts), Latin words kept whole, plus the
 * graph's own names (`addUserWords`) found in the text, so "市大数据局" stays one token.
 */
export const wordTokens: Tokenizer = (text) => {
  const out: string[] = [];
  for (const seg of text.split(' ')) {
    if (!seg) continue;
    for (const w of jieba().cutForSearch(seg, true)) {
      const t = w.trim();
      if (t && !STOPWORDS.has(t) && !(t.length === 1 && STOPCHARS.has(t))) out.push(t);
    }
    if (userWords.size) for (const w of userWordsIn(seg)) if (!out.includes(w)) out.push(w);
  }
  return out;
};

/** jieba's plain cut (no search-mode parts, no stop words): where the words of a text lie. */
export const jiebaCut: Tokenizer = (text) => jieba().cut(text, false).filter((w) => w.trim()); // no HMM: unknown strings fall apart into characters

/** Where each word of `cut(text)` lies in `text`: [start, end) pairs, in order. */
export function wordSpans(text: string, cut: Tokenizer): [number, number][] {
  const spans: [number, number][] = [];
  let pos = 0;
  for (const w of cut(text)) {
    const at = text.indexOf(w, pos);
    if (at < 0) continue;
    spans.push([at, at + w.length]);
    pos = at + w.length;
  }
  return spans;
}

/** Character unigrams and bigrams of CJK runs; Latin/digit runs as whole words. */
export const charTokens: Tokenizer = (text) => {
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (!CJK.test(run[0])) {
      if (!STOPWORDS.has(run)) out.push(run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      if (!STOPCHARS.has(run[i])) out.push(run[i]);
      if (i + 1 < run.length && !(STOPCHARS.has(run[i]) && STOPCHARS.has(run[i + 1]))) out.push(run.slice(i, i + 2));
    }
  }
  return out;
};

/**
 * Teaches the word tokenizer the graph's vocabulary (unit names and aliases, application names,
 * regions). The words are matched by the tokenizer itself, never inserted into jieba's
 * dictionary: that dictionary is process-wide and also tags the words of plans at ingest
 * (entities/pos.ts), which must not depend on what a search built before it.
 */
export function addUserWords(words: Iterable<string>): number {
  let n = 0;
  for (const w of words) {
    const t = w.trim();
    if (t.length < 2 || t.length > 24 || userWords.has(t) || /\s/.test(t)) continue;
    userWords.add(t);
    const lengths = userLengths.get(t[0]) ?? [];
    if (!lengths.includes(t.length)) userLengths.set(t[0], [...lengths, t.length].sort((x, y) => y - x));
    n++;
  }
  return n;
}
