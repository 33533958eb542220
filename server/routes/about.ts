/**
 * `GET /api/about`: what the page says about itself, taken from the ingested plans (never
 * written in code): a subtitle (how many plans, of which regions, what the graph holds), example
 * questions built from the graph (the unit leading most tasks, the most common target year, the
 * application most tasks name, a plan's document number, a coined term several plans use) and
 * the request limits the page's form needs (search/options.ts).
 */
import { Router } from 'express';
import type { GraphStore } from '../../graph/store';
import type { AppDeps } from '../deps';
import { LIMITS } from '../validation';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface About {
  title: string;
  subtitle: string;
  examples: string[];
  plans: number;
  regions: string[];
  limits: { queryMaxChars: number; kMax: number; kDefault: number; offsetMax: number };
}

function most<T>(items: T[], key: (t: T) => string): string | null {
  const counts = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > n) [best, n] = [k, c];
  return best;
}

export async function aboutGraph(store: GraphStore): Promise<About> {
  const data = await store.exportAll();
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const own = data.nodes.filter((n) => n.labels.includes('Plan') && n.properties.cited !== true);
  const regions = [...new Set(own.map((p) => str(p.properties.region)).filter(Boolean))];
  const tasks = data.nodes.filter((n) => n.labels.includes('Task'));
  const examples: string[] = [];
  // the unit leading most tasks, named with its region
  const lead = data.relationships.filter((r) => r.type === 'RESPONSIBLE_FOR' && r.properties.role === 'lead' && byId.get(r.end)?.labels.includes('Task'));
  const unitId = most(lead, (r) => (byId.get(r.start)?.properties.collective === true ? '' : r.start));
  const unit = unitId ? byId.get(unitId) : undefined;
  if (unit) {
    const name = str(unit.properties.name);
    const region = str(unit.properties.region);
    const qualified = region && !name.startsWith(region) ? `${region}${name.replace(/^[市省县区]/, '')}` : name;
    examples.push(`${qualified}牵头负责哪些任务`);
  }
  // the application most tasks name
  const implementsTask = data.relationships.filter((r) => r.type === 'IMPLEMENTS' && byId.get(r.start)?.labels.includes('Application') && byId.get(r.end)?.labels.includes('Task'));
  const appId = most(implementsTask, (r) => r.start);
  if (appId) examples.push(`${str(byId.get(appId)?.properties.name)}有哪些建设任务`);
  // a coined term (quoted in the text) that the most plans use
  const quoted = new Map<string, Set<string>>();
  for (const t of tasks) {
    for (const m of `${str(t.properties.title)} ${str(t.properties.text)}`.matchAll(/“([^”\n]{2,8})”/g)) {
      const set = quoted.get(m[1]) ?? new Set<string>();
      set.add(str(t.properties.planId));
      quoted.set(m[1], set);
    }
  }
  const term = [...quoted].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0];
  if (term && term[1].size >= 2) examples.push(`各地“${term[0]}”怎么推进`);
  // the year most targets are due
  const targets = data.nodes.filter((n) => n.labels.includes('Target') && typeof n.properties.year === 'number');
  const year = most(targets, (t) => String(t.properties.year));
  if (year) examples.push(`${year}年要达到什么目标`);
  // a document number
  const withNumber = own.find((p) => str(p.properties.docNumber));
  if (withNumber) examples.push(str(withNumber.properties.docNumber));
  const parts = [`${own.length} 份方案`, regions.length ? regions.join('、') : '', '任务、责任单位、重点应用、目标'].filter(Boolean);
  return {
    title: '数字政府规划知识图谱',
    subtitle: parts.join(' · '),
    examples,
    plans: own.length,
    regions,
    limits: { queryMaxChars: LIMITS.qMaxChars, kMax: LIMITS.kMax, kDefault: LIMITS.kDefault, offsetMax: LIMITS.offsetMax },
  };
}

export function aboutRoutes({ store }: AppDeps): Router {
  const router = Router();
  let memo: { revision: number | undefined; about: Promise<About> } | null = null;
  router.get('/about', async (_req, res) => {
    if (!memo || memo.revision !== store.revision || store.revision === undefined) memo = { revision: store.revision, about: aboutGraph(store) };
    res.json(await memo.about);
  });
  return router;
}
