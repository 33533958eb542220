import { isNotParamError, lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';

/**
 * Problems Neo4j's own Cypher parser and semantic analysis (@neo4j-cypher/language-support)
 * find in `query`: syntax errors, undefined variables, and, when `params` are given, parameters
 * the statement uses but the caller did not send, and, given a vocabulary, labels, types and
 * property keys outside it. Empty when the query is valid.
 */
export function cypherProblems(query: string, params?: Record<string, unknown>, vocabulary: DbSchema = {}): string[] {
  const { diagnostics } = lintCypherQuery(query, { ...vocabulary, ...(params ? { parameters: params } : {}) }, { consoleCommandsEnabled: true });
  return diagnostics.filter((d) => params || isNotParamError(d as { message: string })).map((d) => `${d.severity === 1 ? 'error' : 'warning'} at ${d.offsets.start}: ${d.message}`);
}
