import { createError, isKgError, type KgError } from '../core/errors';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Maps a driver error to a typed KgError: an unreachable or lost server (after the driver's own
 * retries), bad credentials and a missing database all become STORE_UNAVAILABLE with a message
 * that says what to check; anything else is INTERNAL with the driver error as cause.
 */
export function toKgError(e: unknown, where: string): KgError {
  if (isKgError(e)) return e;
  const err = e as { code?: string; message?: string; retriable?: boolean };
  const code = err?.code ?? '';
  const detail = err?.message ?? String(e);
  if (UNAVAILABLE.has(code)) {
    return createError('STORE_UNAVAILABLE', `图数据库不可用 / Neo4j at ${where} is unavailable (${code}): ${detail}; is it running? (docker compose up neo4j)`, { cause: e, details: { neo4jCode: code } });
  }
  if (/Connection acquisition timed out/.test(detail)) {
    // the driver's pool gives this no code: a server that accepts TCP but never answers Bolt
    return createError('STORE_UNAVAILABLE', `图数据库无响应 / Neo4j at ${where} did not answer in time: ${detail}`, { cause: e, details: { neo4jCode: code } });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return createError('STORE_UNAVAILABLE', `图数据库拒绝登录 / Neo4j at ${where} refused the credentials (${code}); check NEO4J_USER and NEO4J_PASSWORD`, { cause: e, details: { neo4jCode: code } });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return createError('STORE_UNAVAILABLE', `图数据库不存在 / Neo4j at ${where} has no such database; check NEO4J_DATABASE`, { cause: e, details: { neo4jCode: code } });
  }
  if (code.startsWith('Neo.TransientError.') || err?.retriable === true) {
    return createError('STORE_UNAVAILABLE', `图数据库暂时不可用 / Neo4j at ${where} kept failing with a transient error (${code}): ${detail}`, { cause: e, details: { neo4jCode: code } });
  }
  return createError('INTERNAL', `图数据库错误 / Neo4j error${code ? ` ${code}` : ''}: ${detail}`, { cause: e, details: { neo4jCode: code || undefined } });
}
