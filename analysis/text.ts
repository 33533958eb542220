/**
 * Small text helpers shared by the analysis modules: whitespace-free normalisation, character
 * n-gram vectors (the model-free similarity), cosine, and the shared terms two texts contain.
 */

/** Removes whitespace and full-width spaces (page breaks split words: "市政务数\n\n据办"). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Drops punctuation and quotes so that n-grams only span words. */
function letters(text: string): string {
  return compact(text).replace(/[，。；：、“”‘’"'（）()《》〔〕【】[\]！？!?,.;:·…—\-+]/g, '|');
}

/** Character n-grams (n = 2 by default) of the text, punctuation excluded. */
export function charNgrams(text: string, n = 2): string[] {
  const out: string[] = [];
  for (const piece of letters(text).split('|')) {
    for (let i = 0; i + n <= piece.length; i++) out.push(piece.slice(i, i + n));
  }
  return out;
}

/** A sparse vector as ascending term ids and their weights (typed arrays: no Map per text). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** Builds L2-normalised TF-IDF vectors of character n-grams (bigrams by default) over a collection of texts. */
export function tfidfVectors(texts: string[], n = 2): SparseVector[] {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const tfs = texts.map((t) => {
    const tf = new Map<number, number>();
    for (const g of charNgrams(t, n)) {
      let id = vocabulary.get(g);
      if (id === undefined) vocabulary.set(g, (id = vocabulary.size));
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
    return tf;
  });
  const N = texts.length;
  const idf = Float64Array.from(df, (d) => Math.log((N + 1) / (d + 1) + 1));
  const weight = (id: number, tf: number) => (1 + Math.log(tf)) * idf[id];
  return tfs.map((tf) => {
    const ids = Int32Array.from(tf.keys()).sort();
    let norm = 0;
    for (const [id, c] of tf) {
      const w = weight(id, c);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const weights = Float64Array.from(ids, (id) => weight(id, tf.get(id)!) / norm);
    return { ids, weights };
  });
}

/** Cosine of two L2-normalised sparse vectors (a merge of their sorted term ids). */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  let s = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) s += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Cosine of two dense vectors (not assumed normalised). */
export function denseCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

// Frequent plan boilerplate that two tasks share without sharing a subject.
const STOP_TERMS = ['数字政府', '数字化改革', '数字化', '应用场景', '建设', '全面', '推进', '加快', '提升', '能力', '体系', '迭代升级', '深化', '打造', '实现', '全市', '全省', '持续', '完善', '推动', '加强', '应用', '一批', '工作', '机制', '水平', '相关'];

/**
 * The maximal common substrings (at least `minLen` characters) of `a` found in `b`, longest first,
 * boilerplate removed: the terms that make two tasks about the same thing.
 */
export function sharedTerms(a: string, b: string, minLen = 4, max = 8): string[] {
  const A = letters(a);
  const B = letters(b);
  const grams = new Set<string>();
  for (const piece of B.split('|')) for (let i = 0; i + minLen <= piece.length; i++) grams.add(piece.slice(i, i + minLen));
  const found = new Set<string>();
  for (const piece of A.split('|')) {
    let i = 0;
    while (i + minLen <= piece.length) {
      if (!grams.has(piece.slice(i, i + minLen))) {
        i++;
        continue;
      }
      let j = i + minLen;
      while (j < piece.length && B.includes(piece.slice(i, j + 1))) j++;
      found.add(piece.slice(i, j));
      i = j;
    }
  }
  const terms = [...found].filter((t) => !STOP_TERMS.some((s) => t === s || (t.length <= s.length + 1 && t.includes(s))));
  terms.sort((x, y) => y.length - x.length || x.localeCompare(y));
  // Keep a term only if no longer kept term contains it.
  const kept: string[] = [];
  for (const t of terms) if (!kept.some((k) => k.includes(t))) kept.push(t);
  return kept.slice(0, max);
}
