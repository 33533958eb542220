/**
 * The search engine: understand the question, rank tasks by fused dense + keyword signals,
 * lift what the graph answers (a linked unit's or application's tasks, the named regions'
 * plans), then attach highlights and each result's neighbourhood from the GraphStore.
 */
import { createError } from '../core/errors';
import type { GraphStore } from '../graph/store';
import type { DenseIndex, KeywordIndexes } from './build';
import { dot } from './exact-index';
import type { Embedder, EmbedderStatus } from './embedder';
import { expandQuery } from './expand';
import { fuse, type Fused, type ScoredList } from './fusion';
import { highlights } from './highlight';
import { taskNeighbourhood, type SimilarTask } from './neighbourhood';
import { normalize, normalizeAligned } from './normalize';
import type { RankingSettings } from './settings';
import { denseHits, feedbackHits, keywordCoverage, keywordSignals } from './signals';
import { wordTokens } from './tokenize';
import type { Interpretation, SearchOptions, SearchResponse, SearchService, SearchStatus } from './types';
import { unlinked, type LinkedQuery } from './understand';

export const MAX_QUERY_LENGTH = 500;

export interface EngineParts {
  store: GraphStore;
  keyword: KeywordIndexes;
  dense: DenseIndex | null;
  embedder: Embedder | null;
  embedderStatus: EmbedderStatus;
  settings: RankingSettings;
}

function checkOptions(query: string, o: SearchOptions): number {
  if (typeof query !== 'string' || !query.trim()) throw createError('QUERY_EMPTY');
  if (query.length > MAX_QUERY_LENGTH) throw createError('QUERY_TOO_LONG', `查询过长（最多 ${MAX_QUERY_LENGTH} 字）/ query longer than ${MAX_QUERY_LENGTH}`);
  const k = o.k ?? 10;
  if (!Number.isInteger(k) || k < 1 || k > 50) throw createError('BAD_REQUEST', 'k 须为 1..50 的整数 / k must be an integer 1..50', { details: { k } });
  if (o.depth !== undefined && (!Number.isInteger(o.depth) || o.depth < 1 || o.depth > 3)) {
    throw createError('BAD_REQUEST', 'depth 须为 1..3 / depth must be 1..3', { details: { depth: o.depth } });
  }
  return k;
}

export class SearchEngine implements SearchService {
  constructor(private readonly parts: EngineParts) {}

  status(): SearchStatus {
    return { embedder: this.parts.embedderStatus, vectors: this.parts.dense?.vectors.size ?? 0, keywordDocs: this.parts.keyword.word.size };
  }

  /** A search over the same indexes with other ranking settings (query-time ones only; for sweeps). */
  withSettings(settings: RankingSettings): SearchEngine {
    return new SearchEngine({ ...this.parts, settings });
  }

  /**
   * Text signals fused: word and character BM25 (plus colloquial → official expansion terms),
   * dense; the dense weight rises when the question's words are not the plans' words, and the
   * query vector can take pseudo-relevance feedback from the first fusion.
   */
  async textFusion(textQuery: string, denseQuery: string, expansion: string[], notes: string[] = []): Promise<Fused[]> {
    const { keyword, dense, embedder, settings } = this.parts;
    const lists: ScoredList[] = keywordSignals(keyword, settings, textQuery, expansion);
    let denseList: ScoredList | null = null;
    let q: Float32Array | null = null;
    if (dense && embedder && denseQuery && settings.weights.dense) {
      const text = settings.expandDense && expansion.length ? `${denseQuery} ${expansion.join(' ')}` : denseQuery;
      q = await (settings.queryInstruction ? embedder.embedQuery(text) : embedder.embed([text]).then((v) => v[0])).catch((e: unknown) => {
        // the model process is down or stalled (search/supervised-embedder.ts): answer keyword + graph
        if ((e as { code?: string }).code !== 'MODEL_UNAVAILABLE') throw e;
        notes.push(`神经检索暂不可用，仅关键词+图谱 / neural search unavailable (keyword + graph only): ${(e as Error).message}`);
        return null;
      });
    }
    if (q && dense) {
      let weight = settings.weights.dense;
      if (settings.adaptive > 0) weight *= 1 + settings.adaptive * (1 - keywordCoverage(keyword, textQuery, lists.find((l) => l.name === 'word')?.hits ?? []));
      denseList = { name: 'dense', weight, hits: denseHits(q, dense, settings) };
    }
    const all = () => (denseList ? [...lists, denseList] : lists);
    let fused = fuse(all(), settings);
    if (q && dense && denseList && settings.prf.beta > 0) {
      const top = fused.slice(0, settings.prf.docs).map((f) => f.id);
      denseList = { ...denseList, hits: feedbackHits(denseList.hits, dense, top, settings.prf.beta) };
      fused = fuse(all(), settings);
    }
    const { rm3 } = settings;
    const w = lists.findIndex((l) => l.name === 'word');
    if (rm3.weight > 0 && w >= 0 && textQuery) {
      const own = keyword.word.tokenize(textQuery);
      const terms = new Map(own.map((t) => [t, 1]));
      for (const e of expansion.flatMap((x) => keyword.word.tokenize(x))) if (!terms.has(e)) terms.set(e, settings.expansion);
      const top = fused.slice(0, rm3.docs).map((f) => f.id);
      for (const f of keyword.word.feedbackTerms(top, rm3.terms, new Set(terms.keys()))) terms.set(f.term, rm3.weight * f.weight);
      lists[w] = { ...lists[w], hits: keyword.word.searchWeighted(terms, settings.fields, settings.depth) };
      fused = fuse(all(), settings);
    }
    return fused;
  }

  /** Graph answers: the tier each task earns from linked entities, and the graph's own list. */
  private async graphTiers(link: LinkedQuery): Promise<{ tiers: Map<string, number>; reason: Map<string, string> }> {
    const { store, keyword, settings } = this.parts;
    const { corpus } = keyword;
    const tiers = new Map<string, number>();
    const reason = new Map<string, string>();
    const lift = (id: string, by: number, why: string) => {
      tiers.set(id, (tiers.get(id) ?? 0) + by);
      if (!reason.has(id)) reason.set(id, why);
    };
    for (const unitId of link.units) {
      for (const ut of await store.tasksOfUnit(unitId)) {
        const isLead = ut.role === 'lead';
        if (link.role === 'lead' && !isLead) lift(ut.task.id, settings.tiers.lead, 'unit');
        else lift(ut.task.id, settings.tiers.unit + (isLead ? settings.tiers.lead : 0), 'unit');
      }
    }
    for (const appId of link.apps) {
      const name = normalizeAligned(String(corpus.apps.get(appId)?.properties.name ?? ''));
      const ids = new Set((await store.tasksOfApplication(appId)).map((t) => t.id));
      // Tasks that name the application without an IMPLEMENTS edge count too.
      if (name.length >= 2) for (const t of corpus.tasks) if (t.normText.includes(name)) ids.add(t.id);
      for (const id of ids) lift(id, settings.tiers.app / Math.max(1, link.apps.length), 'application');
    }
    if (link.regions.length || link.plans.length) {
      for (const t of corpus.tasks) {
        const region = corpus.plans.get(t.planId)?.properties.region;
        if (link.plans.includes(t.planId) || (typeof region === 'string' && link.regions.includes(region))) lift(t.id, settings.tiers.region, 'region');
      }
    }
    if (link.years.length) for (const t of corpus.tasks) if (t.years.some((y) => link.years.includes(y))) lift(t.id, settings.tiers.year, 'year');
    return { tiers, reason };
  }

  private filterOf(o: SearchOptions): (id: string) => boolean {
    const { corpus } = this.parts.keyword;
    const unitTasks = o.unit ? new Set((corpus.tasksOfUnit.get(o.unit) ?? []).map((x) => x.taskId)) : null;
    const appTasks = o.application ? new Set(corpus.tasksOfApp.get(o.application) ?? []) : null;
    return (id) => {
      const t = corpus.byId.get(id);
      if (!t) return false;
      if (o.plan && t.planId !== o.plan) return false;
      if (unitTasks && !unitTasks.has(id)) return false;
      if (appTasks && !appTasks.has(id)) return false;
      if (o.year !== undefined && !t.years.includes(o.year)) return false;
      return true;
    };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const started = performance.now();
    const k = checkOptions(query, options);
    const { keyword, dense, embedder, settings, store } = this.parts;
    // Without linking (a baseline), the whole question is text and no entity earns a tier.
    const link = settings.link ? keyword.linker.link(query) : unlinked(normalize(query));
    const textQuery = link.residual;
    const expansion = settings.expansion > 0 || settings.expandDense ? expandQuery(link.normalized) : [];
    const denseOff: string[] = [];
    const fused = await this.textFusion(textQuery, link.normalized, expansion, denseOff);
    const { tiers } = await this.graphTiers(link);
    const textScore = new Map(fused.map((f) => [f.id, f.score]));
    const graphIds = [...tiers.keys()].sort((a, b) => tiers.get(b)! - tiers.get(a)! || (textScore.get(b) ?? 0) - (textScore.get(a) ?? 0));
    const graphRank = new Map(graphIds.map((id, i) => [id, i + 1]));
    const keep = this.filterOf(options);
    const candidates = new Set([...fused.map((f) => f.id), ...graphIds]);
    const ranksOf = new Map(fused.map((f) => [f.id, f.ranks]));
    const scored = [...candidates]
      .filter(keep)
      .map((id) => ({ id, score: (tiers.get(id) ?? 0) + (textScore.get(id) ?? 0) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const ranked = link.crossPlan ? this.diversify(scored, tiers, k) : scored.slice(0, k);

    const terms = [...wordTokens(link.normalized), ...link.entities.map((e) => e.text)];
    const results = await Promise.all(
      ranked.map(async ({ id, score }) => {
        const doc = keyword.corpus.byId.get(id)!;
        const why: Record<string, number | null> = { dense: null, word: null, char: null, ...(ranksOf.get(id) ?? {}), graph: graphRank.get(id) ?? null };
        return {
          node: doc.node,
          score: Math.round(score * 1e6) / 1e6,
          why,
          highlights: highlights(doc.title, doc.text, terms),
          neighbourhood: await taskNeighbourhood(store, doc.node, this.similarTo(id), options.depth ?? 1),
        };
      }),
    );
    const notes = [...link.notes, ...denseOff];
    if (expansion.length) notes.push(`同义扩展 / expanded with: ${expansion.join(' ')}`);
    if (!embedder) notes.push(`未启用神经检索，仅关键词+图谱 / neural search off (keyword + graph only): ${this.parts.embedderStatus.reason ?? ''}`.trim());
    for (const id of link.units) if (!keyword.corpus.tasksOfUnit.get(id)?.length) notes.push(`单位 ${id} 没有任务 / unit has no tasks`);
    const graph = link.units.length + link.apps.length + link.regions.length + link.plans.length > 0;
    const mode: Interpretation['mode'] = `${graph ? 'graph+' : ''}${dense && embedder && !denseOff.length ? 'hybrid' : 'keyword'}` as Interpretation['mode'];
    return {
      query,
      took_ms: Math.round((performance.now() - started) * 100) / 100,
      interpretation: { normalized: link.normalized, tokens: wordTokens(textQuery), entities: link.entities, mode, notes },
      results,
    };
  }

  /** Greedy re-ranking for cross-plan questions: repeated plans' text scores decay, tiers stay. */
  private diversify(scored: { id: string; score: number }[], tiers: Map<string, number>, k: number): { id: string; score: number }[] {
    const { corpus } = this.parts.keyword;
    const decay = this.parts.settings.diversity;
    const pool = scored.slice(0, Math.max(k * 5, 50));
    const seen = new Map<string, number>();
    const out: { id: string; score: number }[] = [];
    while (out.length < k && pool.length) {
      let best = 0;
      let bestScore = -Infinity;
      pool.forEach((c, i) => {
        const tier = tiers.get(c.id) ?? 0;
        const s = tier + (c.score - tier) * decay ** (seen.get(corpus.byId.get(c.id)?.planId ?? '') ?? 0);
        if (s > bestScore) [best, bestScore] = [i, s];
      });
      const [pick] = pool.splice(best, 1);
      const plan = corpus.byId.get(pick.id)?.planId ?? '';
      seen.set(plan, (seen.get(plan) ?? 0) + 1);
      out.push({ id: pick.id, score: bestScore });
    }
    return out;
  }

  /** The most similar tasks of other plans (whole-task cosine), best first; memoised per task (the index is static). */
  similarTo(taskId: string, n = 3): SimilarTask[] {
    const dense = this.parts.dense;
    const { corpus } = this.parts.keyword;
    const me = corpus.byId.get(taskId);
    const v = dense?.taskVectors.get(taskId);
    if (!dense || !me || !v) return [];
    let memo = similarMemo.get(dense);
    if (!memo) similarMemo.set(dense, (memo = new Map()));
    const key = `${n}\0${taskId}`;
    let best = memo.get(key);
    if (!best) {
      // one scan over every task vector (O(tasks × dimensions)): 14 k × 512 at ×100
      const out: SimilarTask[] = [];
      for (const [id, w] of dense.taskVectors) if (corpus.byId.get(id)?.planId !== me.planId) out.push({ id, score: dot(v, w) });
      best = out.sort((a, b) => b.score - a.score).slice(0, n);
      if (memo.size >= SIMILAR_MEMO_MAX) memo.delete(memo.keys().next().value!);
      memo.set(key, best);
    }
    return best.map((s) => ({ ...s }));
  }
}

// Similar tasks per dense index (shared by engines made with withSettings); oldest dropped first.
const similarMemo = new WeakMap<DenseIndex, Map<string, SimilarTask[]>>();
const SIMILAR_MEMO_MAX = 50_000;
