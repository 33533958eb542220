/** Ranking settings with their defaults (chosen on the dev set by whole-configuration sweeps, see docs/SEARCH.md). */
export interface RankingSettings {
  /** How a task's dense score is pooled: whole-task vector, max over its sentences and the whole, or their mean. */
  dense: 'whole' | 'maxpool' | 'mix';
  /** Also embed sentences of long tasks (needed by 'maxpool' and 'mix'). */
  sentences: boolean;
  /** Embed queries with bge's retrieval instruction (passages never get it). */
  queryInstruction: boolean;
  /** RRF weights of the text signals. */
  weights: { dense: number; word: number; char: number };
  /** BM25 field weights (both keyword channels). */
  fields: { title: number; text: number; section: number; units: number; apps: number };
  rrfK: number;
  /** BM25 length normalisation (0 = none, 1 = full). */
  bm25b: number;
  /** Score tiers added for graph matches, so linked entities answer first. */
  tiers: { unit: number; lead: number; region: number; app: number; year: number };
  /** Cross-plan questions: each further result of an already-listed plan has its text score multiplied by this. */
  diversity: number;
  /** Link entities (units, applications, regions, plans, years) and lift what the graph answers. */
  link: boolean;
  /** Depth of each signal's candidate list. */
  depth: number;
}

export const DEFAULT_SETTINGS: RankingSettings = {
  dense: 'mix',
  sentences: true,
  queryInstruction: true,
  weights: { dense: 1, word: 0.5, char: 1 },
  fields: { title: 0.5, text: 1, section: 0, units: 0, apps: 0 },
  rrfK: 20,
  bm25b: 0.75,
  tiers: { unit: 2, lead: 0.5, region: 1, app: 0.3, year: 0.2 },
  diversity: 0.7,
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
  };
}
