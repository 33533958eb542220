/** `GET /api/search` (and the same as a JSON body on `POST /api/search`). */
import express, { Router, type Response } from 'express';
import { createError } from '../../core/errors';
import type { AppDeps } from '../deps';
import { searchJson } from '../search-json';
import { parseSearch } from '../validation';

export function searchRoutes({ search, config }: AppDeps): Router {
  const router = Router();
  const answer = async (input: Record<string, unknown>, res: Response) => {
    const { q, options } = parseSearch(input);
    const body = Buffer.from(searchJson(await search.search(q, options), config.server.maxAnswerBytes));
    // written directly: no ETag (took_ms differs in every answer, so it could never match)
    res.status(200).type('application/json; charset=utf-8').setHeader('Content-Length', body.length);
    res.end(body);
  };
  router.get('/search', (req, res) => answer(req.query as Record<string, unknown>, res));
  router.post('/search', express.json({ limit: config.server.bodyLimit, strict: true }), (req, res) => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw createError('BAD_REQUEST', '请求体须为 JSON 对象 / body must be a JSON object');
    }
    return answer(body as Record<string, unknown>, res);
  });
  return router;
}
