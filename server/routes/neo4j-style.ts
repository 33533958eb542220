/**
 * `GET /neo4j/style.grass`: the Neo4j Browser style (docs/neo4j/style.grass). docker-compose tells
 * Browser to run `:style http://localhost:3000/neo4j/style.grass` on connect; Browser fetches it
 * from another origin (:7474), so this one public, read-only file is served with an open CORS header,
 * and the CORS preflight chromium sends first (Browser opened as 127.0.0.1, the style at localhost:
 * a local-network request) is answered, private-network permission included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

const GRASS = path.resolve(__dirname, '../../docs/neo4j/style.grass');

export function neo4jStyleRoutes(): Router {
  const router = Router();
  router.options('/neo4j/style.grass', (req, res) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Access-Control-Allow-Methods', 'GET');
    const asked = req.get('Access-Control-Request-Headers');
    if (asked) res.set('Access-Control-Allow-Headers', asked);
    if (req.get('Access-Control-Request-Private-Network') === 'true') res.set('Access-Control-Allow-Private-Network', 'true');
    res.status(204).end();
  });
  router.get('/neo4j/style.grass', (_req, res, next) => {
    fs.readFile(GRASS, 'utf8', (err, text) => {
      if (err) return next(err);
      res.set('Access-Control-Allow-Origin', '*');
      res.set('Cross-Origin-Resource-Policy', 'cross-origin'); // helmet's same-origin default would block Browser
      res.type('text/plain; charset=utf-8').send(text);
    });
  });
  return router;
}
