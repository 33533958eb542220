import { ids, type GraphData, type GraphNode, type GraphRelationship } from '../graph/model';
import { DOMAINS, HEADING_RULES, SAFEGUARD_HEADING, SAFEGUARD_PRIOR, TEXT_KEYWORDS, TITLE_WEIGHT, type DomainName } from './domain-rules';
import { taskBody } from '../ingest/units';
import { indexGraph, type TaskNode } from './graph-index';
import { compact } from './text';

export { DOMAINS, type DomainName } from './domain-rules';

/** Why a task got its domain: a function heading, keyword scores (title/text), or nothing matched. */
export type DomainSource = 'section' | 'title' | 'text' | 'default';

export interface DomainAssignment {
  domain: DomainName;
  source: DomainSource;
  evidence: string; // the heading or the keywords that decided
}

function countOccurrences(text: string, kw: string): number {
  let n = 0;
  for (let i = text.indexOf(kw); i >= 0; i = text.indexOf(kw, i + kw.length)) n++;
  return n;
}

/**
 * Classifies one task: its section headings first (innermost first; a heading naming a function
 * decides), then keyword scores over title (x TITLE_WEIGHT) and text, with a prior for 组织保障
 * under a safeguard heading. Measures with no hit fall back to 组织保障, tasks to 政府运行.
 */
export function classifyTask(task: Pick<TaskNode['properties'], 'section' | 'title' | 'text' | 'kind' | 'body'>): DomainAssignment {
  const headings = [...(task.section ?? [])].reverse().map(compact);
  for (const h of headings) {
    for (const [domain, re] of HEADING_RULES) if (re.test(h)) return { domain, source: 'section', evidence: h };
  }
  const title = compact(task.title ?? '');
  const text = compact(taskBody(task));
  const body = text.startsWith(title) ? text.slice(title.length) : text;
  const scores = new Map<DomainName, number>(DOMAINS.map((d) => [d, 0]));
  const hits = new Map<DomainName, string[]>(DOMAINS.map((d) => [d, []]));
  const safeguard = headings.find((h) => SAFEGUARD_HEADING.test(h));
  if (safeguard) scores.set('组织保障', SAFEGUARD_PRIOR);
  const titleHit = new Set<DomainName>();
  for (const d of DOMAINS) {
    for (const kw of TEXT_KEYWORDS[d]) {
      const t = countOccurrences(title, kw);
      const b = countOccurrences(body, kw);
      if (t + b === 0) continue;
      if (t) titleHit.add(d);
      scores.set(d, scores.get(d)! + t * TITLE_WEIGHT + b);
      hits.get(d)!.push(kw);
    }
  }
  let best: DomainName | null = null;
  for (const d of DOMAINS) if (scores.get(d)! > 0 && (best === null || scores.get(d)! > scores.get(best)!)) best = d;
  if (best === null) return { domain: task.kind === 'measure' ? '组织保障' : '政府运行', source: 'default', evidence: '' };
  const evidence = [safeguard && best === '组织保障' ? safeguard : '', ...hits.get(best)!].filter(Boolean).join('、');
  return { domain: best, source: titleHit.has(best) ? 'title' : 'text', evidence };
}

/** The shared Domain nodes (one per government function, the same for every plan). */
export function domainNodes(): GraphNode[] {
  return DOMAINS.map((name, i) => ({ id: ids.domain(name), labels: ['Domain'], properties: { name, order: i + 1 } }));
}

/** Domain nodes plus one (Task)-[:IN_DOMAIN {source, evidence}]->(Domain) per task. */
export function domainGraph(graph: GraphData): GraphData {
  const relationships: GraphRelationship[] = [];
  for (const n of graph.nodes) {
    if (!n.labels.includes('Task')) continue;
    const a = classifyTask(n.properties as unknown as TaskNode['properties']);
    relationships.push({ type: 'IN_DOMAIN', start: n.id, end: ids.domain(a.domain), properties: { source: a.source, evidence: a.evidence } });
  }
  return { nodes: domainNodes(), relationships };
}

/** Per plan (id and title), the number of tasks in each domain, from IN_DOMAIN edges of `graph`. */
export function domainDistribution(graph: GraphData): { planId: string; title: string; total: number; counts: Record<DomainName, number> }[] {
  const idx = indexGraph(graph);
  const out = [];
  for (const [planId, tasks] of idx.tasksByPlan) {
    const counts = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<DomainName, number>;
    for (const t of tasks) {
      for (const r of idx.out('IN_DOMAIN', t.id)) {
        const name = idx.nodes.get(r.end)?.properties.name as DomainName | undefined;
        if (name && name in counts) counts[name]++;
      }
    }
    const plan = idx.nodes.get(planId);
    out.push({ planId, title: String(plan?.properties.title ?? planId), total: tasks.length, counts });
  }
  return out.sort((a, b) => a.planId.localeCompare(b.planId));
}
