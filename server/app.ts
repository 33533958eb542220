/**
 * `createApp({store, search, config})`: the express app (JSON API + web page), built from
 * injected parts and returned without listening (app/serve.ts listens; tests too).
 */
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import type { AppDeps } from './deps';
import { corsFor, hostGuard, requestTimeout, sendDeadline, urlGuard } from './guards';
import { apiNotFound, errorMiddleware, methodNotAllowed } from './http-errors';
import { aboutRoutes } from './routes/about';
import { analysisRouter } from './routes/analysis';
import { catalogRoutes } from './routes/catalog';
import { docsRoutes } from './routes/docs';
import { neo4jStyleRoutes } from './routes/neo4j-style';
import { nodeRoutes } from './routes/nodes';
import { searchRoutes } from './routes/search';
import { sourceRoutes } from './routes/source';
import { statusRoutes } from './routes/status';
import { hsts, rateLimiter, securityHeaders, trustProxyValue } from './security';

export type { AppDeps } from './deps';

const PUBLIC_DIR = path.join(__dirname, 'public');
const CYTOSCAPE_DIST = path.dirname(require.resolve('cytoscape')); // dist/cytoscape.cjs.js → dist/

export function createApp(deps: AppDeps): Express {
  const { config } = deps;
  const log = deps.log ?? (config.logLevel === 'silent' ? () => {} : (m: string) => console.error(m));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // flat key=value pairs; repeated keys become arrays, refused by validation
  app.set('trust proxy', trustProxyValue(config.server.trustProxy)); // req.ip (the rate-limit key) and req.secure
  app.use(urlGuard);
  app.use(sendDeadline(config.server.requestTimeoutMs, config.server.sendTimeoutMs));
  app.use(securityHeaders());
  app.use(compression()); // gzip/deflate when the client accepts it (JSON answers are mostly text)
  app.use(hsts(config.server.hsts));
  app.use(hostGuard(config.server.allowedHosts));
  app.use(corsFor(config.server.corsOrigin));
  app.use('/api', rateLimiter(config.server.rateLimitPerMinute), requestTimeout(config.server.requestTimeoutMs));
  app.use(docsRoutes());
  app.use(neo4jStyleRoutes());
  for (const routes of [searchRoutes, nodeRoutes, catalogRoutes, statusRoutes, sourceRoutes, aboutRoutes]) app.use('/api', routes(deps));
  app.use(analysisRouter(deps)); // /api/analysis/* and /vendor/chart.js for analysis.html
  app.use('/api', methodNotAllowed(app as unknown as { router: { stack: unknown[] } }));
  app.use('/api', apiNotFound);
  // the page's only third-party script, served from node_modules (no CDN: offline intranets)
  app.use('/vendor/cytoscape', express.static(CYTOSCAPE_DIST, { index: false, maxAge: '1d' }));
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: 0 }));
  app.use(apiNotFound);
  app.use(errorMiddleware(log));
  return app;
}
