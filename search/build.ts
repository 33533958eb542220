/**
 * Builds the search indexes from the graph: keyword (BM25 over jieba words and over character
 * uni+bigrams, jieba taught the graph's names) and dense (passages embedded, cached by content
 * hash, in a VectorIndex).
 */
import type { GraphStore } from '../graph/store';
import { Bm25Index } from './bm25';
import { loadCorpus, nodeName, ownHeading, type Corpus } from './corpus';
import type { Embedder } from './embedder';
import type { EmbeddingCache } from './embedding-cache';
import { normalize, normalizeAligned } from './normalize';
import { DenseMatrix, KeyedMatrix, unitVector } from './dense-matrix';
import { passagesOf, type Passage } from './passages';
import { DEFAULT_SETTINGS, type RankingSettings } from './settings';
import { addUserWords, charTokens, jiebaCut, wordTokens, type Tokenizer } from './tokenize';
import { EntityLinker } from './understand';
import type { VectorIndex } from './vector-index';
import { Vocabulary } from './vocabulary';

export interface KeywordIndexes {
  corpus: Corpus;
  linker: EntityLinker;
  word: Bm25Index;
  char: Bm25Index;
  vocabulary: Vocabulary;
}

/** The two keyword channels' tokenizers (jieba words and character uni+bigrams by default). */
export interface Tokenizers {
  word: Tokenizer;
  char: Tokenizer;
  /** Plain segmentation of a question (where its words lie; typo correction). Default jieba's cut. */
  cut?: Tokenizer;
}

export const DEFAULT_TOKENIZERS: Tokenizers = { word: wordTokens, char: charTokens, cut: jiebaCut };

export interface DenseIndex {
  vectors: VectorIndex;
  taskVectors: KeyedMatrix; // whole-task vectors by task id (similar tasks, 'mix' pooling, feedback)
  passages: number;
  termVectors?: DenseMatrix; // vectors of the vocabulary's terms, row i = term i (the bridge)
  scan?: PassageScan; // a small in-process index: every passage scored by one scan instead of the graph walk
}

/**
 * Every passage vector in one matrix, kept when the corpus is small enough (≤ PASSAGE_SCAN_MAX
 * passages) and the vector index is in this process: the dense list then comes from one exact
 * scan pooled per task (signals.ts), where the HNSW walk with the hundreds of neighbours the
 * pooling needs visits most of the points anyway and returns them as objects to pool.
 */
export interface PassageScan {
  matrix: DenseMatrix; // passage i's unit vector in row i
  task: Int32Array; // passage row → its task's row in taskVectors
  whole: Int32Array; // task row → the row of its whole-task passage
}

/** Most passages scanned instead of searched (8 MiB of 512-d vectors); larger corpora walk the HNSW graph. */
export const PASSAGE_SCAN_MAX = 4096;


/** Progress of an index build (the object form app/pipeline.ts forwards). */
export interface ProgressEvent {
  stage: 'keyword' | 'embed' | 'vectors';
  message: string;
  done?: number;
  total?: number;
}
export type Progress = (p: ProgressEvent) => void;

/** Keyword side: corpus, entity lexicon, both BM25 channels. */
export async function buildKeyword(store: GraphStore, settings: Pick<RankingSettings, 'bm25b'> = DEFAULT_SETTINGS, tokenizers: Tokenizers = DEFAULT_TOKENIZERS): Promise<KeywordIndexes> {
  const corpus = await loadCorpus(store);
  const linker = new EntityLinker(corpus);
  addUserWords(linker.words()); // before tokenizing documents, so names stay whole on both sides
  const word = new Bm25Index(tokenizers.word, { b: settings.bm25b });
  const char = new Bm25Index(tokenizers.char, { b: settings.bm25b });
  for (const t of corpus.tasks) {
    const fields = {
      title: normalizeAligned(t.title),
      text: normalizeAligned(t.body),
      section: normalize(t.section.join(' ')),
      // the task's own (deepest) heading without its numbering: a summary of the tasks under it
      heading: normalize(ownHeading(t)),
      units: normalize(t.units.map((u) => nodeName(corpus.units.get(u.id))).join(' ')),
      apps: normalize(t.apps.map((a) => nodeName(corpus.apps.get(a))).join(' ')),
    };
    word.add(t.id, fields);
    char.add(t.id, fields);
  }
  return { corpus, linker, word, char, vocabulary: new Vocabulary(corpus, tokenizers.word, tokenizers.cut ?? jiebaCut) };
}

/** Every passage the dense index holds, for the given settings. */
export function allPassages(corpus: Corpus, settings: Pick<RankingSettings, 'sentences'>): Passage[] {
  return corpus.tasks.flatMap((t) => passagesOf(t, settings.sentences));
}

/** Dense side: embeds (through the cache) and fills `vectors`. */
export async function buildDense(
  corpus: Corpus,
  embedder: Embedder,
  cache: EmbeddingCache,
  vectors: VectorIndex,
  settings: Pick<RankingSettings, 'sentences'>,
  onProgress?: Progress,
  scanMax = 0, // keep a PassageScan up to this many passages (0: never; an index outside this process)
): Promise<DenseIndex> {
  const passages = allPassages(corpus, settings);
  const vecs = await cache.embed(embedder, passages.map((p) => p.text), (done, total) => onProgress?.({ stage: 'embed', message: `嵌入 / embedding ${done}/${total}`, done, total }));
  if (vectors.size === 0) vectors.addMany(passages.map((p, i) => ({ key: p.key, vector: vecs[i] })));
  const taskVectors = new KeyedMatrix(embedder.dimensions);
  passages.forEach((p, i) => {
    if (p.key === p.taskId) taskVectors.set(p.taskId, vecs[i]);
  });
  const dense: DenseIndex = { vectors, taskVectors, passages: passages.length };
  if (passages.length > 0 && passages.length <= scanMax) {
    const whole = new Int32Array(taskVectors.size).fill(-1);
    passages.forEach((p, i) => {
      if (p.key === p.taskId) whole[taskVectors.rowOf(p.taskId)] = i;
    });
    const task = Int32Array.from(passages, (p) => taskVectors.rowOf(p.taskId));
    if (!task.includes(-1) && !whole.includes(-1)) dense.scan = { matrix: DenseMatrix.of(vecs.map(unitVector), embedder.dimensions), task, whole };
  }
  return dense;
}
