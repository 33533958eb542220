/**
 * Part-of-speech tagging with jieba (nodejieba `tag()`), with each word's offset in the text.
 * Quoted spans (“…”) are one nominal word tagged `q`: a quoted name is a name whatever its words.
 */
import nodejieba from 'nodejieba';
import { JIEBA_DICTS } from '../search/tokenize';

export interface Word {
  word: string;
  tag: string; // jieba's ICTCLAS tag (n, v, vn, p, m, uj, c, x …); `q` for a quoted span
  start: number; // code-unit offset
  end: number;
}

let loaded = false;
function jieba(): typeof nodejieba {
  if (!loaded) {
    try {
      nodejieba.load(JIEBA_DICTS);
    } catch {
      // already loaded by the search tokenizer (nodejieba loads once per process)
    }
    loaded = true;
  }
  return nodejieba;
}

/** Words of a text with their tags and offsets; a “…” span is one `q` word. */
export function tagWords(text: string): Word[] {
  const out: Word[] = [];
  let at = 0;
  for (const part of text.split(/(“[^“”]*”)/)) {
    if (!part) continue;
    if (part.startsWith('“') && part.endsWith('”') && part.length > 1) {
      out.push({ word: part, tag: 'q', start: at, end: at + part.length });
    } else {
      let off = at;
      for (const { word, tag } of jieba().tag(part)) {
        const i = text.indexOf(word, off);
        const start = i >= 0 && i < at + part.length ? i : off;
        out.push({ word, tag, start, end: start + word.length });
        off = start + word.length;
      }
    }
    at += part.length;
  }
  // "（CIM）", "（IRS）": a bracketed Latin abbreviation is one word of the name
  for (let i = 0; i + 2 < out.length; i++) {
    if (out[i].word === '（' && out[i + 1].tag === 'eng' && out[i + 2].word === '）') out.splice(i, 3, { word: `（${out[i + 1].word}）`, tag: 'eng', start: out[i].start, end: out[i + 2].end });
  }
  return out;
}

/** A verb that governs what follows (v, not vn: 建设/vn is read as a noun unless it opens the clause). */
export const isVerb = (w: Word): boolean => w.tag === 'v' || w.tag === 'vd' || w.tag === 'p' || w.tag === 'd';
/** A word of a noun phrase (nouns, names, adjectives as modifiers, verbal nouns, Latin, quoted). */
export const isNominal = (w: Word): boolean => /^(?:n|vn|an|b|j|l|i|s|q|eng|a|x)/.test(w.tag) && !/^[、，。；：]$/.test(w.word);
