/**
 * Analyst views over the analysed graph: plan-by-plan comparison for a topic or domain, a unit's
 * workload across plans, applications shared across plans, targets by year. Each is a pure
 * function of GraphData; `views(store)` runs them over a GraphStore.
 */
import type { GraphData } from '../graph/model';
import type { GraphStore } from '../graph/store';
import { DOMAINS, domainDistribution } from './domains';
import { indexGraph, type GraphIndex } from './graph-index';
import { unitType } from './pair-score';
import { compact } from './text';
import { UnitDirectory, unitRecords, unitsNamed, type UnitNodeRef } from '../entities/unit-mentions';

interface PlanRef {
  planId: string;
  title: string;
  region: string | null;
  level: string | null;
}

function planRef(idx: GraphIndex, planId: string): PlanRef {
  const p = idx.nodes.get(planId)?.properties ?? {};
  return { planId, title: String(p.title ?? planId), region: (p.region as string) ?? null, level: (p.level as string) ?? null };
}

function domainOf(idx: GraphIndex, taskId: string): string | null {
  const r = idx.out('IN_DOMAIN', taskId)[0];
  return r ? String(idx.nodes.get(r.end)?.properties.name ?? '') : null;
}

function targetsOf(idx: GraphIndex, ownerId: string) {
  return idx.out('HAS_TARGET', ownerId).map((r) => idx.nodes.get(r.end)!).filter(Boolean).map((t) => ({ id: t.id, ...t.properties }));
}

/** Plans in a stable order: provincial first, then by id. */
function orderedPlans(idx: GraphIndex): string[] {
  return [...idx.tasksByPlan.keys()].sort((a, b) => {
    const la = idx.nodes.get(a)?.properties.level === 'province' ? 0 : 1;
    const lb = idx.nodes.get(b)?.properties.level === 'province' ? 0 : 1;
    return la - lb || a.localeCompare(b);
  });
}

/** Tasks of each plan about a domain (exact Domain name) or a topic (every word in title or text). */
export function planComparison(graph: GraphData, query: { domain?: string; topic?: string }) {
  const idx = indexGraph(graph);
  const words = (query.topic ?? '').split(/[\s,，、;；]+/).map(compact).filter(Boolean);
  const matches = (t: { id: string; properties: { title?: string; text?: string } }): boolean => {
    if (query.domain && domainOf(idx, t.id) !== query.domain) return false;
    if (!words.length) return Boolean(query.domain);
    const hay = compact(`${t.properties.title ?? ''}${t.properties.text ?? ''}`);
    return words.every((w) => hay.includes(w));
  };
  const selected = new Set<string>();
  const plans = orderedPlans(idx).map((planId) => {
    const tasks = (idx.tasksByPlan.get(planId) ?? []).filter(matches).map((t) => {
      selected.add(t.id);
      const units = idx.unitsOfTask.get(t.id) ?? [];
      return {
        id: t.id,
        path: t.properties.path,
        title: t.properties.title,
        domain: domainOf(idx, t.id),
        units: units.map((u) => ({ name: String(u.unit.properties.name), role: u.role })),
        targets: targetsOf(idx, t.id),
      };
    });
    return { ...planRef(idx, planId), count: tasks.length, tasks };
  });
  const links = graph.relationships
    .filter((r) => (r.type === 'SIMILAR_TO' || (r.type === 'IMPLEMENTS' && idx.nodes.get(r.start)?.labels.includes('Task'))) && selected.has(r.start) && selected.has(r.end))
    .map((r) => ({ type: r.type, start: r.start, end: r.end, score: r.properties.score ?? null }));
  return { query: { domain: query.domain ?? null, topic: query.topic ?? null }, plans, links };
}

/**
 * A unit's tasks across plans, by the unit's name read with the unit grammar (as search reads it:
 * 金华市市场监督管理局, 市信息化办公室) or its type across regions ("市大数据局" also finds
 * 市政务数据办): led (role lead, or the only unit named) vs shared.
 */
export function unitWorkload(graph: GraphData, name: string) {
  const idx = indexGraph(graph);
  let wanted = compact(name);
  // a region-qualified name (金华市大数据局): the region narrows, the rest names the unit
  let region: string | null = null;
  const regions = [...new Set(graph.nodes.filter((n) => n.labels.includes('Unit')).map((n) => String(n.properties.region ?? '')).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const r of regions) {
    const short = r.length > 2 ? r.replace(/[市省县区]$/, '') : r;
    const prefix = wanted.startsWith(r) ? r : wanted.startsWith(short) ? short : null;
    if (prefix && wanted.length > prefix.length + 1) {
      region = r;
      wanted = wanted.slice(prefix.length);
      break;
    }
  }
  const type = unitType(wanted);
  // the units the name means by the unit grammar (市信息化办公室 = 市信息化办; 北京市政府办公厅 in a plan
  // that names no region), as search reads a question; then the same type across regions
  const unitNodes = graph.nodes.filter((n) => n.labels.includes('Unit'));
  const planLevel = (id: string) => {
    const task = idx.out('RESPONSIBLE_FOR', id).find((r) => idx.planOfTask.has(r.end));
    const level = task ? idx.nodes.get(idx.planOfTask.get(task.end)!)?.properties.level : null;
    return typeof level === 'string' ? (level as UnitNodeRef['planLevel']) : null;
  };
  const dir = new UnitDirectory(unitRecords(unitNodes.map((n) => ({ id: n.id, region: typeof n.properties.region === 'string' ? n.properties.region : null, collective: n.properties.collective === true, planLevel: planLevel(n.id) }))));
  const named = new Set(unitsNamed(name, dir));
  const units = unitNodes.filter((n) => {
    if (n.properties.collective === true) return false;
    if (named.has(n.id)) return true;
    if (region && n.properties.region !== region) return false;
    const names = [String(n.properties.name ?? ''), ...((n.properties.aliases as string[]) ?? [])].map(compact);
    return names.includes(wanted) || unitType(names[0]) === type;
  });
  const rows = units.map((u) => {
    const tasks = idx
      .out('RESPONSIBLE_FOR', u.id)
      .filter((r) => idx.nodes.get(r.end)?.labels.includes('Task'))
      .map((r) => {
        const others = (idx.unitsOfTask.get(r.end) ?? []).filter((x) => x.unit.id !== u.id).length;
        const led = r.properties.role === 'lead' || (r.properties.role === 'responsible' && others === 0);
        const t = idx.nodes.get(r.end)!;
        return { id: t.id, path: t.properties.path, title: t.properties.title, role: r.properties.role, led, domain: domainOf(idx, t.id), planId: idx.planOfTask.get(t.id) ?? '' };
      });
    const planIds = [...new Set(tasks.map((t) => t.planId))].sort();
    return {
      unit: { id: u.id, name: u.properties.name, region: u.properties.region ?? null },
      led: tasks.filter((t) => t.led).length,
      shared: tasks.filter((t) => !t.led).length,
      plans: planIds.map((planId) => {
        const ts = tasks.filter((t) => t.planId === planId);
        return { ...planRef(idx, planId), led: ts.filter((t) => t.led).length, shared: ts.filter((t) => !t.led).length, tasks: ts };
      }),
    };
  });
  return { query: name, unitType: type, units: rows.sort((a, b) => b.led + b.shared - (a.led + a.shared)) };
}

/** Applications named by tasks (or listed) in two or more plans, most shared first. */
export function sharedApplications(graph: GraphData) {
  const idx = indexGraph(graph);
  const apps = graph.nodes.filter((n) => n.labels.includes('Application'));
  const out = apps.map((a) => {
    const byPlan = new Map<string, string[]>();
    for (const r of idx.out('IMPLEMENTS', a.id)) {
      const planId = idx.planOfTask.get(r.end);
      if (planId) byPlan.set(planId, [...(byPlan.get(planId) ?? []), r.end]);
    }
    for (const r of idx.in('LISTS', a.id)) if (!byPlan.has(r.start)) byPlan.set(r.start, []);
    const plans = [...byPlan.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([planId, tasks]) => ({ ...planRef(idx, planId), tasks }));
    return { id: a.id, name: String(a.properties.name ?? a.id), planCount: plans.length, plans };
  });
  return out.filter((a) => a.planCount >= 2).sort((x, y) => y.planCount - x.planCount || x.name.localeCompare(y.name));
}

/** Targets grouped by deadline year (null last), each with its owner task or plan. */
export function targetsByYear(graph: GraphData) {
  const idx = indexGraph(graph);
  const groups = new Map<number | null, unknown[]>();
  for (const r of graph.relationships) {
    if (r.type !== 'HAS_TARGET') continue;
    const t = idx.nodes.get(r.end);
    const owner = idx.nodes.get(r.start);
    if (!t || !owner) continue;
    const planId = owner.labels.includes('Plan') ? owner.id : (idx.planOfTask.get(owner.id) ?? '');
    const year = typeof t.properties.year === 'number' ? t.properties.year : null;
    const row = { id: t.id, ...t.properties, ownerId: owner.id, ownerTitle: owner.properties.title ?? null, ownerKind: owner.labels.includes('Plan') ? 'plan' : 'task', plan: planRef(idx, planId) };
    groups.set(year, [...(groups.get(year) ?? []), row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, targets]) => ({ year, count: targets.length, targets }));
}

/** The views over a GraphStore (each reads the current graph once). */
export function storeViews(store: GraphStore) {
  const load = () => store.exportAll();
  return {
    domains: async () => ({ domains: [...DOMAINS], plans: domainDistribution(await load()) }),
    planComparison: async (q: { domain?: string; topic?: string }) => planComparison(await load(), q),
    unitWorkload: async (name: string) => unitWorkload(await load(), name),
    sharedApplications: async () => sharedApplications(await load()),
    targetsByYear: async () => targetsByYear(await load()),
  };
}
