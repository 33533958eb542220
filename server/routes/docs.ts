/** `GET /api/openapi.json` and the human-readable page at `GET /api` (also `/docs/api`). */
import { Router } from 'express';
import { renderApiPage } from '../api-page';
import { openApiDocument } from '../openapi';

export function docsRoutes(): Router {
  const router = Router();
  const doc = openApiDocument();
  const page = renderApiPage(doc);
  router.get('/api/openapi.json', (_req, res) => void res.json(doc));
  router.get(['/api', '/api/', '/docs/api'], (_req, res) => void res.type('html').send(page));
  return router;
}
