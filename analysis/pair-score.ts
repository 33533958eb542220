import type { GraphNode } from '../graph/model';
import { taskText, type GraphIndex, type TaskNode } from './graph-index';
import { denseNeighbours, sparseNeighbours } from './neighbours';
import { denseCosine, sparseCosine, tfidfVectors, type SparseVector } from './text';

/** How two tasks' text similarity was measured. */
export type SimilarityMethod = 'embedding' | 'char-bigram-tfidf';

/** Task embeddings by task id (any dimension; cosine is taken). */
export type TaskEmbeddings = Map<string, ArrayLike<number>>;

export interface PairScore {
  a: string;
  b: string;
  score: number; // similarity + evidence bonuses
  similarity: number;
  method: SimilarityMethod;
  sharedUnits: string[]; // unit types both tasks name (市大数据局 ~ 市政务数据办 ~ 省大数据局)
  sharedApplications: string[]; // application names both tasks name
}

/** Bonus per shared application (capped at two): a named application is strong evidence. */
export const APP_BONUS = 0.04;
/** Bonus for the share of unit types in common (Jaccard): weak evidence, units lead many tasks. */
export const UNIT_BONUS = 0.04;
/** The most the bonuses add to a similarity (two applications, all unit types shared). */
export const MAX_BONUS = 2 * APP_BONUS + UNIT_BONUS;

// Bodies that do the same job under different names in different cities or levels.
const UNIT_TYPE_ALIASES: [RegExp, string][] = [
  [/^(?:大数据局|大数据发展管理局|政务数据办|数据资源局|数据局)$/, '数据局'],
  [/^(?:政务服务办|政务服务管理办|行政服务中心)$/, '政务服务办'],
  [/^(?:政府办|政府办公室|政府办公厅)$/, '政府办'],
];

/**
 * The type of a unit across regions and levels: the name without its level prefix, 厅 read as 局,
 * and bodies with the same job under one name ("市大数据局" and "市政务数据办" -> "数据局").
 */
export function unitType(name: string): string {
  let s = name.replace(/\s+/g, '').replace(/^(省|市|县|区)/, '').replace(/厅$/, '局');
  for (const [re, t] of UNIT_TYPE_ALIASES) if (re.test(s)) s = t;
  return s;
}

function unitTypes(idx: GraphIndex, taskId: string): Set<string> {
  const out = new Set<string>();
  for (const u of idx.unitsOfTask.get(taskId) ?? []) {
    if (u.unit.properties.collective === true) continue;
    out.add(unitType(String(u.unit.properties.name ?? '')));
  }
  return out;
}

function appNames(idx: GraphIndex, taskId: string): Map<string, string> {
  return new Map((idx.appsOfTask.get(taskId) ?? []).map((a: GraphNode) => [a.id, String(a.properties.name ?? a.id)]));
}

/** Share of plans above which an application is common to the corpus (no bonus). */
export const COMMON_APP_SHARE = 0.5;
/** True when an application is named by more than half of the plans, and by at least three of them. */
export function isCommonApp(plans: number, total: number): boolean {
  return plans >= 3 && plans / total > COMMON_APP_SHARE;
}

/** Scores pairs of tasks: text similarity (embeddings when every task has one, else char-bigram TF-IDF) plus evidence. */
export class PairScorer {
  readonly method: SimilarityMethod;
  private readonly sparse = new Map<string, SparseVector>();
  private readonly units = new Map<string, Set<string>>();
  private readonly apps = new Map<string, Map<string, string>>();
  private readonly dense = new Map<string, Float64Array>();
  private scattered: Float32Array | null = null; // one sparse vector spread over the vocabulary (a bound: float32 is enough)

  constructor(
    private readonly idx: GraphIndex,
    private readonly tasks: TaskNode[],
    embeddings?: TaskEmbeddings,
  ) {
    this.method = embeddings && tasks.length > 0 && tasks.every((t) => embeddings.has(t.id)) ? 'embedding' : 'char-bigram-tfidf';
    if (this.method === 'embedding') {
      // Centred on the corpus mean: every plan speaks of 数字政府, and that shared direction
      // otherwise lifts every pair to cosine 0.6-0.8 (anisotropy); centring keeps what differs.
      const dim = embeddings!.get(tasks[0].id)!.length;
      const mean = new Float64Array(dim);
      for (const t of tasks) {
        const v = embeddings!.get(t.id)!;
        for (let i = 0; i < dim; i++) mean[i] += v[i] / tasks.length;
      }
      for (const t of tasks) this.dense.set(t.id, Float64Array.from(embeddings!.get(t.id)!, (v, i) => v - mean[i]));
    } else {
      const vectors = tfidfVectors(tasks.map(taskText));
      tasks.forEach((t, i) => this.sparse.set(t.id, vectors[i]));
    }
    for (const t of tasks) {
      this.units.set(t.id, unitTypes(idx, t.id));
      this.apps.set(t.id, appNames(idx, t.id));
    }
    // an application that most plans name (the province's app portal, its city brain) is no
    // evidence that two tasks do the same work: decided by document frequency, not a list
    const plansOf = new Map<string, Set<string>>();
    for (const t of tasks) for (const a of this.apps.get(t.id)!.keys()) {
      const s = plansOf.get(a) ?? new Set<string>();
      s.add(idx.planOfTask.get(t.id) ?? '');
      plansOf.set(a, s);
    }
    const planCount = new Set(tasks.map((t) => idx.planOfTask.get(t.id) ?? '')).size;
    for (const m of this.apps.values()) for (const a of [...m.keys()]) if (isCommonApp(plansOf.get(a)!.size, planCount)) m.delete(a);
  }

  /**
   * Each task's `k` most similar tasks of other plans, by the same text similarity, found
   * without scoring every pair (neighbours.ts): the candidates the alignment scores.
   */
  nearest(k: number): Map<string, string[]> {
    const plans = new Map<string, number>();
    const group = this.tasks.map((t) => {
      const plan = this.idx.planOfTask.get(t.id) ?? '';
      if (!plans.has(plan)) plans.set(plan, plans.size);
      return plans.get(plan)!;
    });
    const near = this.method === 'embedding'
      ? denseNeighbours(this.tasks.map((t) => this.dense.get(t.id)!), group, k)
      : sparseNeighbours(this.tasks.map((t) => this.sparse.get(t.id)!), group, k);
    return new Map(this.tasks.map((t, i) => [t.id, near[i].map((j) => this.tasks[j].id)]));
  }

  /**
   * Calls `use` with `(b) => similarity(a, b)` to within 1e-6 (for bounds; score() is exact), made
   * fast for many b: a sparse `a` is spread over the vocabulary once, then each b is one pass
   * over its own terms.
   */
  withSimilarityTo<T>(a: string, use: (similarityTo: (b: string) => number) => T): T {
    if (this.method === 'embedding') return use((b) => this.similarity(a, b));
    const v = this.sparse.get(a)!;
    if (!this.scattered) {
      let terms = 0;
      for (const x of this.sparse.values()) terms = Math.max(terms, (x.ids[x.ids.length - 1] ?? -1) + 1);
      this.scattered = new Float32Array(terms);
    }
    const at = this.scattered;
    for (let i = 0; i < v.ids.length; i++) at[v.ids[i]] = v.weights[i];
    try {
      return use((b) => {
        const w = this.sparse.get(b)!;
        let s = 0;
        for (let i = 0; i < w.ids.length; i++) s += w.weights[i] * at[w.ids[i]];
        return s;
      });
    } finally {
      for (let i = 0; i < v.ids.length; i++) at[v.ids[i]] = 0;
    }
  }

  similarity(a: string, b: string): number {
    if (this.method === 'embedding') return denseCosine(this.dense.get(a)!, this.dense.get(b)!);
    return sparseCosine(this.sparse.get(a)!, this.sparse.get(b)!);
  }

  score(a: string, b: string): PairScore {
    const similarity = this.similarity(a, b);
    const ua = this.units.get(a) ?? new Set<string>();
    const ub = this.units.get(b) ?? new Set<string>();
    const sharedUnits = [...ua].filter((u) => ub.has(u)).sort();
    const union = new Set([...ua, ...ub]).size;
    const aa = this.apps.get(a) ?? new Map<string, string>();
    const ab = this.apps.get(b) ?? new Map<string, string>();
    const sharedApplications = [...aa.keys()].filter((k) => ab.has(k)).map((k) => aa.get(k)!).sort();
    const score = similarity + APP_BONUS * Math.min(2, sharedApplications.length) + (union ? (UNIT_BONUS * sharedUnits.length) / union : 0);
    return { a, b, score, similarity, method: this.method, sharedUnits, sharedApplications };
  }
}
