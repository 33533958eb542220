/**
 * The tasks due by the date a question asks (2025年6月底前要完成哪些工作, 完成时限是2009年10月底的任务):
 * those of the plans, regions and units it names whose deadline falls in the asked window (deadlines.ts),
 * narrowed by its topic when it has one (数据共享方面年底前要完成什么), earliest first. The same list
 * gives the ranking its deadline tier and the `deadlines` answer card.
 */
import type { SourceRef } from './answers';
import type { Corpus, TaskDoc } from './corpus';
import { dueIn, dueText, withoutDates, type AskedDue, type Due } from './deadlines';
import { bigrams } from './normalize';
import { onTopic } from './topic';
import type { LinkedQuery } from './understand';

export interface DueTaskItem {
  id: string;
  title: string;
  path: string;
  planId: string;
  due: string; // the date in the window, as plans write it (2025年6月底); for a task with no date, its deadline field (持续推进)
  deadline: string | null; // the task's deadline field as printed (完成时限), when it has one
  source: SourceRef;
}

export interface DeadlinesAnswer {
  type: 'deadlines';
  by: { year: number | null; month: number | null; exact: boolean; ongoing: boolean; text: string };
  total: number;
  items: DueTaskItem[];
}

// how a deadline question is asked: no topic (要在…前完成哪些工作, 今年上半年有哪些任务到期)
const ASKING = /任务|工作|事项|措施|举措|内容|重点|主要|哪些|哪几项|什么|多少|几项|有|的|是|了|吗|呢|要|在|需要?|应该?|必须|得|完成|办完|做完|建成|上线|落地|到期|截止|时限|期限|节点|时间|安排|今年|明年|本年度?|年内|当年|各|都|共|项|个|条|件/g;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const order = (d: Due) => (d.year ?? 0) * 12 + d.month;

/**
 * The tasks due in the window a question asks, earliest first, with the due date that falls in it;
 * [] when it asks none, or when its topic is on none of them. `inScope` says whether a plan is one
 * the question names (or of a region it names; any, when it names none), `ofUnit` whether a task is
 * one of the units it names.
 */
export function tasksDue(corpus: Corpus, link: LinkedQuery, inScope: (planId: string) => boolean, ofUnit: (t: TaskDoc) => boolean): { task: TaskDoc; due: Due | null }[] {
  const asked = link.due;
  if (!asked) return [];
  // the date in the window (the earliest); for a question of the tasks with no date, theirs is none
  const window = (t: TaskDoc): Due | null | undefined => (asked.ongoing ? (t.ongoing ? null : undefined) : t.dues.filter((d) => dueIn([d], asked)).sort((a, b) => order(a) - order(b))[0]);
  let pool = corpus.tasks.flatMap((task) => {
    const due = inScope(task.planId) && ofUnit(task) ? window(task) : undefined;
    return due !== undefined ? [{ task, due }] : [];
  });
  // a topic beyond how it is asked narrows to the tasks sharing most of its characters (topic.ts)
  const topic = bigrams(withoutDates(link.residual).replace(ASKING, ' '));
  if (topic.size) pool = onTopic(pool, topic, (x) => `${x.task.title}${x.task.body}`).matches.map((x) => x.item);
  return pool.sort((a, b) => (a.due && b.due ? order(a.due) - order(b.due) : 0));
}

/** The `deadlines` card: the date asked and the tasks due by it (at most `limit`). */
export function deadlinesAnswer(due: AskedDue, rows: { task: TaskDoc; due: Due | null }[], limit: number): DeadlinesAnswer | null {
  if (!rows.length) return null;
  return {
    type: 'deadlines',
    by: due.ongoing ? { year: null, month: null, exact: false, ongoing: true, text: due.text } : { year: due.year, month: due.month, exact: due.exact, ongoing: false, text: dueText(due) },
    total: rows.length,
    items: rows.slice(0, limit).map(({ task, due: d }) => {
      const p = task.node.properties;
      return {
        id: task.id,
        title: task.title,
        path: String(p.path ?? ''),
        planId: task.planId,
        due: d ? dueText(d) : str(p.deadline) ?? '',
        deadline: str(p.deadline),
        source: { file: str(p.sourceFile), lineStart: num(p.lineStart), lineEnd: num(p.lineEnd) },
      };
    }),
  };
}
