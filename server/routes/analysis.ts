/**
 * Cross-plan analysis API (JSON) and the chart library for /analysis.html:
 *   GET /api/analysis/domains                       per-plan task counts per government function
 *   GET /api/analysis/compare?domain=…|topic=…      plan-by-plan tasks for a domain or topic
 *   GET /api/analysis/units/workload?name=…         a unit's tasks across plans, led vs shared
 *   GET /api/analysis/applications/shared           applications named in two or more plans
 *   GET /api/analysis/targets/by-year               quantified targets grouped by deadline year
 *   GET /vendor/chart.js/chart.umd.js               Chart.js served from node_modules (no CDN)
 * Mount with `app.use(analysisRouter(deps))` before the /api 404 handler.
 */
import path from 'node:path';
import express, { Router } from 'express';
import { DOMAINS } from '../../analysis/domain-rules';
import { storeViews } from '../../analysis/views';
import { createError } from '../../core/errors';
import type { GraphStore } from '../../graph/store';
import { LIMITS, textParam } from '../validation';

const CHART_DIR = path.dirname(require.resolve('chart.js')); // dist/ (package.json is not exported)

export function analysisRouter({ store }: { store: GraphStore }): Router {
  const router = Router();
  const views = storeViews(store);
  router.use('/vendor/chart.js', express.static(CHART_DIR, { index: false, maxAge: '1d' }));
  router.get('/api/analysis/domains', async (_req, res) => {
    res.json(await views.domains());
  });
  router.get('/api/analysis/compare', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const domain = textParam(query, 'domain', LIMITS.filterMaxChars);
    const topic = textParam(query, 'topic', LIMITS.filterMaxChars);
    if (!domain && !topic) throw createError('BAD_REQUEST', '需要 domain 或 topic 参数 / domain or topic is required');
    if (domain && !(DOMAINS as readonly string[]).includes(domain)) {
      throw createError('BAD_REQUEST', `未知职能领域 / unknown domain: ${domain}（可选 / one of: ${DOMAINS.join('、')}）`);
    }
    res.json(await views.planComparison({ domain, topic }));
  });
  router.get('/api/analysis/units/workload', async (req, res) => {
    const name = textParam(req.query as Record<string, unknown>, 'name', LIMITS.filterMaxChars);
    if (!name) throw createError('BAD_REQUEST', '需要 name 参数（单位名称）/ name (unit name) is required');
    const result = await views.unitWorkload(name);
    if (!result.units.length) throw createError('NOT_FOUND', `未找到单位 / no unit named: ${name}`);
    res.json(result);
  });
  router.get('/api/analysis/applications/shared', async (_req, res) => {
    const items = await views.sharedApplications();
    res.json({ total: items.length, items });
  });
  router.get('/api/analysis/targets/by-year', async (_req, res) => {
    const years = await views.targetsByYear();
    res.json({ total: years.reduce((s, y) => s + y.count, 0), years });
  });
  return router;
}
