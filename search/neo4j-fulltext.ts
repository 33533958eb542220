/**
 * Keyword candidates from Neo4j's `task_text` fulltext index (cjk analyzer over Task.title and
 * Task.text; Lucene BM25), for KG_SEARCH_INDEX=neo4j. Each weighted term becomes a quoted Lucene
 * phrase with its weight as boost ("数据共享"^1 "共享"^0.3 …, OR-ed): the analyzer splits a phrase
 * into the same character bigrams it indexed. The query travels as a parameter; inside it every
 * term is a quoted, escaped phrase, so no Lucene syntax comes from the question.
 */
import * as Q from '../graph/cypher';
import type { DriverLike } from '../graph/neo4j-store';
import { toKgError } from '../graph/neo4j-errors';
import { int } from '../graph/neo4j-values';
import type { KeywordSource } from './keyword-source';

/** A Lucene query of quoted, boosted phrases; empty when no term has a positive weight. */
export function luceneQuery(terms: Map<string, number>): string {
  const parts: string[] = [];
  for (const [term, weight] of terms) {
    const text = term.replace(/[\\"]/g, (c) => `\\${c}`).trim();
    if (!text || !(weight > 0)) continue;
    parts.push(`"${text}"^${Number(weight.toFixed(4))}`);
  }
  return parts.join(' ');
}

export class Neo4jFulltextSource implements KeywordSource {
  constructor(private readonly driver: DriverLike, private readonly options: { database?: string; where?: string } = {}) {}

  /** Both channels ask the one fulltext index, each with its own tokens. */
  async searchWeighted(_channel: 'word' | 'char', terms: Map<string, number>, limit: number): Promise<{ id: string; score: number }[]> {
    const q = luceneQuery(terms);
    if (!q || limit <= 0) return [];
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'READ' });
    try {
      const res = await session.executeRead(async (tx) => tx.run(Q.FULLTEXT_TASKS, { index: Q.FULLTEXT_INDEX, q, limit: int(limit) }));
      return res.records.map((r) => ({ id: r.get('id') as string, score: Number(r.get('score')) }));
    } catch (e) {
      throw toKgError(e, this.options.where ?? 'NEO4J_URI');
    } finally {
      await session.close();
    }
  }
}
