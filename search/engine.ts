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
import { rrf, type RankedList } from './fusion';
import { highlights } from './highlight';
import { taskNeighbourhood, type SimilarTask } from './neighbourhood';
import { normalizeAligned } from './normalize';
import { taskOfKey } from './passages';
import type { RankingSettings } from './settings';
import { wordTokens } from './tokenize';
import type { Interpretation, SearchOptions, SearchResponse, SearchService, SearchStatus } from './types';
import type { LinkedQuery } from './understand';

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

  /** Text signals only (dense, word, char), each a ranked list of task ids. */
  async textSignals(textQuery: string, denseQuery: string): Promise<RankedList[]> {
    const { keyword, dense, embedder, settings } = this.parts;
    const { depth, weights, fields } = settings;
    const lists: RankedList[] = [];
    if (textQuery) {
      lists.push({ name: 'word', weight: weights.word, ids: keyword.word.search(textQuery, fields, depth).map((h) => h.id) });
      lists.push({ name: 'char', weight: weights.char, ids: keyword.char.search(textQuery, fields, depth).map((h) => h.id) });
    }
    if (dense && embedder && denseQuery) {
      const q = settings.queryInstruction ? await embedder.embedQuery(denseQuery) : (await embedder.embed([denseQuery]))[0];
      lists.push({ name: 'dense', weight: weights.dense, ids: this.densePooled(q, dense) });
    }
    return lists;
  }

  private densePooled(q: Float32Array, dense: DenseIndex): string[] {
    const mode = this.parts.settings.dense;
    const best = new Map<string, number>();
    const hits = dense.vectors.search(q, Math.min(dense.vectors.size, this.parts.settings.depth * 4));
    for (const h of hits) {
      if (mode === 'whole' && h.key !== taskOfKey(h.key)) continue;
      const id = taskOfKey(h.key);
      if (!best.has(id) || best.get(id)! < h.score) best.set(id, h.score);
    }
    if (mode === 'mix') {
      // mean of the whole-task cosine (exact; few hundred tasks) and the best passage cosine
      for (const [id, s] of best) {
        const v = dense.taskVectors.get(id);
        if (v) best.set(id, (s + dot(q, v)) / 2);
      }
    }
    return [...best].sort((a, b) => b[1] - a[1]).map(([id]) => id);
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
    const linked = keyword.linker.link(query);
    // Without linking (a baseline), the whole question is text and no entity earns a tier.
    const link = settings.link ? linked : { ...linked, residual: linked.normalized, units: [], apps: [], plans: [], regions: [], years: [], role: null, crossPlan: false, entities: [], notes: [] };
    const textQuery = link.residual;
    const lists = await this.textSignals(textQuery, link.normalized);
    const fused = rrf(lists, settings.rrfK);
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
    const notes = [...link.notes];
    if (!embedder) notes.push(`未启用神经检索，仅关键词+图谱 / neural search off (keyword + graph only): ${this.parts.embedderStatus.reason ?? ''}`.trim());
    for (const id of link.units) if (!keyword.corpus.tasksOfUnit.get(id)?.length) notes.push(`单位 ${id} 没有任务 / unit has no tasks`);
    const graph = link.units.length + link.apps.length + link.regions.length + link.plans.length > 0;
    const mode: Interpretation['mode'] = `${graph ? 'graph+' : ''}${dense && embedder ? 'hybrid' : 'keyword'}` as Interpretation['mode'];
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

  /** The most similar tasks of other plans (whole-task cosine), best first. */
  similarTo(taskId: string, n = 3): SimilarTask[] {
    const dense = this.parts.dense;
    const { corpus } = this.parts.keyword;
    const me = corpus.byId.get(taskId);
    const v = dense?.taskVectors.get(taskId);
    if (!dense || !me || !v) return [];
    const out: SimilarTask[] = [];
    for (const [id, w] of dense.taskVectors) if (corpus.byId.get(id)?.planId !== me.planId) out.push({ id, score: dot(v, w) });
    return out.sort((a, b) => b.score - a.score).slice(0, n);
  }
}
