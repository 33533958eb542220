/**
 * Scores a parse against gold annotations (eval/gold-dev/SCHEMA.md): tasks by path, unit edges
 * (path, unit), roles (path, unit, role), titles of matched tasks, and each plan field. Strings
 * are compared width- and script-insensitively (NFKC, traditional → simplified, no whitespace).
 * A gold task marked `truncated` (the excerpt ends inside it) is counted as a task, but its units
 * and title are not scored: what the excerpt cut off is not a miss, and a fragment is not a hit.
 */
import * as OpenCC from 'opencc-js';
import type { ParsedDocument } from '../../ingest';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

/** Width- and script-insensitive form of a string. */
export const canon = (s: string | null | undefined): string => (s == null ? '' : t2s(s.normalize('NFKC')).replace(/\s+/g, ''));

export interface GoldDoc {
  file: string;
  plan: Record<string, string | null | string[]>;
  tasks: { path: string; title: string; units: { raw: string; role: string }[]; truncated?: boolean }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocScore {
  file: string;
  tasks: Counts;
  units: Counts;
  roles: Counts;
  titles: { right: number; total: number };
  plan: Record<string, boolean>; // field → right
  errors: string[]; // a readable line per mismatch
}

const PLAN_FIELDS = ['title', 'issuer', 'docNumber', 'date', 'region', 'level', 'implements'] as const;

function count(pred: Set<string>, gold: Set<string>): Counts {
  let tp = 0;
  for (const g of gold) if (pred.has(g)) tp++;
  return { tp, fp: pred.size - tp, fn: gold.size - tp };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Scores one parsed document against its gold. */
export function scoreDocument(doc: ParsedDocument, gold: GoldDoc): DocScore {
  const errors: string[] = [];
  const path = (p: string) => canon(p);
  const truncated = new Set(gold.tasks.filter((t) => t.truncated).map((t) => path(t.path)));
  const predTasks = new Set(doc.tasks.filter((t) => t.kind !== 'paragraph').map((t) => path(t.path)));
  const goldTasks = new Set(gold.tasks.map((t) => path(t.path)));
  const tasks = count(predTasks, goldTasks);
  for (const p of predTasks) if (!goldTasks.has(p)) errors.push(`extra task ${p}`);
  for (const p of goldTasks) if (!predTasks.has(p)) errors.push(`missing task ${p}`);

  const edges = (list: { path: string; units: { raw: string; role: string }[] }[], withRole: boolean) =>
    new Set(list.filter((t) => !truncated.has(path(t.path))).flatMap((t) => t.units.map((u) => `${path(t.path)}|${canon(u.raw)}${withRole ? `|${u.role}` : ''}`)));
  const pred = doc.tasks.filter((t) => t.kind !== 'paragraph');
  const units = count(edges(pred, false), edges(gold.tasks, false));
  const roles = count(edges(pred, true), edges(gold.tasks, true));
  const pr = edges(pred, true);
  const gr = edges(gold.tasks, true);
  for (const e of pr) if (!gr.has(e)) errors.push(`extra unit ${e}`);
  for (const e of gr) if (!pr.has(e)) errors.push(`missing unit ${e}`);

  const byPath = new Map(pred.map((t) => [path(t.path), t]));
  let right = 0;
  let total = 0;
  for (const g of gold.tasks) {
    if (g.truncated) continue;
    const t = byPath.get(path(g.path));
    if (!t) continue;
    total++;
    if (canon(t.title) === canon(g.title)) right++;
    else errors.push(`title ${g.path}: ${JSON.stringify(t.title)} ≠ ${JSON.stringify(g.title)}`);
  }

  const plan: Record<string, boolean> = {};
  for (const f of PLAN_FIELDS) {
    const want = gold.plan[f];
    const got = f === 'implements' ? doc.plan.implements.map((c) => c.docNumber)
      : f === 'title' && doc.plan.untitled ? null : (doc.plan as unknown as Record<string, string | null>)[f];
    const ok = Array.isArray(want) ? JSON.stringify((got as string[]).map(canon)) === JSON.stringify(want.map(canon)) : canon(got as string | null) === canon(want);
    plan[f] = ok;
    if (!ok) errors.push(`plan.${f}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return { file: gold.file, tasks, units, roles, titles: { right, total }, plan, errors };
}

export interface Summary {
  tasks: ReturnType<typeof prf>;
  units: ReturnType<typeof prf>;
  roles: ReturnType<typeof prf>;
  titles: number; // share of matched, complete tasks with the right title
  plan: Record<string, number>; // field → share of documents right
}

/** Micro-averaged scores over documents. */
export function summarize(scores: DocScore[]): Summary {
  const zero: Counts = { tp: 0, fp: 0, fn: 0 };
  const sum = (k: 'tasks' | 'units' | 'roles') => scores.reduce((a, s) => add(a, s[k]), zero);
  const right = scores.reduce((a, s) => a + s.titles.right, 0);
  const total = scores.reduce((a, s) => a + s.titles.total, 0);
  const plan: Record<string, number> = {};
  for (const f of PLAN_FIELDS) plan[f] = scores.length ? scores.filter((s) => s.plan[f]).length / scores.length : 1;
  return { tasks: prf(sum('tasks')), units: prf(sum('units')), roles: prf(sum('roles')), titles: total ? right / total : 1, plan };
}
