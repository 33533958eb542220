/**
 * Whether the plans answer a question at all: `strong`, `weak` or `none`, from evidence that
 * does not depend on the corpus' topics — a linked entity (unit, application, plan), how much
 * of the question's own character mass the best results hold (IDF-weighted character bigrams,
 * so words the plans never use weigh most), and, with the model, the best dense cosine.
 * Thresholds live in options.ts (calibration in docs/SEARCH.md, `npx tsx bench/match.ts`).
 */
import type { Bm25Index } from './bm25';
import { QUESTION_WORDS } from './knowledge/language';
import { jiebaCut } from './tokenize';
import type { MatchThresholds } from './options';

export type Match = 'strong' | 'weak' | 'none';

export interface MatchEvidence {
  /** Units, applications or plans linked (the graph itself answers). */
  linked: boolean;
  /** Best share (0..1) of the question's IDF-weighted bigrams found in one of the top results. */
  coverage: number;
  /** Share of the question's bigrams the plans use anywhere (their vocabulary, not one task). */
  vocabulary: number;
  /** Expansion terms (table and bridge) that the best results hold. */
  expansionHits: number;
  /**
   * The question's words those terms explain: table forms (each once, however many of its terms
   * the results hold: 医院 → 医疗 就医 健康 is one word) and bridged terms.
   */
  expansionWords: number;
  /** Best dense score among the results (null without the model). */
  cosine: number | null;
  /** Content characters (CJK, Latin letters, digits) in the question's text part. */
  chars: number;
  /** The question holds Chinese characters (else it is Latin letters and digits only). */
  chinese: boolean;
}

// QUESTION_WORDS (search/knowledge/language.json): how a question is asked, not what about. Plans
// never use them, so left in they would weigh most and sink every question's coverage.

/** Character bigrams of CJK runs and whole Latin words (question words removed): the units coverage is measured in. */
export function coverageTokens(text: string): string[] {
  const out: string[] = [];
  // Latin runs as the character index holds them (5g, irs, 95%): those with a letter
  for (const m of text.replace(QUESTION_WORDS, ' ').matchAll(/[\u3400-\u9fff]+|[a-z0-9][a-z0-9%.+#]*/g)) {
    const run = m[0];
    if (!/[\u3400-\u9fff]/.test(run[0])) {
      if (run.length > 1 && /[a-z]/.test(run)) out.push(run);
      continue;
    }
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  }
  return [...new Set(out)];
}

/**
 * A question's coverage tokens taken within each of its words (jieba's cut of its Chinese runs): a
 * bigram across two words (燃气泄漏 → 气泄, 医保报销 → 保报) is no word anyone uses. Latin words stay
 * whole (the cut without HMM spells irs as i|r|s), and count only in a question without Chinese —
 * beside Chinese they are glosses (data security 数据安全). Both measures below read these.
 */
export function questionTokens(text: string): string[] {
  const runs = text.replace(QUESTION_WORDS, ' ').match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g) ?? [];
  const tokens = runs.flatMap((r) => (/[\u3400-\u9fff]/.test(r) ? jiebaCut(r).flatMap((w) => coverageTokens(w)) : coverageTokens(r)));
  const chinese = tokens.filter((t) => /[\u3400-\u9fff]/.test(t));
  return [...new Set(chinese.length ? chinese : tokens)];
}

/** The best coverage of a question's tokens (`questionTokens`) by one of `ids` in the character index. */
export function bestCoverage(char: Bm25Index, tokens: string[], ids: string[]): number {
  if (!tokens.length) return 0;
  let best = 0;
  for (const id of ids) best = Math.max(best, char.idfCovered(tokens, id));
  return best;
}

/**
 * Share of a question's tokens (`questionTokens`) that occur in any document of the character
 * index. Latin words in a question that also has Chinese are left out (glosses like "data
 * security 数据安全").
 */
export function vocabularyShare(char: Bm25Index, all: string[]): number {
  const cjk = all.filter((t) => /[\u3400-\u9fff]/.test(t));
  const tokens = cjk.length ? cjk : all;
  if (!tokens.length) return 0;
  return tokens.filter((t) => char.documentFrequency(t) > 0).length / tokens.length;
}

export function contentChars(text: string): number {
  return (text.replace(QUESTION_WORDS, ' ').match(/[\u3400-\u9fffa-z0-9]/g) ?? []).length;
}

export function classifyMatch(e: MatchEvidence, t: MatchThresholds): Match {
  if (e.linked) return 'strong';
  if (e.chars < t.minChars) return 'none';
  // Latin letters and digits none of which the plans use, and no English word read as theirs
  // (zxcvbnm 12345): nothing to answer from, whatever the cosine (bge-small-zh put that string at
  // 0.58 from a task printing VOCs)
  if (!e.chinese && e.vocabulary === 0 && e.coverage === 0 && e.expansionHits === 0) return 'none';
  const foreign = e.vocabulary < t.noneVocabulary;
  if (e.cosine !== null) {
    if (e.expansionWords < t.noneExpansionHits.model && ((foreign && e.cosine < t.noneCosine) || (e.cosine < t.floorCosine && e.coverage < t.floorCoverage))) return 'none';
    return e.coverage >= t.strongCoverage || e.cosine >= t.strongCosine ? 'strong' : 'weak';
  }
  if (foreign && e.coverage < t.noneCoverage && e.expansionHits < t.noneExpansionHits.keyword) return 'none';
  return e.coverage >= t.strongCoverage ? 'strong' : 'weak';
}
