/**
 * The search engine: understand the question, rank tasks by fused dense + keyword signals,
 * lift what the graph answers (a linked unit's or application's tasks, the named regions'
 * plans), then attach highlights and each result's neighbourhood from the GraphStore.
 */
import { createError } from '../core/errors';
import type { GraphStore } from '../graph/store';
import { GraphAnswers } from './answers';
import { isAppKind } from './app-list-answer';
import type { DenseIndex, KeywordIndexes } from './build';
import { leads, ownHeading } from './corpus';
import type { Embedder, EmbedderStatus } from './embedder';
import { expandOwnWords, termsOf, type Expansion } from './expand';
import { fuse, type Fused, type ScoredList } from './fusion';
import { highlights } from './highlight';
import { bestCoverage, classifyMatch, contentChars, questionTokens, vocabularyShare, type MatchEvidence } from './match';
import { taskNeighbourhood, type SimilarTask } from './neighbourhood';
import { normalize, normalizeAligned } from './normalize';
import type { SearchOptionsConfig } from './options';
import type { RankingSettings } from './settings';
import type { KeywordSource } from './keyword-source';
import { denseHits, feedbackHits, keywordCoverage, keywordSignals, keywordSignalsFrom } from './signals';
import type { Interpretation, NearestTopic, SearchOptions, SearchResponse, SearchService, SearchStatus } from './types';
import { contentOf, unlinked, type LinkedQuery } from './understand';
import { applyCorrections } from './vocabulary';
import { PLAN_KINDS, ROLE_WORDS, TARGET_CUES } from './knowledge/language';
import { chanceCoverages, chanceLevel } from './chance';
import type { Glossary, Translation } from './glossary';

export interface EngineParts {
  store: GraphStore;
  keyword: KeywordIndexes;
  dense: DenseIndex | null;
  embedder: Embedder | null;
  embedderStatus: EmbedderStatus;
  settings: RankingSettings;
  expansion: Expansion;
  /** English words of a question → the plans' Chinese words (CC-CEDICT; search/glossary.ts). */
  glossary?: Glossary;
  options: SearchOptionsConfig;
  /** Keyword candidates from elsewhere (Neo4j's fulltext index) instead of keyword.word/char. */
  keywordSource?: KeywordSource;
}

/** What the text side of one question produced. */
export interface TextFusion {
  fused: Fused[];
  /** Best dense score of any task (null without the model). */
  cosine: number | null;
  /**
   * The best dense score of another text of the question, for the match gate only, computed on
   * demand (memoized; the query vector's own text costs no embedding): the question as asked (its
   * question words kept), or without the kinds of plan it names. Null without the model.
   */
  cosineOf: (text: string) => Promise<number | null>;
  /** Plan terms the vocabulary bridge added. */
  bridged: string[];
  /** The expansion terms the query vector was computed with (empty without the model). */
  inVector: string[];
}

function checkOptions(query: string, o: SearchOptions, limits: SearchOptionsConfig['limits']): { k: number; offset: number } {
  if (typeof query !== 'string' || !query.trim()) throw createError('QUERY_EMPTY');
  const chars = [...query.trim()].length;
  if (chars > limits.queryMaxChars) throw createError('QUERY_TOO_LONG', `查询过长（${chars} 字，最多 ${limits.queryMaxChars}）/ query too long (${chars} > ${limits.queryMaxChars} characters)`);
  const k = o.k ?? limits.kDefault;
  if (!Number.isInteger(k) || k < limits.kMin || k > limits.kMax) throw createError('BAD_REQUEST', `k 须为 ${limits.kMin}..${limits.kMax} 的整数 / k must be an integer ${limits.kMin}..${limits.kMax}`, { details: { k } });
  const offset = o.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > limits.offsetMax) throw createError('BAD_REQUEST', `offset 须为 0..${limits.offsetMax} 的整数 / offset must be an integer 0..${limits.offsetMax}`, { details: { offset } });
  if (o.depth !== undefined && (!Number.isInteger(o.depth) || o.depth < limits.depthMin || o.depth > limits.depthMax)) {
    throw createError('BAD_REQUEST', `depth 须为 ${limits.depthMin}..${limits.depthMax} / depth must be ${limits.depthMin}..${limits.depthMax}`, { details: { depth: o.depth } });
  }
  return { k, offset };
}

export class SearchEngine implements SearchService {
  private readonly answers: GraphAnswers;

  constructor(private readonly parts: EngineParts) {
    this.answers = new GraphAnswers(parts.store, parts.keyword.corpus, parts.options.answers);
  }

  status(): SearchStatus {
    return { embedder: this.parts.embedderStatus, vectors: this.parts.dense?.vectors.size ?? 0, keywordDocs: this.parts.keyword.word.size };
  }

  /** Loads what the first question would otherwise wait for (the English glossary's dictionary). */
  warm(): void {
    this.parts.glossary?.warm();
  }

  /** The plans' mined terms (the vocabulary bridge embeds them). */
  vocabularyTerms(): string[] {
    return this.parts.keyword.vocabulary.terms.map((t) => t.text);
  }

  /** The limits, thresholds and answer sizes this engine runs with. */
  get options(): SearchOptionsConfig {
    return this.parts.options;
  }

  /** A search over the same indexes with other ranking settings (query-time ones only; for sweeps). */
  withSettings(settings: RankingSettings, parts: Partial<Pick<EngineParts, 'expansion' | 'options'>> = {}): SearchEngine {
    return new SearchEngine({ ...this.parts, ...parts, settings });
  }

  /** Plan terms near the query vector that agree with the rest of the question (the vocabulary bridge). */
  private bridge(q: Float32Array, normalized: string, residual: string, linked: string[]): string[] {
    const { dense, keyword, settings } = this.parts;
    const vectors = dense?.termVectors;
    if (!vectors || settings.bridge.weight <= 0 || settings.bridge.terms <= 0) return [];
    const candidates: { index: number; score: number }[] = [];
    const scores = vectors.scores(q);
    for (let index = 0; index < vectors.rows; index++) if (scores[index] >= settings.bridge.minCosine) candidates.push({ index, score: scores[index] });
    candidates.sort((a, b) => b.score - a.score);
    return keyword.vocabulary.agreeing(normalized, residual, candidates.slice(0, settings.bridge.terms * 4), linked).slice(0, settings.bridge.terms).map((x) => x.term.text);
  }

  /**
   * The expansion terms the query vector takes: those that agree with the rest of the question —
   * some task holds the term and one of the question's own plan words (not one inside it) — or all
   * of them when the question has no plan word of its own. A term the rest of the question does not
   * support moves the whole vector; on the keyword side every term stays, one low-weight word among
   * the question's (agreement there cost the search without the model: dev 0.927 → 0.890).
   */
  private agreeingExpansion(expansion: string[], textQuery: string, linked: string[]): string[] {
    const voc = this.parts.keyword.vocabulary;
    const own = [...new Set(this.parts.keyword.word.tokenize(textQuery))].filter((w) => w.length >= 2 && voc.tasksWith(w) > 0 && !linked.includes(w));
    if (!own.length) return expansion;
    return expansion.filter((e) => voc.cooccurs(e, own.filter((w) => !e.includes(w) && !w.includes(e))));
  }

  private noneCoverage: number | null = null;
  /**
   * The keyword gate's coverage threshold on these plans: the fitted one, or less where the plans
   * hold less of everyday questions by chance (one small plan: search/chance.ts). Measured once.
   */
  private keywordNoneCoverage(): number {
    const { keyword, settings, options } = this.parts;
    this.noneCoverage ??= Math.min(options.match.noneCoverage, Math.max(options.match.chanceFloor, options.match.chanceFactor * chanceLevel(chanceCoverages(keyword.char, settings.fields))));
    return this.noneCoverage;
  }

  /** Tasks holding a coined term of the plans, a term the question quotes, or the whole short question, verbatim. */
  private exactList(normalized: string, residual: string, quoted: string[]): ScoredList | null {
    const { keyword, settings } = this.parts;
    if (!settings.weights.exact) return null;
    const terms = keyword.vocabulary.inQuestion(normalized, ['quoted', 'heading']).map((t) => t.text);
    for (const q of quoted) if (!terms.some((t) => t.includes(q))) terms.push(q);
    const whole = residual.replace(/ /g, '');
    if (whole.length >= 2 && whole.length <= 8 && !terms.some((t) => t.includes(whole))) terms.push(whole);
    if (!terms.length) return null;
    const hits = new Map<string, number>();
    for (const t of keyword.corpus.tasks) {
      let s = 0;
      for (const term of terms) if (t.compactText.includes(term)) s += term.length * (t.compactTitle.includes(term) ? 2 : 1);
      if (s > 0) hits.set(t.id, s);
    }
    if (!hits.size) return null;
    return { name: 'exact', weight: settings.weights.exact, hits: [...hits].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)) };
  }

  /**
   * Text signals fused: word and character BM25 (plus colloquial → official expansion terms and
   * the plan terms bridged to), exact coined terms, dense; the query vector can take
   * pseudo-relevance feedback from the first fusion.
   */
  async textFusion(textQuery: string, denseQuery: string, expansion: string[], normalized = denseQuery, linked: string[] = [], notes: string[] = [], quoted: string[] = []): Promise<TextFusion> {
    const { keyword, dense, embedder, settings } = this.parts;
    const source = this.parts.keywordSource;
    let denseList: ScoredList | null = null;
    let cosine: number | null = null;
    let bridged: string[] = [];
    let inVector: string[] = [];
    let vector: Promise<Float32Array | null> = Promise.resolve(null);
    let cosineOf: TextFusion['cosineOf'] = async () => null;
    if (dense && embedder && denseQuery && settings.weights.dense) {
      inVector = settings.expandDense ? this.agreeingExpansion(expansion, textQuery, linked) : [];
      const withExpansion = (t: string) => (inVector.length ? `${t} ${inVector.join(' ')}` : t);
      vector = embedder.embedQuery(withExpansion(denseQuery)).catch((e: unknown) => {
        // the model process is down or stalled (search/supervised-embedder.ts): answer keyword + graph
        if ((e as { code?: string }).code !== 'MODEL_UNAVAILABLE') throw e;
        notes.push(`神经检索暂不可用，仅关键词+图谱 / neural search unavailable (keyword + graph only): ${(e as Error).message}`);
        return null;
      });
      const memo = new Map<string, Promise<number | null>>();
      cosineOf = (text) => {
        if (!memo.has(text)) {
          memo.set(text, vector.then(async (v) => {
            if (!v) return null;
            const a = text === denseQuery ? v : await embedder.embedQuery(withExpansion(text)).catch(() => null);
            return a ? ((await denseHits(a, dense, settings))[0]?.score ?? null) : null;
          }));
        }
        return memo.get(text)!;
      };
    }
    // what does not need the query vector is computed while the model process embeds the question
    const exact = this.exactList(normalized, textQuery, quoted);
    const q = await vector;
    if (q && dense) {
      const hits = await denseHits(q, dense, settings);
      cosine = hits.length ? hits[0].score : null;
      bridged = this.bridge(q, normalized, textQuery, linked);
      denseList = { name: 'dense', weight: settings.weights.dense, hits };
    }
    const lists: ScoredList[] = source ? await keywordSignalsFrom(source, keyword, settings, textQuery, expansion, bridged) : keywordSignals(keyword, settings, textQuery, expansion, bridged);
    if (exact) lists.push(exact);
    if (denseList && settings.adaptive > 0) {
      denseList.weight = settings.weights.dense * (1 + settings.adaptive * (1 - keywordCoverage(keyword, textQuery, lists.find((l) => l.name === 'word')?.hits ?? [])));
    }
    const all = () => (denseList ? [...lists, denseList] : lists);
    // the feedback passes need the first fusions' order only; the last one reports each list's ranks
    let fused = fuse(all(), settings, false);
    if (q && dense && denseList && settings.prf.beta > 0) {
      const top = fused.slice(0, settings.prf.docs).map((f) => f.id);
      denseList = { ...denseList, hits: feedbackHits(denseList.hits, dense, top, settings.prf.beta) };
      fused = fuse(all(), settings, false);
    }
    const { rm3 } = settings;
    const w = lists.findIndex((l) => l.name === 'word');
    if (rm3.weight > 0 && w >= 0 && textQuery) {
      const own = keyword.word.tokenize(textQuery);
      const terms = new Map(own.map((t) => [t, 1]));
      for (const e of expansion.flatMap((x) => keyword.word.tokenize(x))) if (!terms.has(e)) terms.set(e, settings.expansion);
      for (const e of bridged.flatMap((x) => keyword.word.tokenize(x))) if (!terms.has(e)) terms.set(e, settings.bridge.weight);
      const top = fused.slice(0, rm3.docs).map((f) => f.id);
      for (const f of keyword.word.feedbackTerms(top, rm3.terms, new Set(terms.keys()))) terms.set(f.term, rm3.weight * f.weight);
      lists[w] = { ...lists[w], hits: source ? await source.searchWeighted('word', terms, settings.depth) : keyword.word.searchWeighted(terms, settings.fields, settings.depth) };
    }
    fused = fuse(all(), settings);
    return { fused, cosine, bridged, cosineOf, inVector };
  }

  /** Graph answers: the tier each task earns from linked entities, and the graph's own list. */
  private async graphTiers(link: LinkedQuery): Promise<{ tiers: Map<string, number>; reason: Map<string, string>; byRegion: Set<string> }> {
    const { store, keyword, settings } = this.parts;
    const { corpus } = keyword;
    const tiers = new Map<string, number>();
    const reason = new Map<string, string>();
    const byRegion = new Set<string>(); // lifted for the region named (not for a plan named)
    const lift = (id: string, by: number, why: string) => {
      tiers.set(id, (tiers.get(id) ?? 0) + by);
      if (!reason.has(id)) reason.set(id, why);
    };
    for (const unitId of link.units) {
      for (const ut of await store.tasksOfUnit(unitId)) {
        const isLead = leads(corpus.byId.get(ut.task.id), unitId);
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
      // a plan with no tasks here (a higher policy known by its citation) stands for the plans that implement it
      const plans = new Set(link.plans.flatMap((id) => (corpus.taskCount.has(id) ? [id] : corpus.implementers.get(id) ?? [])));
      for (const t of corpus.tasks) {
        const region = corpus.plans.get(t.planId)?.properties.region;
        if (plans.has(t.planId)) lift(t.id, settings.tiers.region, 'region');
        else if (typeof region === 'string' && link.regions.includes(region)) {
          lift(t.id, settings.tiers.region, 'region');
          byRegion.add(t.id);
        }
      }
    }
    if (link.years.length) for (const t of corpus.tasks) if (t.years.some((y) => link.years.includes(y))) lift(t.id, settings.tiers.year, 'year');
    // a date asked (6月底前要完成哪些工作): the tasks due by then, earliest first (those with no date alike)
    const due = this.answers.dueTasks(link);
    due.forEach(({ task }, i) => lift(task.id, settings.tiers.deadline * (link.due?.ongoing ? 1 : 1 - i / (2 * due.length)), 'deadline'));
    // apps asked for by name (南通、绵阳、顺德的政务服务APP分别叫什么) or applications asked with no other
    // topic (金华建设了哪些平台): the tasks that build them lead; 智慧养老服务有哪些数字化应用 or 开远程会议用
    // 什么系统 asks about the work on a topic (lifting those tasks cost held-out cross-plan questions
    // 0.918 → 0.901): the card answers, the ranking stays the text's
    const asked = this.answers.appsAsked(link);
    if (asked && (isAppKind(asked.kind) || !asked.topical)) for (const t of new Set(asked.apps.flatMap((a) => a.tasks))) lift(t.id, settings.tiers.appList, 'application');
    return { tiers, reason, byRegion };
  }

  /**
   * A region named in the question prefers that region's tasks among those on the question's topic:
   * a task of the region earns the full region lift when its text score is at least `regionRelevance`
   * of the best other region's task, and below that the square of its share of it (the region's tasks
   * keep their order), so an unrelated task of 杭州 does not outrank another city's task on 城市大脑:
   * a task with a third of the best task's text (城西科创大走廊, sharing 城 and 大) earns a fifth of
   * the lift, where in proportion it earned two fifths, above every plan on 城市大脑. Called only when the
   * question has topic words: one with nothing but the region, a kind of plan or the words of a
   * target question (嘉兴有哪些任务, 杭州市政府工作报告有哪些任务, 金华的方案有哪些目标) lifts the region
   * alike. False when no task of the region earned the full lift (its plans say less on the topic
   * than other plans do).
   */
  private gradeRegionLift(tiers: Map<string, number>, byRegion: Set<string>, textScore: Map<string, number>): boolean {
    const { settings } = this.parts;
    const share = settings.regionRelevance;
    if (!(share > 0) || !byRegion.size) return true;
    let best = 0;
    for (const [id, s] of textScore) if (!byRegion.has(id)) best = Math.max(best, s);
    if (!(best > 0)) return true;
    let onTopic = false;
    for (const id of byRegion) {
      const grade = Math.min(1, (textScore.get(id) ?? 0) / (share * best)) ** 2;
      tiers.set(id, tiers.get(id)! - settings.tiers.region * (1 - grade));
      if (grade === 1) onTopic = true;
    }
    return onTopic;
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
    const { k, offset } = checkOptions(query, options, this.parts.options.limits);
    const { keyword, dense, embedder, settings, store } = this.parts;
    const { corpus, vocabulary } = keyword;
    // Spans the plans never use, one character from a plan word, are read as that word.
    let corrections = settings.correct ? vocabulary.corrections(normalize(query)) : [];
    // Without linking (a baseline), the whole question is text and no entity earns a tier.
    const linkOf = (q: string) => (settings.link ? keyword.linker.link(q) : unlinked(normalize(q)));
    let link = linkOf(corrections.length ? applyCorrections(normalize(query), corrections) : query);
    if (corrections.length) {
      // a correction never costs an entity the question names as written
      const named = (l: LinkedQuery) => l.units.length + l.apps.length + l.plans.length;
      const original = linkOf(query);
      // nor rewrites a span holding a name it links as written (浙里办日活 is 浙里办 + 日活, not 浙里办票)
      const names = original.entities.filter((e) => e.type === 'application' || e.type === 'unit' || e.type === 'plan').map((e) => e.text.replace(/\s+/g, ''));
      const kept = corrections.filter((c) => !names.some((n) => n.length >= 2 && c.from.includes(n)));
      if (named(original) > named(link) || !kept.length) [link, corrections] = [original, []];
      else if (kept.length < corrections.length) [link, corrections] = [linkOf(applyCorrections(normalize(query), kept)), kept];
    }
    // a document number names its plan (嘉政发〔2022〕18号, linked in understand.ts); one no loaded plan
    // has is said so, and is no evidence that the plans answer
    const unknownDocs = link.absentDocNumbers;
    for (const n of unknownDocs) link.notes.push(`已加载的方案中没有文号 ${n} / no loaded plan has document number ${n}`);
    // English words read as the plans' Chinese words (smart → 智能), as if the question had written them
    const translations: Translation[] = settings.translate && this.parts.glossary ? this.parts.glossary.translate(link.normalized, keyword.word.tokenize(link.residual).filter((w) => /[\u3400-\u9fff]/.test(w))) : [];
    const translated = translations.flatMap((t) => t.to).join(' ');
    const withTranslation = (text: string) => (translated ? `${text} ${translated}` : text);
    const textQuery = withTranslation(link.residual).trim();
    // the table's official terms, those these plans use (浙里办 means nothing to another province's plans)
    // read in the question's own words, never inside a name or an official term it holds
    const expanded =
      settings.expansion > 0 || settings.expandDense
        ? expandOwnWords(this.parts.expansion, link.ownWords, vocabulary.inQuestion(link.normalized, ['quoted', 'heading', 'application']).map((t) => t.text), link.normalized)
            .map((m) => ({ ...m, terms: m.terms.filter((t) => vocabulary.uses(t)) }))
            .filter((m) => m.terms.length)
        : [];
    const expansion = termsOf(expanded);
    const denseOff: string[] = [];
    // the graph's reads (round trips on Neo4j) overlap the query embedding
    const denseQuery = withTranslation(contentOf(link.denseText));
    const [{ fused, cosine, bridged, cosineOf, inVector }, { tiers, byRegion }] = await Promise.all([
      this.textFusion(textQuery, denseQuery, expansion, link.normalized, link.entities.map((e) => e.text), denseOff, vocabulary.quotedIn(query)),
      this.graphTiers(link),
    ]);
    const textScore = new Map(fused.map((f) => [f.id, f.score]));
    // the plans it names or asks about (金华有哪些方案, 威海的工作要点是什么时候印发的) are the graph's answer
    const askedPlans = settings.link ? this.answers.askedPlans(link) : [];
    // a question for the tasks of a year, region or plan and nothing else (2026年的任务有哪些): the graph lists them (scope.ts)
    const scope = settings.link ? this.answers.scopeTasks(link) : null;
    const inScope = new Map((scope ?? []).map((t, i) => [t.id, i]));
    // a region's tasks graded by the topic, when there is one beyond the kinds of plan and the words of
    // target questions (金华的方案有哪些目标 asks for 金华's plan) and the question is not about the plans themselves
    const topical = !askedPlans.length && !scope && keyword.word.tokenize(textQuery.replace(TARGET_CUES, ' ')).length > 0;
    const regionOnTopic = topical ? this.gradeRegionLift(tiers, byRegion, textScore) : true;
    const graphIds = [...tiers.keys()].sort((a, b) => tiers.get(b)! - tiers.get(a)! || (textScore.get(b) ?? 0) - (textScore.get(a) ?? 0));
    const graphRank = new Map(graphIds.map((id, i) => [id, i + 1]));
    const keep = this.filterOf(options);
    const candidates = new Set([...fused.map((f) => f.id), ...graphIds, ...inScope.keys()]);
    const ranksOf = new Map(fused.map((f) => [f.id, f.ranks]));
    // The words asking who does a task are no topic beside a unit named (市人社局负责哪些任务), but
    // are one of 引导社会力量参与数字政府建设
    const topicWords = scope ? new Map<string, number>() : this.topicWords(textQuery, link.units.length + link.absentUnits.length > 0);
    // a question the graph answers with no topic word of its own (市医保局负责哪些任务, 城市大脑由哪些单位负责)
    // has just the graph's tasks: they come first and the total counts them (a page's padding counted unrelated tasks)
    const graphOnly = tiers.size > 0 && !topicWords.size;
    // the scope's tasks (only they: the total counts them) in the plans' order, scored by it (1 first, 1/n last)
    const first = (id: string) => (inScope.size ? (inScope.get(id) ?? Infinity) : graphOnly && !tiers.has(id) ? 1 : 0);
    const scored = [...candidates]
      .filter(keep)
      .map((id) => ({ id, score: inScope.has(id) ? 1 - inScope.get(id)! / inScope.size : (tiers.get(id) ?? 0) + (textScore.get(id) ?? 0) }))
      .sort((a, b) => first(a.id) - first(b.id) || b.score - a.score || (a.id < b.id ? -1 : 1));
    // every task holding a topic word of the question matches, past the fused lists' depth: it is
    // counted in the total and reached by paging, after the ranked ones in the word channel's order.
    const topic = topicWords.size ? keyword.word.searchWeighted(topicWords, settings.fields, Infinity).map((h) => h.id) : [];
    for (const id of topic) if (!candidates.has(id) && keep(id)) scored.push({ id, score: 0 });

    // Does the corpus answer at all? Linked entities, coverage of the question by the best results, dense.
    const linked = link.units.length + link.apps.length + link.plans.length + askedPlans.length + inScope.size > 0;
    // beside a document number no plan has, only the question's topic words count (有哪些任务 has none)
    // the kinds of plan a question names (计划, 方案, 规划) are what every task is in, no topic: the gate
    // measures it without them (减肥计划怎么制定, 装修方案哪家好 are no plan questions)
    const kindless = (t: string) => (linked ? t : t.replace(PLAN_KINDS, ' '));
    const evidenceText = kindless(unknownDocs.length ? keyword.word.tokenize(textQuery).join(' ') : textQuery || link.normalized);
    const evidenceTokens = questionTokens(evidenceText);
    const kindlessQuery = kindless(denseQuery);
    const gateCosine = kindlessQuery === denseQuery || !kindlessQuery.trim() ? cosine : await cosineOf(kindlessQuery);
    const heldByTop = (t: string) => scored.slice(0, 3).some((x) => corpus.byId.get(x.id)?.normText.includes(t));
    const evidence: MatchEvidence = {
      linked,
      coverage: Math.round(bestCoverage(keyword.char, evidenceTokens, scored.slice(0, 3).map((x) => x.id)) * 1000) / 1000,
      vocabulary: Math.round(vocabularyShare(keyword.char, evidenceTokens) * 1000) / 1000,
      expansionHits: [...new Set([...expansion, ...bridged])].filter(heldByTop).length,
      // a form's terms explain one word of the question however many of them the results hold (医院 → 医疗 就医 健康)
      expansionWords: expanded.filter((m) => m.terms.some(heldByTop)).length + bridged.filter((t) => !expansion.includes(t) && heldByTop(t)).length,
      cosine: gateCosine === null ? null : Math.round(gateCosine * 1000) / 1000,
      chars: contentChars(unknownDocs.length ? evidenceText : kindless(link.normalized)),
      chinese: /[\u3400-\u9fff]/.test(link.normalized),
    };
    // the keyword rule's threshold follows the plans loaded; with the model the cosine decides, so it is not measured
    const thresholds = evidence.cosine === null ? { ...this.parts.options.match, noneCoverage: this.keywordNoneCoverage() } : this.parts.options.match;
    let classified = classifyMatch(evidence, thresholds);
    if (classified === 'none') {
      // the vector of what the question asks about scores an everyday question lower against every
      // task; before saying none, the question as asked is measured as the thresholds were
      const askedText = kindless(withTranslation(link.denseText));
      const asked = askedText === kindlessQuery ? null : await cosineOf(askedText);
      if (asked !== null && asked > (evidence.cosine ?? -Infinity)) {
        evidence.cosine = Math.round(asked * 1000) / 1000;
        classified = classifyMatch(evidence, thresholds);
      }
    }
    // asked of a region no loaded plan is about, or of a unit no loaded plan names, and nothing of that kind linked: at most weak
    // or for the tasks of a year no loaded task is of (2021年的任务有哪些 over plans of 2020 and 2025)
    const absentYear = scope !== null && !scope.length && link.years.length > 0;
    if (absentYear) link.notes.push(`已加载的方案中没有${link.years.join('、')}年的任务 / no loaded task is of ${link.years.join(', ')}`);
    const absent = (link.absentRegions.length > 0 && !link.regions.length) || (link.absentUnits.length > 0 && !link.units.length) || absentYear;
    // the graph answering the question is a match whatever its words: a plan whose text never says
    // 目标 still answers 2023年要达到什么目标 with its targets (the seeds' vocabulary hid that)
    let answers = await this.answers.answer(link, askedPlans);
    if (classified === 'none' && answers.length) classified = 'weak';
    const empty = classified === 'none' && settings.gate;
    if (empty) answers = [];
    // the graph answering the question (the targets of 绍兴的方案有哪些目标) is a strong match in itself
    const match = absent && classified === 'strong' ? 'weak' : !absent && classified === 'weak' && answers.length ? 'strong' : classified;
    // who does what it asks about (长江水质谁负责): the units of the tasks answering it, never beside none
    const who = match !== 'none' && !answers.length && settings.link ? this.answers.responsible(link, scored.map((x) => x.id), match === 'strong') : null;
    if (who) answers.push(who);
    // the matching tasks, and never fewer than a default page of the best candidates (dense and
    // character matches answer everyday wording that shares no word with the plans): the same total
    // on every page and for every k, and paging stops there
    const total = empty ? 0 : inScope.size ? scored.filter((x) => inScope.has(x.id)).length : graphOnly ? matching(scored, tiers, new Set()) : Math.max(matching(scored, tiers, new Set(topic)), Math.min(scored.length, this.parts.options.limits.kDefault));
    const end = Math.min(offset + k, total);
    const ranked = end <= offset ? [] : (link.crossPlan ? this.diversify(scored, tiers, end) : scored.slice(0, end)).slice(offset);

    // the plans' coined terms the question holds highlight whole (一网通办, not jieba's 一网通 + 办)
    const terms = [...keyword.word.tokenize(link.normalized), ...keyword.vocabulary.inQuestion(link.normalized, ['quoted', 'heading']).map((t) => t.text), ...link.entities.map((e) => e.text)];
    const results = await Promise.all(
      ranked.map(async ({ id, score }) => {
        const doc = corpus.byId.get(id)!;
        const why: Record<string, number | null> = { dense: null, word: null, char: null, ...(ranksOf.get(id) ?? {}), graph: graphRank.get(id) ?? null };
        return {
          node: doc.node,
          score: Math.round(score * 1e6) / 1e6,
          why,
          highlights: highlights(doc.title, doc.text, terms),
          neighbourhood: await taskNeighbourhood(store, doc.node, this.similarTo(id), options.depth ?? this.parts.options.limits.depthDefault),
        };
      }),
    );
    const notes = [...link.notes, ...denseOff];
    // (not where the graph answers it from the region: 金华的掌上执法率 has 金华's target on its card)
    const regionOf = (planId: string | undefined) => (planId ? corpus.plans.get(planId)?.properties.region : undefined);
    // (nor where a card lists the region's own applications or deadlines: those are scoped to it)
    const fromRegion = answers.some((a) => (a.type === 'targets' && a.items.some((t) => link.regions.includes(String(regionOf(t.plan?.id) ?? '')))) || a.type === 'applications' || a.type === 'deadlines');
    if (!regionOnTopic && !fromRegion) notes.push(`${link.regions.join('、')}的方案中没有与此直接相关的任务，先列其他地区的 / the plans of ${link.regions.join(', ')} say less on this than other regions' do: theirs first`);
    if (corrections.length) notes.push(`已按 ${corrections.map((c) => `“${c.from}”→“${c.to}”`).join('、')} 检索 / searched with corrections`);
    if (translations.length) notes.push(`英文词按方案用语检索 / English words read as: ${translations.map((t) => `${t.from} → ${t.to.join('/')}`).join('、')}`);
    if (expansion.length) notes.push(`同义扩展 / expanded with: ${expansion.join(' ')}`);
    if (bridged.length) notes.push(`方案用语 / plan terms: ${bridged.join(' ')}`);
    if (match === 'none') notes.push('方案中没有相关内容 / the plans have nothing on this');
    if (!embedder) notes.push(`未启用神经检索，仅关键词+图谱 / neural search off (keyword + graph only): ${this.parts.embedderStatus.reason ?? ''}`.trim());
    for (const id of link.units) if (!corpus.tasksOfUnit.get(id)?.length) notes.push(`单位 ${id} 没有任务 / unit has no tasks`);
    const graph = link.units.length + link.apps.length + link.regions.length + link.plans.length > 0;
    const mode: Interpretation['mode'] = `${graph ? 'graph+' : ''}${dense && embedder && !denseOff.length ? 'hybrid' : 'keyword'}` as Interpretation['mode'];
    return {
      query,
      took_ms: Math.round((performance.now() - started) * 100) / 100,
      match,
      total,
      offset,
      k,
      interpretation: {
        normalized: link.normalized,
        tokens: keyword.word.tokenize(textQuery),
        entities: link.entities,
        mode,
        notes,
        corrections,
        translations,
        expansion: { table: expansion, inVector, bridged },
        evidence,
      },
      answers,
      nearest: match === 'none' ? this.nearest(scored.map((x) => x.id)) : [],
      results,
    };
  }

  /** The tasks holding a topic word of the question (all its own words, or less those asking for a role), in the word channel's order. */
  /** The question's topic words (beside a unit named, not the words asking who does a task), each weighing 1. */
  private topicWords(textQuery: string, roleless: boolean): Map<string, number> {
    return new Map(this.parts.keyword.word.tokenize(textQuery).filter((t) => !roleless || !ROLE_WORDS.has(t)).map((t) => [t, 1]));
  }

  /** One task per heading, headings with the most tasks first. */
  private largestHeadings(): string[] {
    const by = new Map<string, string[]>();
    for (const t of this.parts.keyword.corpus.tasks) {
      const head = t.section[t.section.length - 1] ?? t.title;
      by.set(head, [...(by.get(head) ?? []), t.id]);
    }
    return [...by.values()].sort((a, b) => b.length - a.length).map((ids) => ids[0]);
  }

  /** The deepest headings of the best candidates, distinct, as topics the plans do speak of. */
  private nearest(ids: string[]): NearestTopic[] {
    const { corpus } = this.parts.keyword;
    const out: NearestTopic[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const t = corpus.byId.get(id);
      if (!t) continue;
      const text = ownHeading(t) || t.title;
      if (!text || seen.has(text)) continue;
      seen.add(text);
      out.push({ text, taskId: id, planId: t.planId });
      if (out.length >= this.parts.options.answers.nearest) break;
    }
    // nothing ranked at all (no character of the question is in the plans): their largest headings
    if (!out.length && ids.length === 0) return this.nearest(this.largestHeadings());
    return out;
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
      const scores = dense.taskVectors.scores(v);
      dense.taskVectors.keys.forEach((id, row) => {
        if (corpus.byId.get(id)?.planId !== me.planId) out.push({ id, score: scores[row] });
      });
      best = out.sort((a, b) => b.score - a.score).slice(0, n);
      if (memo.size >= SIMILAR_MEMO_MAX) memo.delete(memo.keys().next().value!);
      memo.set(key, best);
    }
    return best.map((s) => ({ ...s }));
  }
}

/**
 * How many of the ranked tasks match: those the graph answers (tiers) and those holding a topic
 * word of the question, however deep in the ranking.
 */
function matching(scored: { id: string }[], tiers: Map<string, number>, topic: Set<string>): number {
  let n = 0;
  for (const { id } of scored) if (tiers.has(id) || topic.has(id)) n++;
  return n;
}

// Similar tasks per dense index (shared by engines made with withSettings); oldest dropped first.
const similarMemo = new WeakMap<DenseIndex, Map<string, SimilarTask[]>>();
const SIMILAR_MEMO_MAX = 50_000;
