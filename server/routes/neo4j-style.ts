/**
 * `GET /neo4j/style.grass`: the Neo4j Browser style (docs/neo4j/style.grass). docker-compose tells
 * Browser to run `:style http://localhost:3000/neo4j/style.grass` on connect; Browser fetches it
 * from another origin (:7474), so this one public, read-only file is served with an open CORS header.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

const GRASS = path.resolve(__dirname, '../../docs/neo4j/style.grass');

export function neo4jStyleRoutes(): Router {
  const router = Router();
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
