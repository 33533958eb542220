/**
 * One parsed document → GraphData with the ids and properties of graph/model.ts:
 * Plan, cited Plans, Task, Section, Unit, Application, Region and their relationships.
 */
import { ids, relKey, type GraphData, type GraphNode, type GraphRelationship, type Props } from '../graph/model';
import { appKey } from './app-names';
import { isDecimal, matchMarker, pathSegment } from './outline';
import { regionOf } from './metadata';
import { bracketForms, isCollective, unitKey, type UnitContext } from './unit-identity';
import type { ListedApp, ParsedPlan, ParsedTask } from './types';

class Builder {
  readonly nodes = new Map<string, GraphNode>();
  readonly rels = new Map<string, GraphRelationship>();
  node(id: string, label: GraphNode['labels'][number], properties: Props): GraphNode {
    const prev = this.nodes.get(id);
    if (prev) return prev;
    const n: GraphNode = { id, labels: [label], properties };
    this.nodes.set(id, n);
    return n;
  }
  rel(type: GraphRelationship['type'], start: string, end: string, properties: Props = {}): void {
    const k = relKey({ type, start, end });
    if (!this.rels.has(k)) this.rels.set(k, { type, start, end, properties });
  }
  data(): GraphData {
    return { nodes: [...this.nodes.values()], relationships: [...this.rels.values()] };
  }
}

/** Every raw unit form of a document by canonical key, with how often each is printed (first-seen order). */
function unitForms(tasks: ParsedTask[], listed: ListedApp[], ctx: UnitContext = {}): Map<string, Map<string, number>> {
  const raws = [...tasks.flatMap((t) => t.units.map((u) => u.raw)), ...listed.flatMap((a) => a.units)];
  const byKey = new Map<string, Map<string, number>>();
  for (const r of raws) {
    const k = unitKey(r, ctx);
    const m = byKey.get(k) ?? new Map<string, number>();
    m.set(r, (m.get(r) ?? 0) + 1);
    byKey.set(k, m);
  }
  return byKey;
}

/** Groups of raw unit strings of one document that name the same unit (by canonical key). */
export function unitAliasGroups(tasks: ParsedTask[], listed: ListedApp[], ctx: UnitContext = {}): string[][] {
  return [...unitForms(tasks, listed, ctx).values()].map((forms) => [...forms.keys()]).filter((g) => g.length > 1);
}

/** The section path of each heading above a task (`s<i>` for a heading without a number; a decimal number, 2.1, is its whole path). */
function sectionPaths(headings: string[], decimal: boolean): string[] {
  const out: string[] = [];
  headings.forEach((h, i) => {
    const m = matchMarker(h, decimal);
    const step = m ? pathSegment(m) : `s${i}`;
    out.push(m?.decimal || i === 0 ? step : `${out[i - 1]}.${step}`);
  });
  return out;
}

/** Builds the graph of one document. */
export function toGraph(plan: ParsedPlan, tasks: ParsedTask[], listed: ListedApp[]): GraphData {
  const b = new Builder();
  // a plan whose region is unknown scopes its units to itself: two such plans' 市政府办 are two offices
  const region = plan.region ?? ids.unknownRegion(plan.sourceFile ?? plan.id);
  const { implements: cited, id: planId, untitled: _untitled, ...planProps } = plan;
  b.node(planId, 'Plan', { ...planProps, cited: false } as unknown as Props);
  if (plan.region) {
    b.node(ids.region(region), 'Region', { name: region, level: plan.level });
    b.rel('IN_REGION', planId, ids.region(region));
  }
  for (const c of cited) {
    const cid = ids.plan(c.docNumber);
    const citedRegion = regionOf(null, c.issuer);
    b.node(cid, 'Plan', { title: c.title ?? c.docNumber, issuer: c.issuer, docNumber: c.docNumber, date: null, region: citedRegion?.name ?? null, level: citedRegion?.level ?? null, sourceFile: null, cited: true });
    b.rel('IMPLEMENTS', planId, cid);
  }

  // units: one node per canonical key in the plan's region, named by its most frequent form
  const unitCtx: UnitContext = { region: plan.region, level: plan.level };
  for (const [k, forms] of unitForms(tasks, listed, unitCtx)) {
    const name = [...forms.entries()].sort((x, y) => y[1] - x[1])[0][0];
    const aliases = new Set<string>();
    for (const f of forms.keys()) {
      aliases.add(f);
      const { main, alternates } = bracketForms(f);
      aliases.add(main);
      alternates.forEach((a) => aliases.add(a));
    }
    const id = ids.unit(region, k);
    b.node(id, 'Unit', { name: bracketForms(name).main, aliases: [...aliases], region: plan.region, collective: isCollective(name) });
    if (plan.region) b.rel('IN_REGION', id, ids.region(region));
  }
  const unitId = (raw: string) => ids.unit(region, unitKey(raw, unitCtx));

  // numbered 2 / 2.1 / 2.1.1, as the outline read it
  const decimal = isDecimal([...new Set(tasks.flatMap((t) => t.section))].map((text) => ({ text })));
  for (const t of tasks) {
    const { id, units, applications, ...props } = t;
    b.node(id, 'Task', { ...props, planId } as unknown as Props);
    b.rel('PART_OF', id, planId);
    const segments = sectionPaths(t.section, decimal);
    let parent = planId;
    for (let i = 0; i < segments.length; i++) {
      const sp = segments[i];
      const sid = ids.section(planId, sp);
      b.node(sid, 'Section', { path: sp, title: t.section[i], planId });
      b.rel('PART_OF', sid, parent);
      parent = sid;
    }
    if (segments.length) b.rel('PART_OF', id, parent); // a task hangs from its innermost section
    for (const u of units) b.rel('RESPONSIBLE_FOR', unitId(u.raw), id, { role: u.role, order: u.order });
    for (const a of applications) {
      const aid = ids.application(appKey(a.name));
      const n = b.node(aid, 'Application', { name: a.name, aliases: [a.name], tier: null });
      const aliases = n.properties.aliases as string[];
      if (!aliases.includes(a.name)) aliases.push(a.name);
      b.rel('IMPLEMENTS', aid, id, { evidence: a.evidence, confidence: a.confidence });
    }
  }
  for (const a of listed) {
    const aid = ids.application(appKey(a.name));
    const n = b.node(aid, 'Application', { name: a.name, aliases: [a.name], tier: a.tier });
    n.properties = { name: a.name, aliases: [...new Set([a.name, ...(n.properties.aliases as string[])])], tier: a.tier };
    b.rel('LISTS', planId, aid, { tier: a.tier, no: a.no });
    a.units.forEach((u, i) => b.rel('RESPONSIBLE_FOR', unitId(u), aid, { role: 'responsible', order: i + 1 }));
  }
  return b.data();
}
