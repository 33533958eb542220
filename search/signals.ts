/**
 * The text signals of one question, each a scored list of task ids (best first): BM25 over jieba
 * words and over characters (question terms weight 1, expansion terms less), and the dense
 * similarity pooled per task. Also the pieces of query-adaptive fusion: how much of the
 * question the best keyword matches cover, and pseudo-relevance feedback on the query vector.
 */
import type { DenseIndex, KeywordIndexes } from './build';
import { unitVector } from './dense-matrix';
import type { ScoredList } from './fusion';
import type { KeywordSource } from './keyword-source';
import { taskOfKey } from './passages';
import type { RankingSettings } from './settings';

type Hit = { id: string; score: number };

function weightedTerms(tokens: string[], extra: [string[], number][]): Map<string, number> {
  const terms = new Map(tokens.map((t) => [t, 1]));
  for (const [list, weight] of extra) if (weight > 0) for (const t of list) if (!terms.has(t)) terms.set(t, weight);
  return terms;
}

/** BM25 lists of the word and character channels. */
export function keywordSignals(keyword: KeywordIndexes, settings: RankingSettings, text: string, expansion: string[], bridged: string[] = []): ScoredList[] {
  if (!text && !expansion.length && !bridged.length) return [];
  const { fields, depth } = settings;
  return channels(keyword, settings).map(({ name, index, weight }) => ({ name, weight, hits: index.searchWeighted(channelTerms(index, settings, text, expansion, bridged), fields, depth) }));
}

/** The word and character channels that have a weight. */
function channels(keyword: KeywordIndexes, settings: RankingSettings) {
  const { weights } = settings;
  return ([['word', keyword.word, weights.word], ['char', keyword.char, weights.char]] as const).filter(([, , weight]) => weight).map(([name, index, weight]) => ({ name, index, weight }));
}

/** One channel's weighted terms: the question's, then expansion and bridge terms at their weights. */
function channelTerms(index: KeywordIndexes['word'], settings: RankingSettings, text: string, expansion: string[], bridged: string[]): Map<string, number> {
  return weightedTerms(index.tokenize(text), [
    [expansion.flatMap((e) => index.tokenize(e)), settings.expansion],
    [bridged.flatMap((e) => index.tokenize(e)), settings.bridge.weight],
  ]);
}

export async function keywordSignalsFrom(source: KeywordSource, keyword: KeywordIndexes, settings: RankingSettings, text: string, expansion: string[], bridged: string[] = []): Promise<ScoredList[]> {
  if (!text && !expansion.length && !bridged.length) return [];
  return Promise.all(channels(keyword, settings).map(async ({ name, index, weight }) => ({ name, weight, hits: await source.searchWeighted(name, channelTerms(index, settings, text, expansion, bridged), settings.depth) })));
}

/**
 * Share of the question's word-token IDF mass that the best of the top keyword hits contains
 * (1 = some task has every term; low = the question's words are not the plans' words).
 */
export function keywordCoverage(keyword: KeywordIndexes, text: string, top: Hit[], n = 5): number {
  const tokens = [...new Set(keyword.word.tokenize(text))];
  if (!tokens.length) return 0;
  let best = 0;
  for (const h of top.slice(0, n)) best = Math.max(best, keyword.word.idfCovered(tokens, h.id));
  return best;
}

/** Dense score per task: whole-task cosine, best passage, or their mean ('mix'). */
export async function denseHits(q: Float32Array, dense: DenseIndex, settings: RankingSettings): Promise<Hit[]> {
  if (dense.scan) return scannedHits(q, dense, dense.scan, settings);
  const best = new Map<string, number>();
  const hits = await dense.vectors.search(q, Math.min(dense.vectors.size, settings.depth * 4));
  for (const h of hits) {
    const id = taskOfKey(h.key);
    if (settings.dense === 'whole' && h.key !== id) continue;
    const was = best.get(id);
    if (was === undefined || was < h.score) best.set(id, h.score);
  }
  if (settings.dense === 'mix') {
    // mean of the whole-task cosine (exact: every task's in one pass) and the best passage cosine
    const whole = dense.taskVectors.scores(q);
    for (const [id, s] of best) {
      const row = dense.taskVectors.rowOf(id);
      if (row >= 0) best.set(id, (s + whole[row]) / 2);
    }
  }
  return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/**
 * The same pooling from one exact scan of every passage (small corpora, build.ts PassageScan):
 * the passages among the `depth × 4` best (those the index search returns) give each task its
 * best passage; 'mix' averages it with the task's whole-passage cosine from the same scan.
 */
function scannedHits(q: Float32Array, dense: DenseIndex, scan: NonNullable<DenseIndex['scan']>, settings: RankingSettings): Hit[] {
  const s = scan.matrix.scores(unitVector(q));
  const n = s.length;
  const k = Math.min(n, settings.depth * 4);
  const threshold = k < n ? Float64Array.from(s).sort()[n - k] : -Infinity;
  const best = new Float64Array(scan.whole.length).fill(-Infinity);
  for (let p = 0; p < n; p++) {
    if (s[p] < threshold) continue;
    const t = scan.task[p];
    if (settings.dense === 'whole' && scan.whole[t] !== p) continue;
    if (s[p] > best[t]) best[t] = s[p];
  }
  const hits: Hit[] = [];
  for (let t = 0; t < best.length; t++) {
    if (best[t] === -Infinity) continue;
    hits.push({ id: dense.taskVectors.keys[t], score: settings.dense === 'mix' ? (best[t] + s[scan.whole[t]]) / 2 : best[t] });
  }
  return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/**
 * Rocchio feedback without a second vector search: each task's dense score plus `beta` × the
 * cosine of its whole-task vector with the mean of the top fused tasks' vectors (the query moved
 * toward what the first fusion found; ranking-equivalent up to the passage part of 'mix').
 */
export function feedbackHits(hits: Hit[], dense: DenseIndex, topIds: string[], beta: number): Hit[] {
  const vs = topIds.map((id) => dense.taskVectors.get(id)).filter((v): v is Float32Array => !!v);
  if (!vs.length || beta <= 0) return hits;
  const c = new Float32Array(vs[0].length);
  for (const v of vs) for (let i = 0; i < c.length; i++) c[i] += v[i] / vs.length;
  const toward = dense.taskVectors.scores(c);
  return hits
    .map((h) => {
      const row = dense.taskVectors.rowOf(h.id);
      return { id: h.id, score: h.score + (row >= 0 ? beta * toward[row] : 0) };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
