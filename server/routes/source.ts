/**
 * `GET /api/source/:file?from=&to=`: the lines a citation points at, as ingest decoded them (any
 * format, any encoding: the same reading that gave the tasks their lineStart–lineEnd; a PDF line
 * also carries its page). Only the plan files present in the plans folder are served (exact name
 * match): no paths, no traversal, no links leaving the folder.
 */
import { Router } from 'express';
import { createError } from '../../core/errors';
import { listDocuments, readDocumentSource, type DocumentSource } from '../../ingest';
import type { AppDeps } from '../deps';
import { intParam, LIMITS } from '../validation';

export function sourceRoutes({ config }: AppDeps): Router {
  const router = Router();
  let allowed: Promise<Set<string>> | null = null;
  const allowedFiles = () => (allowed ??= listDocuments(config.seedsDir).then((n) => new Set(n), () => new Set<string>()));
  const cache = new Map<string, Promise<DocumentSource>>();
  const sourceOf = (file: string) => {
    let s = cache.get(file);
    if (!s) {
      s = readDocumentSource(config.seedsDir, file);
      s.catch(() => cache.delete(file)); // a failed read is retried next time
      cache.set(file, s);
    }
    return s;
  };
  router.get('/source', async (_req, res) => void res.json({ files: [...(await allowedFiles())].sort() }));
  router.get('/source/:file', async (req, res) => {
    const file = String(req.params.file);
    if (!(await allowedFiles()).has(file)) throw createError('NOT_FOUND', `没有该源文件 / no such source file: ${JSON.stringify(file.slice(0, 100))}`);
    let source: DocumentSource;
    try {
      source = await sourceOf(file);
    } catch (e) {
      throw createError('NOT_FOUND', `源文件无法读取 / source file cannot be read: ${(e as Error).message.slice(0, 200)}`);
    }
    const { lines, pages } = source;
    const query = req.query as Record<string, unknown>;
    const from = intParam(query, 'from', 1, Math.max(lines.length, 1)) ?? 1;
    const asked = intParam(query, 'to', 1, 10_000_000) ?? from + LIMITS.sourceLinesDefault - 1;
    if (asked < from) throw createError('BAD_REQUEST', '参数 to 须不小于 from / to must be >= from');
    if (asked - from + 1 > LIMITS.sourceLinesMax) throw createError('BAD_REQUEST', `一次最多 ${LIMITS.sourceLinesMax} 行 / at most ${LIMITS.sourceLinesMax} lines per request`);
    const to = Math.min(asked, lines.length);
    const out = lines.slice(from - 1, to).map((text, i) => (pages ? { n: from + i, text, page: pages[from - 1 + i] } : { n: from + i, text }));
    res.json({ file, from, to, totalLines: lines.length, lines: out });
  });
  return router;
}
