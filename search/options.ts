/**
 * The one place for search's request limits, thresholds and answer sizes, each with its default
 * and what it means. Ranking weights (the tuned numbers) are in settings.ts beside them; the
 * server's parameter validation (server/validation.ts), the engine, the CLI and the page all read
 * their limits from here (the page through `GET /api/about`), so a limit is written once.
 */
export interface SearchLimits {
  /** Longest question, in characters (code points) after trimming. Default 200. */
  queryMaxChars: number;
  /** Results per page: `k` from 1 to kMax, default kDefault (1..50, 10). */
  kMin: number;
  kMax: number;
  kDefault: number;
  /** Largest `offset` (paging): results kMax deep pages up to this many. Default 200. */
  offsetMax: number;
  /** Neighbourhood depth of each result (1..3, default 1). */
  depthMin: number;
  depthMax: number;
  depthDefault: number;
  /**
   * Most results per page at each depth, so one answer stays small (each result's neighbourhood
   * holds up to the store's 200 nodes): depth 1 → 50, 2 → 10, 3 → 5 (≈ 400 KB).
   */
  kMaxAtDepth: Record<number, number>;
}

/**
 * When a response says `match: "strong" | "weak" | "none"` (search/match.ts; calibration on the
 * dev questions, eval/queries-indomain-extra.json and eval/queries-ood.json; eval/queries-ood-long.json checks long sentences: docs/SEARCH.md,
 * `npx tsx bench/match.ts`). A linked unit, application or plan is always `strong`.
 */
export interface MatchThresholds {
  /** Below this share of the question's bigrams used anywhere in the plans, the plans may not speak of it. Default 0.6. */
  noneVocabulary: number;
  /** With the model: `none` when also the best dense score is under this. Default 0.5. */
  noneCosine: number;
  /**
   * With the model: `none` under this best dense score even when the question's characters occur in
   * the plans (梅西进了几个球, 原神新角色什么时候出: a name or a game the plans' characters spell), unless the
   * best result holds at least `floorCoverage` of the question or expansions hit (`noneExpansionHits.model`). Default 0.46.
   */
  floorCosine: number;
  /** The share of the question (IDF-weighted) the best result must hold to escape `floorCosine`. Default 0.5. */
  floorCoverage: number;
  /** Without the model: `none` when also the best result holds less than this share of the question (IDF-weighted). Default 0.34. */
  noneCoverage: number;
  /**
   * Without the model, `noneCoverage` is at most this many times the coverage that 90 % of the
   * out-of-domain probes (search/chance.ts) stay under on the plans loaded: few plans hold less
   * of any question by chance, and less of the questions they answer. Default 1.86 (0.34 / 0.183,
   * the seeds' figure), so on the seeds and larger corpora the gate is as fitted.
   */
  chanceFactor: number;
  /** …and never under this (plans too small for any probe to hit still refuse what they hold a tenth of). Default 0.1. */
  chanceFloor: number;
  /**
   * `none` only when also fewer than this many expansions hit the best results (an everyday
   * question the table maps to the plans' terms is in the domain even when its own words are not
   * the plans'): with the model 3 of the question's words they explain (`expansionWords`: 宠物医院
   * → 医疗 就医 健康 is one word, not three), without it 2 expansion terms (`expansionHits`: the
   * question's words cost the keyword search in-domain questions, 办事不用来回跑 → 最多跑一次 跑一次).
   */
  noneExpansionHits: { model: number; keyword: number };
  /** Coverage from which a match is `strong` (else `weak`). Default 0.6. */
  strongCoverage: number;
  /** With the model: dense score from which a match is `strong`. Default 0.62. */
  strongCosine: number;
  /** Fewer content characters (question words removed) than this: `none`. Default 2. */
  minChars: number;
}

/** How many items each kind of graph answer lists. */
export interface AnswerLimits {
  /** Targets listed for a target question. Default 12. */
  targets: number;
  /** Tasks listed per unit for a unit question. Default 20. */
  unitTasks: number;
  /** Units listed for an application (those that lead most first). Default 8. */
  appUnits: number;
  /** Units listed for a question for the units with the most tasks. Default 10. */
  rankedUnits: number;
  /** Plans asked about shown each on a card; more go in one list. Default 3. */
  planCards: number;
  /** Nearest topics offered when nothing matches. Default 5. */
  nearest: number;
  /** Tasks listed for a question of what is due by a date. Default 12. */
  deadlines: number;
  /** Applications listed for a question that asks which there are (绵阳建设了哪些平台); one with a topic that leaves more gets no list. Default 12. */
  appList: number;
}

export interface SearchOptionsConfig {
  limits: SearchLimits;
  match: MatchThresholds;
  answers: AnswerLimits;
}

export const SEARCH_DEFAULTS: SearchOptionsConfig = {
  limits: { queryMaxChars: 200, kMin: 1, kMax: 50, kDefault: 10, offsetMax: 200, depthMin: 1, depthMax: 3, depthDefault: 1, kMaxAtDepth: { 1: 50, 2: 10, 3: 5 } },
  match: { noneVocabulary: 0.6, noneCosine: 0.5, floorCosine: 0.46, floorCoverage: 0.5, noneCoverage: 0.34, chanceFactor: 1.86, chanceFloor: 0.1, noneExpansionHits: { model: 3, keyword: 2 }, strongCoverage: 0.6, strongCosine: 0.62, minChars: 2 },
  answers: { targets: 12, unitTasks: 20, appUnits: 8, rankedUnits: 10, planCards: 3, nearest: 5, deadlines: 12, appList: 12 },
};

/** Defaults with some fields replaced (tests, sweeps). */
export function searchOptions(o: { limits?: Partial<SearchLimits>; match?: Partial<MatchThresholds>; answers?: Partial<AnswerLimits> } = {}): SearchOptionsConfig {
  return {
    limits: { ...SEARCH_DEFAULTS.limits, ...o.limits },
    match: { ...SEARCH_DEFAULTS.match, ...o.match },
    answers: { ...SEARCH_DEFAULTS.answers, ...o.answers },
  };
}
