/** Facet listings: `GET /api/plans`, `GET /api/units?q=&limit=&offset=`, `GET /api/applications?q=&limit=&offset=`. */
import { Router } from 'express';
import type { GraphNode, Label } from '../../graph/model';
import type { GraphStore } from '../../graph/store';
import type { AppDeps } from '../deps';
import { intParam, LIMITS, textParam } from '../validation';

function names(n: GraphNode): string[] {
  const p = n.properties;
  const aliases = Array.isArray(p.aliases) ? (p.aliases as string[]) : [];
  return [String(p.name ?? ''), ...aliases];
}

/** Nodes of a label whose name or an alias contains `q`; exact matches first, then shorter names. */
async function lookup(store: GraphStore, label: Label, q: string | undefined, limit: number, offset: number) {
  const all = await store.nodesByLabel(label);
  const needle = q?.toLowerCase();
  const hits = needle ? all.filter((n) => names(n).some((s) => s.toLowerCase().includes(needle))) : all;
  const rank = (n: GraphNode) => (needle && names(n).some((s) => s.toLowerCase() === needle) ? 0 : 1);
  hits.sort((a, b) => rank(a) - rank(b) || String(a.properties.name).length - String(b.properties.name).length || a.id.localeCompare(b.id));
  return { total: hits.length, offset, items: hits.slice(offset, offset + limit) };
}

export function catalogRoutes({ store }: AppDeps): Router {
  const router = Router();
  router.get('/plans', async (_req, res) => {
    const [plans, tasks] = await Promise.all([store.plans(), store.nodesByLabel('Task')]);
    const perPlan = new Map<string, number>();
    for (const t of tasks) perPlan.set(String(t.properties.planId), (perPlan.get(String(t.properties.planId)) ?? 0) + 1);
    res.json({ plans: plans.map((node) => ({ node, tasks: perPlan.get(node.id) ?? 0 })) });
  });
  for (const [path, label] of [['/units', 'Unit'], ['/applications', 'Application']] as const) {
    router.get(path, async (req, res) => {
      const query = req.query as Record<string, unknown>;
      const q = textParam(query, 'q', LIMITS.filterMaxChars);
      const limit = intParam(query, 'limit', 1, LIMITS.listMax) ?? LIMITS.listDefault;
      const offset = intParam(query, 'offset', 0, LIMITS.listOffsetMax) ?? 0;
      res.json(await lookup(store, label, q, limit, offset));
    });
  }
  return router;
}
