/**
 * `GET /api/source/:file?from=&to=`: the original lines a citation points at. Only the seed
 * files present at start-up are served (exact name match): no paths, no traversal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { createError } from '../../core/errors';
import type { AppDeps } from '../deps';
import { intParam, LIMITS } from '../validation';

const SEED_NAME = /^[\w.-]+\.txt$/;

export function sourceRoutes({ config }: AppDeps): Router {
  const router = Router();
  const allowed = new Set(fs.existsSync(config.seedsDir) ? fs.readdirSync(config.seedsDir).filter((f) => SEED_NAME.test(f)) : []);
  const cache = new Map<string, string[]>();
  const linesOf = async (file: string) => {
    let lines = cache.get(file);
    if (!lines) {
      lines = (await fs.promises.readFile(path.join(config.seedsDir, file), 'utf8')).split(/\r?\n/);
      cache.set(file, lines);
    }
    return lines;
  };
  router.get('/source', (_req, res) => void res.json({ files: [...allowed].sort() }));
  router.get('/source/:file', async (req, res) => {
    const file = String(req.params.file);
    if (!allowed.has(file)) throw createError('NOT_FOUND', `没有该源文件 / no such source file: ${JSON.stringify(file.slice(0, 100))}`);
    const lines = await linesOf(file);
    const query = req.query as Record<string, unknown>;
    const from = intParam(query, 'from', 1, lines.length) ?? 1;
    const asked = intParam(query, 'to', 1, 10_000_000) ?? from + LIMITS.sourceLinesDefault - 1;
    if (asked < from) throw createError('BAD_REQUEST', '参数 to 须不小于 from / to must be >= from');
    if (asked - from + 1 > LIMITS.sourceLinesMax) throw createError('BAD_REQUEST', `一次最多 ${LIMITS.sourceLinesMax} 行 / at most ${LIMITS.sourceLinesMax} lines per request`);
    const to = Math.min(asked, lines.length);
    res.json({ file, from, to, totalLines: lines.length, lines: lines.slice(from - 1, to).map((text, i) => ({ n: from + i, text })) });
  });
  return router;
}
