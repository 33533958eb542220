/**
 * The corpus' own vocabulary, mined from the plans (never written by hand): quoted coined terms
 * (“一件事”, “非粮化”, “无废城市”), section headings, application names the tasks mention, and
 * the words of the plans. Three uses, each general:
 *
 * - **bridge**: with the model, terms whose vector is close to the question's join the query
 *   (everyday wording → the plans' terms, e.g. 办事不用来回跑 → 最多跑一次), but only when the term
 *   co-occurs in some task with another word of the question (it agrees with the rest of it), and
 *   never when the question already holds that term or an official term containing it;
 * - **exact**: coined terms found verbatim in the question name the tasks that use them;
 * - **correct**: a 3–4 character span of the question found nowhere in the plans that is one
 *   character away from exactly one plan word (浙里半 → 浙里办, 数子化 → 数字化).
 */
import type { Corpus } from './corpus';
import { headingText, nodeName } from './corpus';
import { FUNCTION_CHARS } from './knowledge/language';
import { memoize } from '../core/memo';
import { homophones } from '../core/pinyin';
import { normalize } from './normalize';
import { wordSpans, type Tokenizer } from './tokenize';

export interface Term {
  text: string; // normalised, no spaces
  kind: 'quoted' | 'heading' | 'application';
  tasks: string[]; // ids of the tasks whose text holds the term
}

export interface Correction {
  from: string;
  to: string;
}

const CJK_RUN = /[\u3400-\u9fff]+/g;
const QUOTED = /[“"「『]([^”"」』\n]{2,12})[”"」』]/g;

const compact = (s: string) => normalize(s).replace(/ /g, '');


export class Vocabulary {
  readonly terms: Term[] = [];
  private readonly byText = new Map<string, Term>();
  private readonly grams = new Set<string>(); // every CJK 3- and 4-gram of the plans' text
  private readonly words = new Map<number, Map<string, number>>(); // length → plan word → document frequency
  // plan words by each one-character mask: 浙里办 under "?里办", "浙?办", "浙里?" (built on first use)
  private masked: Map<string, { word: string; df: number; where: number }[]> | null = null;
  private readonly wordTasks = new Map<string, Set<string>>(); // question-side word → tasks (co-occurrence)

  constructor(private readonly corpus: Corpus, private readonly tokenize: Tokenizer, private readonly cut: Tokenizer = tokenize) {
    const add = (raw: string, kind: Term['kind']) => {
      const text = compact(raw);
      if (text.length < 2 || text.length > 16 || this.byText.has(text)) return;
      const tasks = corpus.tasks.filter((t) => t.compactText.includes(text)).map((t) => t.id);
      if (!tasks.length) return;
      const term: Term = { text, kind, tasks };
      this.byText.set(text, term);
      this.terms.push(term);
    };
    for (const t of corpus.tasks) {
      for (const m of `${t.title}\n${t.text}`.matchAll(QUOTED)) add(m[1], 'quoted');
      for (const h of t.section) add(headingText(h), 'heading');
      // quotation marks are typography, not a break between characters: “浙里办”日活 holds the 4-gram 浙里办日
      const body = t.compactText.replace(/[“”"‘’'《》「」『』〈〉]/g, '');
      for (const run of body.match(CJK_RUN) ?? []) {
        for (const n of [3, 4]) for (let i = 0; i + n <= run.length; i++) this.grams.add(run.slice(i, i + n));
      }
      const seen = new Set<string>();
      for (const w of tokenize(t.normText)) {
        if (seen.has(w)) continue;
        seen.add(w);
        let tasks = this.wordTasks.get(w);
        if (!tasks) this.wordTasks.set(w, (tasks = new Set()));
        tasks.add(t.id);
        if (/^[\u3400-\u9fff]{3,4}$/.test(w)) {
          let m = this.words.get(w.length);
          if (!m) this.words.set(w.length, (m = new Map()));
          m.set(w, (m.get(w) ?? 0) + 1);
        }
      }
    }
    for (const app of corpus.apps.values()) add(nodeName(app), 'application');
    // coined terms and names are plan words too (jieba may not know 一网通办 as one word)
    for (const t of this.terms) {
      if (!/^[\u3400-\u9fff]{3,4}$/.test(t.text)) continue;
      let m = this.words.get(t.text.length);
      if (!m) this.words.set(t.text.length, (m = new Map()));
      m.set(t.text, Math.max(m.get(t.text) ?? 0, t.tasks.length));
    }
  }

  /** Terms found verbatim in the (normalised) question, longest first, none inside another. */
  inQuestion(normalized: string, kinds: Term['kind'][] = ['quoted', 'application']): Term[] {
    const q = normalized.replace(/ /g, '');
    const found = this.terms.filter((t) => kinds.includes(t.kind) && t.text.length >= 2 && q.includes(t.text)).sort((a, b) => b.text.length - a.text.length);
    const out: Term[] = [];
    for (const t of found) if (!out.some((o) => o.text.includes(t.text))) out.push(t);
    return out;
  }

  /**
   * What the question itself puts in quotes or title marks (“链长制”, "一件事", 《…》), as the
   * plans print it: spans of 2–16 characters that some task holds verbatim (spaces aside).
   */
  quotedIn(query: string): string[] {
    const out: string[] = [];
    for (const m of query.matchAll(/[“"「『《‘']([^“”"「」『』《》‘’'\n]{2,40})[”"」』》’']/g)) {
      const t = compact(m[1]);
      if (t.length >= 2 && t.length <= 16 && !out.includes(t) && this.uses(t)) out.push(t);
    }
    return out;
  }

  /** Some task's text holds `text` (spaces aside): the plans use it. */
  uses(text: string): boolean {
    return this.holding(compact(text)).length > 0;
  }

  /** The ids of the tasks whose text holds `text` (compact), one scan per text remembered. */
  private readonly holding = memoize((text: string) => this.corpus.tasks.filter((t) => t.compactText.includes(text)).map((t) => t.id), 4096);

  /** How many tasks hold the plan word `w` (a token of the word channel); 0 when the plans never use it. */
  tasksWith(w: string): number {
    return this.wordTasks.get(w)?.size ?? 0;
  }

  /** Some task holds `text` (spaces aside) and one of `words` (plan words not inside it). */
  cooccurs(text: string, words: string[]): boolean {
    const others = words.map((w) => this.wordTasks.get(w)).filter((x): x is Set<string> => !!x);
    return others.length > 0 && this.holding(compact(text)).some((id) => others.some((o) => o.has(id)));
  }

  /** Some task holds both plan words. */
  together(a: string, b: string): boolean {
    const [x, y] = [this.wordTasks.get(a), this.wordTasks.get(b)];
    if (!x || !y) return false;
    const [small, large] = x.size <= y.size ? [x, y] : [y, x];
    for (const id of small) if (large.has(id)) return true;
    return false;
  }

  /**
   * Bridge candidates (term index → cosine) that pass the two checks: not already in the
   * question (nor inside an official term it holds), and co-occurring in a task with one of
   * the question's own topic words (its residual: linked units, regions and years are not topic).
   */
  agreeing(normalized: string, residual: string, candidates: { index: number; score: number }[], linked: string[] = []): { term: Term; score: number }[] {
    const q = normalized.replace(/ /g, '');
    const present = this.terms.filter((t) => q.includes(t.text));
    // the question's own topic words: the residual (units, regions, years taken out by linking), less
    // what was linked in it (牵头 is a role: 安吉县大数据发展中心牵头哪些任务 bridged to a platform by it)
    const own = [...new Set(this.tokenize(residual))].filter((w) => w.length >= 2 && this.wordTasks.has(w) && !linked.includes(w));
    const out: { term: Term; score: number }[] = [];
    for (const c of candidates) {
      const term = this.terms[c.index];
      if (!term || q.includes(term.text) || present.some((p) => p.text.includes(term.text) || term.text.includes(p.text))) continue;
      if (linked.some((l) => l.length >= 2 && term.text.includes(l))) continue; // the question's units/regions are not its topic
      const agrees = own.some((w) => !term.text.includes(w) && term.tasks.some((id) => this.wordTasks.get(w)!.has(id)));
      if (agrees) out.push({ term, score: c.score });
    }
    return out;
  }

  /**
   * One-character corrections: each 3–4 character span of the question's CJK runs that occurs
   * nowhere in the plans, replaced by the single most frequent plan word of the same length that
   * differs from it in exactly one position (ties: no correction).
   */
  corrections(normalized: string): Correction[] {
    const out: Correction[] = [];
    const used: [number, number][] = [];
    // where the question's own words lie (jieba on the whole question): a span's edge character
    // that belongs to a word reaching outside the span is part of that word, not a typo
    const cut = wordSpans(normalized, this.cut);
    const partOfOuterWord = (i: number, a: number, b: number) => cut.some(([s, e]) => e - s >= 2 && s <= i && i < e && (s < a || e > b));
    const inLongWord = (j: number) => cut.some(([s, e]) => e - s >= 2 && s <= j && j < e);
    // a span that reads as the question's words and a one-character word at its edge (满意|想,
    // 嘉兴|到, 城市|建设|上) is plain text, whatever plan word it is one character from
    const wordsAndChar = (i: number, a: number, b: number) => {
      if ((i !== a && i !== b - 1) || !cut.some(([s, e]) => s === i && e === i + 1)) return false;
      for (let j = a; j < b; j++) if (j !== i && !inLongWord(j)) return false;
      return true;
    };
    for (const m of normalized.matchAll(CJK_RUN)) {
      const run = m[0];
      for (const n of [4, 3]) {
        for (let i = 0; i + n <= run.length; i++) {
          const span = run.slice(i, i + n);
          const at = m.index + i;
          if (this.grams.has(span) || used.some(([a, b]) => at < b && at + n > a)) continue;
          // plan words one character away (the span itself is no plan word: it is no 3/4-gram of the plans)
          const near: { word: string; df: number; where: number }[] = [];
          for (let j = 0; j < n; j++) near.push(...(this.maskIndex().get(maskAt(span, j)) ?? []));
          if (!near.length) continue;
          // words of two or more characters all through (市场/监督): real words the plans do not use, no
          // typo, unless the character sounds like the plan word's (感事/画像 for 干事画像: pinyin input)
          const words = this.cut(span).every((w) => w.length >= 2);
          let best: string | null = null;
          let bestDf = 0;
          let tie = false;
          for (const { word: w, df, where } of near) {
            // a function character (和, 在, 被 …), a character of a neighbouring word or one beside a whole
            // word is no typo, unless it sounds like the plan word's (一网通|半 for 一网通办: pinyin input)
            if (FUNCTION_CHARS.has(span[where]) || partOfOuterWord(at + where, at, at + n)) continue;
            if ((words || wordsAndChar(at + where, at, at + n)) && !homophones(span[where], w[where])) continue;
            if (df > bestDf) [best, bestDf, tie] = [w, df, false];
            else if (df === bestDf) tie = true;
          }
          if (best && !tie) {
            out.push({ from: span, to: best });
            used.push([at, at + n]);
          }
        }
      }
    }
    return out;
  }

  /** Plan words of 3–4 characters used in two tasks or more, under each of their one-character masks. */
  private maskIndex(): Map<string, { word: string; df: number; where: number }[]> {
    if (this.masked) return this.masked;
    const index = new Map<string, { word: string; df: number; where: number }[]>();
    // plan words used in two tasks or more, and the coined names plans put in quotes (指尖大院), however rare
    const candidates = new Map<string, number>();
    for (const vocab of this.words.values()) for (const [word, df] of vocab) if (df >= 2) candidates.set(word, df);
    for (const t of this.terms) if (t.kind === 'quoted' && /^[\u3400-\u9fff]{3,4}$/.test(t.text)) candidates.set(t.text, Math.max(candidates.get(t.text) ?? 0, t.tasks.length));
    for (const [word, df] of candidates) {
      for (let where = 0; where < word.length; where++) {
        const key = maskAt(word, where);
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push({ word, df, where });
      }
    }
    return (this.masked = index);
  }
}

/** `s` with its character at `at` replaced by a mark no text holds. */
const maskAt = (s: string, at: number): string => `${s.slice(0, at)}\u0000${s.slice(at + 1)}`;

/** The question with its corrections applied. */
export function applyCorrections(normalized: string, corrections: Correction[]): string {
  let out = normalized;
  for (const c of corrections) out = out.replace(c.from, c.to);
  return out;
}
