/** `GET /api/stats` (graph and index counts, years for the facet) and `GET /api/health`. */
import { Router } from 'express';
import type { AppDeps } from '../deps';

/** The page's banner text when no embedding model is active (keyword search still works). */
export function embedderNote(active: boolean, reason: string | undefined): string | undefined {
  if (active) return undefined;
  return `未启用语义向量模型，当前仅关键词检索 / no embedding model active: keyword search only${reason ? ` (${reason})` : ''}`;
}

export function statusRoutes({ store, search }: AppDeps): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    const [counts, tasks] = await Promise.all([store.counts(), store.nodesByLabel('Task')]);
    const years = new Set<number>();
    for (const t of tasks) for (const y of (t.properties.years as number[] | undefined) ?? []) years.add(y);
    res.json({ ...counts, years: [...years].sort((a, b) => a - b), index: search.status() });
  });
  router.get('/health', async (_req, res) => {
    const index = search.status();
    const health = index.embedder.health;
    const modelDown = index.embedder.active && !!health && health.state !== 'up';
    const body = {
      status: (modelDown ? 'degraded' : 'ok') as 'ok' | 'degraded',
      // why it is degraded; a model process restarting still answers (keyword + graph), so 200
      reasons: modelDown ? [`嵌入模型 / embedding model ${health.state}: ${health.reason ?? ''}`.trim()] : ([] as string[]),
      store: { description: store.describe(), ok: true, nodes: 0, error: undefined as string | undefined },
      index: { vectors: index.vectors, keywordDocs: index.keywordDocs },
      embedder: index.embedder,
      note: embedderNote(index.embedder.active, index.embedder.reason),
    };
    try {
      const counts = await store.counts();
      body.store.nodes = Object.values(counts.nodes).reduce((a, b) => a + b, 0);
    } catch (err) {
      body.status = 'degraded';
      body.store.ok = false;
      body.store.error = (err as Error).message;
      body.reasons.push(`图数据库 / graph store: ${body.store.error}`);
    }
    // 503 only when the store cannot answer (nothing can be served); a model restart is 200 + degraded
    res.status(body.store.ok ? 200 : 503).json(body);
  });
  return router;
}
