/** `GET /api/nodes/:id` and `GET /api/nodes/:id/neighbourhood?depth=1..3` (ids percent-encoded). */
import { Router } from 'express';
import { createError } from '../../core/errors';
import type { GraphNode } from '../../graph/model';
import type { GraphStore } from '../../graph/store';
import type { AppDeps } from '../deps';
import { intParam, LIMITS, nodeId } from '../validation';

async function mustGet(store: GraphStore, id: string): Promise<GraphNode> {
  const node = await store.getNode(id);
  if (!node) throw createError('NOT_FOUND', `节点不存在 / no node with id ${JSON.stringify(id)}`);
  return node;
}

export function nodeRoutes({ store }: AppDeps): Router {
  const router = Router();
  router.get('/nodes/:id', async (req, res) => {
    const node = await mustGet(store, nodeId(req.params.id));
    if (!node.labels.includes('Task')) return void res.json({ node });
    // a task comes with its responsible units (role, order) and the applications it names
    const [units, applications] = await Promise.all([store.unitsOfTask(node.id), store.applicationsOfTask(node.id)]);
    res.json({ node, units, applications });
  });
  router.get('/nodes/:id/neighbourhood', async (req, res) => {
    const id = nodeId(req.params.id);
    const query = req.query as Record<string, unknown>;
    const depth = intParam(query, 'depth', LIMITS.depthMin, LIMITS.depthMax) ?? LIMITS.depthDefault;
    const limit = intParam(query, 'limit', 1, LIMITS.neighbourhoodMax) ?? LIMITS.neighbourhoodDefault;
    await mustGet(store, id);
    res.json(await store.neighbourhood(id, depth, { limit }));
  });
  return router;
}
