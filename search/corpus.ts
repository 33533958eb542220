/**
 * The searchable view of the graph, read once from a GraphStore: tasks with their plan, units
 * (with roles) and applications, and the entity tables query understanding links against.
 */
import { taskBody } from '../ingest/units';
import type { GraphNode, GraphRelationship, Role } from '../graph/model';
import type { GraphStore } from '../graph/store';
import { ongoingField, taskDues, type Due } from './deadlines';
import { normalizeAligned } from './normalize';

export interface TaskDoc {
  node: GraphNode;
  id: string;
  planId: string;
  title: string;
  text: string;
  /**
   * What the task says: its text without the responsibility clauses (unit lists are graph facts, not
   * topic); the title where that leaves nothing (a table row or a one-sentence item is all title).
   */
  body: string;
  section: string[];
  normText: string; // normalizeAligned(title + text), for substring checks at query time
  compactText: string; // normText without spaces (coined terms are matched across them)
  compactTitle: string; // the normalised title without spaces
  years: number[]; // the years its text names, else its annual plan's (annualYear)
  dues: Due[]; // when it is due: its deadline field and the dates its text sets with 前 (deadlines.ts)
  ongoing: boolean; // its deadline field is no date: the work goes on (持续推进)
  units: { id: string; role: Role; order: number }[];
  apps: string[]; // Application ids
}

export interface Corpus {
  tasks: TaskDoc[];
  byId: Map<string, TaskDoc>;
  plans: Map<string, GraphNode>;
  units: Map<string, GraphNode>;
  apps: Map<string, GraphNode>;
  tasksOfUnit: Map<string, { taskId: string; role: Role; order: number }[]>;
  tasksOfApp: Map<string, string[]>;
  /** A plan → the loaded plans that implement it (IMPLEMENTS Plan → Plan: 贯彻落实《…》). */
  implementers: Map<string, string[]>;
  /** A plan → how many of its tasks are loaded (a plan known only by its citation has none). */
  taskCount: Map<string, number>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

function roleOf(r: GraphRelationship): Role {
  const role = r.properties.role;
  return role === 'lead' || role === 'co' ? role : 'responsible';
}

/**
 * The unit leads the task: marked 牵头, or, where the task marks no lead (plans that print only
 * 责任单位), listed first — plans name the leading unit first (排在首位的为牵头单位).
 */
export function leads(task: Pick<TaskDoc, 'units'> | undefined, unitId: string): boolean {
  const units = task?.units ?? [];
  const own = units.find((u) => u.id === unitId);
  if (!own) return false;
  if (own.role === 'lead') return true;
  return !units.some((u) => u.role === 'lead') && units[0].id === unitId;
}

/** Builds the corpus from one export of the store (one round trip, also on Neo4j). */
export async function loadCorpus(store: GraphStore): Promise<Corpus> {
  const data = await store.exportAll();
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const has = (id: string, label: string) => nodes.get(id)?.labels.includes(label as never) ?? false;
  const corpus: Corpus = { tasks: [], byId: new Map(), plans: new Map(), units: new Map(), apps: new Map(), tasksOfUnit: new Map(), tasksOfApp: new Map(), implementers: new Map(), taskCount: new Map() };
  for (const n of data.nodes) {
    if (n.labels.includes('Plan')) corpus.plans.set(n.id, n);
    if (n.labels.includes('Unit')) corpus.units.set(n.id, n);
    if (n.labels.includes('Application')) corpus.apps.set(n.id, n);
  }
  const taskPlan = new Map<string, string>();
  for (const r of data.relationships) if (r.type === 'PART_OF' && has(r.start, 'Task') && has(r.end, 'Plan')) taskPlan.set(r.start, r.end);
  for (const n of data.nodes) {
    if (!n.labels.includes('Task')) continue;
    const p = n.properties;
    const normText = normalizeAligned(`${str(p.title)} ${str(p.text)}`);
    const doc: TaskDoc = {
      node: n,
      id: n.id,
      planId: str(p.planId) || taskPlan.get(n.id) || '',
      title: str(p.title),
      text: str(p.text),
      body: taskBody(p) || str(p.title),
      section: strs(p.section),
      normText,
      compactText: normText.replace(/ /g, ''),
      compactTitle: normalizeAligned(str(p.title)).replace(/ /g, ''),
      years: nums(p.years),
      dues: [],
      ongoing: ongoingField(str(p.deadline) || null),
      units: [],
      apps: [],
    };
    corpus.tasks.push(doc);
    corpus.byId.set(n.id, doc);
    corpus.taskCount.set(doc.planId, (corpus.taskCount.get(doc.planId) ?? 0) + 1);
  }
  for (const r of data.relationships) {
    if (r.type === 'IMPLEMENTS' && corpus.plans.has(r.start) && corpus.plans.has(r.end)) corpus.implementers.set(r.end, [...(corpus.implementers.get(r.end) ?? []), r.start]);
    const task = corpus.byId.get(r.end);
    if (!task) continue;
    if (r.type === 'RESPONSIBLE_FOR' && corpus.units.has(r.start)) {
      const order = typeof r.properties.order === 'number' ? r.properties.order : 0;
      task.units.push({ id: r.start, role: roleOf(r), order });
      const list = corpus.tasksOfUnit.get(r.start) ?? [];
      list.push({ taskId: task.id, role: roleOf(r), order });
      corpus.tasksOfUnit.set(r.start, list);
    } else if (r.type === 'IMPLEMENTS' && corpus.apps.has(r.start)) {
      task.apps.push(r.start);
      corpus.tasksOfApp.set(r.start, [...(corpus.tasksOfApp.get(r.start) ?? []), task.id]);
    }
  }
  for (const t of corpus.tasks) {
    t.units.sort((a, b) => a.order - b.order);
    // a task of an annual plan that names no year of its own is that year's work (2021年的任务有哪些)
    const ofPlan = annualYear(corpus.plans.get(t.planId));
    const annual = t.years.length ? null : ofPlan;
    if (annual !== null) t.years = [annual];
    // a date without a year (6月底前) is of its annual plan's year
    t.dues = taskDues(str(t.node.properties.deadline) || null, `${t.title}\n${t.text}`, ofPlan);
  }
  corpus.tasks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return corpus;
}


// A heading's own numbering: "（一）", "(3)", "三、", "2." at its start.
const HEADING_NUMBER = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])\s*/;

/** A heading without its numbering ("（一）构建公共数据服务体系" → "构建公共数据服务体系"). */
export function headingText(heading: string): string {
  return heading.replace(HEADING_NUMBER, '').trim();
}

/** The task's own (deepest) heading without its numbering; '' when it has none. */
export function ownHeading(t: Pick<TaskDoc, 'section'>): string {
  return headingText(t.section[t.section.length - 1] ?? '');
}

export const nodeName = (n: GraphNode | undefined): string => str(n?.properties.name) || str(n?.properties.title);
/** The one year an annual plan's title names (2023年政府工作报告…, 数字威海2021行动方案); null for none or several. */
export function annualYear(plan: GraphNode | undefined): number | null {
  const years = new Set([...nodeName(plan).matchAll(/((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : null;
}

/** The years a task is of: those its text names, else its annual plan's (`years`), and those it is due in. */
export function yearsOf(task: Pick<TaskDoc, 'years' | 'dues'>): number[] {
  return [...new Set([...task.years, ...task.dues.flatMap((d) => (d.year === null ? [] : [d.year]))])];
}

export const nodeAliases = (n: GraphNode | undefined): string[] => strs(n?.properties.aliases);
