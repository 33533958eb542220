/**
 * Query expansion from everyday words to the official vocabulary plans use ("老百姓" → 群众/公众,
 * "看病" → 医疗). The table is data (search/knowledge/colloquial.json, format in
 * search/knowledge/README.md); the engine takes any `Expansion`, so a table for another language
 * register or none at all (`NO_EXPANSION`) plugs in the same way. Expansion terms join the keyword
 * query at a lower weight than the question's own words (settings.expansion).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createError } from '../core/errors';
import { jiebaCut, wordSpans, type Tokenizer } from './tokenize';

/** A colloquial form found in a question and the official terms it reads as. */
export interface ExpansionMatch {
  form: string;
  terms: string[];
}

/** Turns a normalised question into extra official terms (none already in the question). */
export interface Expansion {
  readonly name: string;
  /** Each form found, with its terms: how many of the question's words an answer explains (match.ts). */
  matches(normalized: string): ExpansionMatch[];
  /** The terms of all forms found, once each. */
  expand(normalized: string): string[];
}

/** The terms of matches, once each, in order. */
export const termsOf = (matches: ExpansionMatch[]): string[] => [...new Set(matches.flatMap((m) => m.terms))];

export interface ExpansionEntry {
  forms: string[];
  terms: string[];
}

interface ExpansionFile {
  format: string;
  version: number;
  entries: ExpansionEntry[];
}

export const FORMAT = 'kg-colloquial-expansion';
export const DEFAULT_TABLE = path.join(__dirname, 'knowledge', 'colloquial.json');

/** No expansion at all. */
export const NO_EXPANSION: Expansion = { name: 'none', matches: () => [], expand: () => [] };

/**
 * A table of colloquial forms → official terms. Longest forms are matched first and each span
 * of the question is used once; a one-character form counts only as a word of its own in jieba's
 * cut of the question (钱 in 公家的钱, not in 欠钱); terms already in the question are left out.
 */
export function tableExpansion(entries: ExpansionEntry[], name = 'table', cut: Tokenizer = jiebaCut): Expansion {
  const candidates = entries.flatMap((e) => e.forms.map((f) => ({ form: f, terms: e.terms }))).sort((a, b) => b.form.length - a.form.length);
  const matches = (normalized: string): ExpansionMatch[] => {
      const compact = normalized.replace(/\s+/g, '');
      const taken = new Array<boolean>(compact.length).fill(false);
      // a one-character form is that word only as a word of its own (欠钱 is no 钱, 公家的钱 is); the cut only when one is found
      let words: [number, number][] | null = null;
      const insideWord = (at: number, n: number) => n === 1 && (words ??= wordSpans(compact, cut)).some(([s, e]) => s <= at && at + n <= e && e - s > n);
      const out: ExpansionMatch[] = [];
      for (const { form, terms } of candidates) {
        let at = compact.indexOf(form);
        while (at >= 0 && (taken.slice(at, at + form.length).some(Boolean) || insideWord(at, form.length))) at = compact.indexOf(form, at + 1);
        if (at < 0) continue;
        for (let i = at; i < at + form.length; i++) taken[i] = true;
        const own = terms.filter((t) => !compact.includes(t));
        if (own.length) out.push({ form, terms: own });
      }
      return out;
  };
  return { name, matches, expand: (normalized) => termsOf(matches(normalized)) };
}

/**
 * Expansion of the question's own words only: each piece (`LinkedQuery.ownWords`) cut again at the
 * official terms it holds as words (the plans' quoted terms, headings, application names, where they
 * begin and end at word boundaries of the question: 网上办事 holds no “网上办”), so that no form is
 * read inside a name or a term (社保 in 嘉兴市人力社保局, 网络 in …网络理政办公室); terms the whole
 * question already holds are left out.
 */
export function expandOwnWords(expansion: Expansion, pieces: string[], official: string[], question: string, cut: Tokenizer = jiebaCut): ExpansionMatch[] {
  const terms = official.filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);
  const whole = question.replace(/\s+/g, '');
  const out = new Map<string, Set<string>>(); // form → its terms
  for (const piece of pieces.map((p) => p.replace(/\s+/g, ''))) {
    const inTerm = new Array<boolean>(piece.length).fill(false);
    const held = terms.filter((t) => piece.includes(t));
    if (held.length) {
      const edges = new Set(wordSpans(piece, cut).flat());
      for (const t of held) {
        for (let at = piece.indexOf(t); at >= 0; at = piece.indexOf(t, at + 1)) {
          if (edges.has(at) && edges.has(at + t.length)) for (let i = at; i < at + t.length; i++) inTerm[i] = true;
        }
      }
    }
    const fragments = [...piece].map((ch, i) => (inTerm[i] ? '\n' : ch)).join('').split('\n');
    for (const f of fragments) {
      if (!f) continue;
      for (const m of expansion.matches(f)) for (const t of m.terms) if (!whole.includes(t)) out.set(m.form, (out.get(m.form) ?? new Set()).add(t));
    }
  }
  return [...out].map(([form, terms]) => ({ form, terms: [...terms] }));
}

/** Reads and checks a table file (refused with a clear error when malformed). */
export function loadExpansion(file: string = DEFAULT_TABLE): Expansion {
  let data: ExpansionFile;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as ExpansionFile;
  } catch (e) {
    throw createError('BAD_REQUEST', `扩展词表无法读取 / cannot read expansion table ${file}`, { cause: e });
  }
  const ok = data && data.format === FORMAT && data.version === 1 && Array.isArray(data.entries)
    && data.entries.every((e) => Array.isArray(e.forms) && Array.isArray(e.terms) && [...e.forms, ...e.terms].every((s) => typeof s === 'string' && s.length > 0));
  if (!ok) throw createError('BAD_REQUEST', `扩展词表格式不符 / expansion table ${file} is not ${FORMAT} version 1`);
  return tableExpansion(data.entries, path.basename(file, '.json'));
}

let defaultTable: Expansion | null = null;

/** The shipped table (read once). */
export function defaultExpansion(): Expansion {
  defaultTable ??= loadExpansion(DEFAULT_TABLE);
  return defaultTable;
}

/** Expansion with the shipped table (kept for callers that only need the function). */
export function expandQuery(normalized: string): string[] {
  return defaultExpansion().expand(normalized);
}
