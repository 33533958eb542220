/**
 * Where keyword candidates come from. By default the in-process BM25 indexes of build.ts answer
 * (KeywordIndexes.word/char.searchWeighted); a KeywordSource answers instead when the keyword
 * index lives elsewhere (Neo4j's fulltext index: search/neo4j-fulltext.ts, KG_SEARCH_INDEX=neo4j).
 * The terms are the in-process tokenizers' (jieba words, character uni+bigrams) with their weights.
 */
export interface KeywordSource {
  /** Tasks best first for weighted terms of one channel, at most `limit`. */
  searchWeighted(channel: 'word' | 'char', terms: Map<string, number>, limit: number): Promise<{ id: string; score: number }[]>;
}
