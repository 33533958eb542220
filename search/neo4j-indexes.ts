/**
 * KG_SEARCH_INDEX=neo4j: the search's dense and keyword candidates from the Neo4j the graph lives
 * in (its vector index over the passages, its cjk fulltext index over the tasks) instead of the
 * in-process HNSW and BM25; the ranking around them is the same. Needs the Neo4j store.
 */
import { createError } from '../core/errors';
import type { GraphStore } from '../graph/store';
import { Neo4jStore } from '../graph/neo4j-store';
import type { KeywordSource } from './keyword-source';
import { Neo4jFulltextSource } from './neo4j-fulltext';
import { Neo4jVectorIndex } from './neo4j-vector-index';
import type { VectorIndex } from './vector-index';

/** Index parts createSearch uses instead of its in-process defaults. */
export interface SearchIndexes {
  /** A vector index of `dimensions`; `fresh`: empty, replacing what the last build left. */
  vectors(dimensions: number, fresh: boolean): VectorIndex;
  /** The file name (in data/search/) that says where the vectors are. */
  vectorFile: string;
  keyword: KeywordSource;
}

export function neo4jSearchIndexes(store: GraphStore): SearchIndexes {
  if (!(store instanceof Neo4jStore)) throw createError('STORE_UNAVAILABLE', 'KG_SEARCH_INDEX=neo4j 需要 Neo4j 图存储 / KG_SEARCH_INDEX=neo4j needs the Neo4j store (set NEO4J_URI)');
  const { driver, options } = store;
  const where = { database: options.database, where: options.where };
  return {
    vectors: (dimensions, fresh) => new Neo4jVectorIndex(driver, dimensions, { ...where, space: 'passages', replace: fresh }),
    vectorFile: 'vectors.neo4j.json',
    keyword: new Neo4jFulltextSource(driver, where),
  };
}
