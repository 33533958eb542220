/**
 * A plan's task table in its attachment (附件：重点任务分工表): the body states the tasks, the table
 * after it says who does each (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限). Each row goes to the body
 * task it restates — most of the row's task words are that task's —, giving it its units, deadline
 * and leader where its own text names none; a row that restates no body task is a task of its own
 * (nothing the plan says is lost). Linear in rows × tasks.
 */
import { fold } from '../core/fold';
import type { Line } from './normalize';
import { buildOutline, isEndOfBody } from './outline';
import { extractTasks, type TaskContext } from './tasks';
import type { ParsedTask } from './types';

/** Share of a row's task bigrams that a body task must hold to be the task the row restates. */
const MIN_SHARE = 0.6;

/**
 * The numbered items after the body (its attachments, up to 抄送/备注), as tasks: a notice whose plan
 * is its attachment (附件：…实施方案, then the plan) has its tasks there.
 */
export function attachmentTasks(rest: Line[], ctx: TaskContext, warnings: string[]): ParsedTask[] {
  const cut = rest.findIndex((l) => /^(?:抄送|备注)[:：]/.test(l.text));
  const lines = (cut < 0 ? rest : rest.slice(0, cut)).filter((l) => !isEndOfBody(l.text));
  return lines.length ? extractTasks(buildOutline(lines).root, ctx, warnings) : [];
}

/** The rows of a task table among them: the tasks that carry units or a deadline, path `附件.<n>`. */
export function tableRows(tasks: ParsedTask[]): ParsedTask[] {
  return tasks.filter((t) => t.units.length > 0 || t.deadline).map((t) => ({ ...t, path: `附件.${t.path}`, kind: 'task' as const }));
}

const bigrams = (s: string): Set<string> => {
  const t = fold(s).replace(/[^\p{Script=Han}a-z0-9]/giu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};

/** The body task a row restates: the one holding the largest share of the row's task bigrams, at least MIN_SHARE. */
function restated(row: ParsedTask, tasks: { task: ParsedTask; grams: Set<string> }[]): ParsedTask | null {
  const own = bigrams(row.title);
  if (own.size === 0) return null;
  let best: ParsedTask | null = null;
  let bestShare = MIN_SHARE - 1e-9;
  for (const { task, grams } of tasks) {
    let hit = 0;
    for (const g of own) if (grams.has(g)) hit++;
    const share = hit / own.size;
    if (share > bestShare) [best, bestShare] = [task, share];
  }
  return best;
}

export interface Assigned {
  tasks: ParsedTask[];
  /** Rows that went to a body task, and rows kept as tasks of their own. */
  matched: number;
  own: number;
}

/**
 * Gives each body task the units, deadline and leader of the rows restating it, where its own text
 * names none (a task's own clause is what the plan says of it); rows of several tasks' words add
 * to one task in table order. The table row's lines are the task's `tableLineStarts`/`tableLineEnds`.
 */
export function assignRows(body: ParsedTask[], rows: ParsedTask[]): Assigned {
  const candidates = body.map((task) => ({ task, grams: bigrams(`${task.title}${task.body}`) }));
  const own: ParsedTask[] = [];
  let matched = 0;
  const filled = new Set<ParsedTask>();
  for (const row of rows) {
    const task = restated(row, candidates);
    if (!task) {
      own.push(row);
      continue;
    }
    matched++;
    if (task.units.length > 0 && !filled.has(task)) continue; // its own clause names its units
    filled.add(task);
    for (const u of row.units) {
      if (!task.units.some((x) => x.raw === u.raw)) task.units.push({ ...u, order: task.units.length + 1 });
    }
    if (!task.deadline && row.deadline) Object.assign(task, { deadline: row.deadline, deadlineYear: row.deadlineYear ?? null });
    if (!task.leader && row.leader) task.leader = row.leader;
    if (task.kind === 'measure' && task.units.length) task.kind = 'task';
    task.tableLineStarts = [...(task.tableLineStarts ?? []), row.lineStart];
    task.tableLineEnds = [...(task.tableLineEnds ?? []), row.lineEnd];
  }
  return { tasks: [...body, ...own], matched, own: own.length };
}
