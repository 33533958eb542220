/** Ranking settings with their defaults (chosen on the dev set by whole-configuration sweeps, see docs/SEARCH.md). */
export interface RankingSettings {
  /** How a task's dense score is pooled: whole-task vector, max over its sentences and the whole, or their mean. */
  dense: 'whole' | 'maxpool' | 'mix';
  /** Also embed sentences of long tasks (needed by 'maxpool' and 'mix'). */
  sentences: boolean;
  /** RRF weights of the text signals (`exact`: tasks holding a coined term or the short question verbatim). */
  weights: { dense: number; word: number; char: number; exact: number };
  /** BM25 field weights (both keyword channels). */
  fields: { title: number; text: number; section: number; heading: number; units: number; apps: number };
  /** How text signals are fused: weighted RRF, or weighted sums of z-scored / min-max scores. */
  fusion: 'rrf' | 'zscore' | 'minmax';
  rrfK: number;
  /** Weight of colloquial → official expansion terms (search/expand.ts) in the keyword query; 0 = off. */
  expansion: number;
  /** Also append the expansion terms to the text the query vector is computed from. */
  expandDense: boolean;
  /** Vocabulary bridge (with the model): plan terms within `minCosine` of the query vector, at most `terms`, join the keyword query at `weight` (0 = off). */
  bridge: { minCosine: number; terms: number; weight: number };
  /** One-character corrections of spans the plans never use (浙里半 → 浙里办). */
  correct: boolean;
  /** English words of a question read as the plans' Chinese words (CC-CEDICT, search/glossary.ts). */
  translate: boolean;
  /** Query-adaptive fusion: the dense weight × (1 + adaptive × (1 − keyword coverage)). */
  adaptive: number;
  /** Pseudo-relevance feedback on the query vector (Rocchio): top `docs` fused tasks, weight `beta` (0 = off). */
  prf: { docs: number; beta: number };
  /** Keyword pseudo-relevance feedback (RM3-style) on the word channel: top `docs` tasks give `terms` terms at `weight` (0 = off). */
  rm3: { docs: number; terms: number; weight: number };
  /** BM25 length normalisation (0 = none, 1 = full). */
  bm25b: number;
  /** Score tiers added for graph matches, so linked entities answer first. */
  tiers: { unit: number; lead: number; region: number; app: number; year: number; deadline: number; appList: number };
  /** A named region's task earns the full region lift when its text score is at least this share of the best other region's task's, the square of its share of that below (0: every task of the region alike). */
  regionRelevance: number;
  /** Cross-plan questions: each further result of an already-listed plan has its text score multiplied by this. */
  diversity: number;
  /** A `match: "none"` answer has no results (off: the ranking is returned anyway, for measuring it alone). */
  gate: boolean;
  /** Link entities (units, applications, regions, plans, years) and lift what the graph answers. */
  link: boolean;
  /** Depth of each signal's candidate list. */
  depth: number;
}

export const DEFAULT_SETTINGS: RankingSettings = {
  dense: 'mix',
  sentences: true,
  weights: { dense: 1, word: 0.5, char: 1, exact: 1 },
  fields: { title: 0.5, text: 1, section: 0, heading: 0.2, units: 0, apps: 0 },
  fusion: 'rrf',
  rrfK: 20,
  expansion: 0.5,
  expandDense: true,
  bridge: { minCosine: 0.6, terms: 3, weight: 0.3 },
  correct: true,
  translate: true,
  adaptive: 2,
  prf: { docs: 3, beta: 0.3 },
  rm3: { docs: 3, terms: 10, weight: 0.4 },
  bm25b: 0.75,
  tiers: { unit: 2, lead: 0.5, region: 1, app: 0.3, year: 0.2, deadline: 1, appList: 1 },
  regionRelevance: 0.7,
  diversity: 0.7,
  gate: true,
  link: true,
  depth: 100,
};

export function withDefaults(s: Partial<RankingSettings> = {}): RankingSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...s,
    weights: { ...DEFAULT_SETTINGS.weights, ...s.weights },
    fields: { ...DEFAULT_SETTINGS.fields, ...s.fields },
    tiers: { ...DEFAULT_SETTINGS.tiers, ...s.tiers },
    prf: { ...DEFAULT_SETTINGS.prf, ...s.prf },
    rm3: { ...DEFAULT_SETTINGS.rm3, ...s.rm3 },
    bridge: { ...DEFAULT_SETTINGS.bridge, ...s.bridge },
  };
}
