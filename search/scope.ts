/**
 * A question that asks for the tasks of a scope and nothing else — a year, a region, a plan
 * (2026年的任务有哪些, 青田县有哪些重点任务, 嘉兴2020年的重点工作): once linking has taken the scope out,
 * nothing is left but the words naming a plan's tasks (knowledge/language.json `taskWords`), the
 * kinds of plan and how a question asks. Its answer is the graph's, whatever words the plans use:
 * the tasks in that scope, in the plans' own order. A plan whose table prints its deadlines in a
 * 完成时间 column never says 年 in a task, and the keyword gate found nothing of 2026年的任务有哪些 there.
 */
import { yearsOf, type Corpus, type TaskDoc } from './corpus';
import { PLAN_KINDS, QUESTION_WORDS, STOPWORDS, TASK_WORDS } from './knowledge/language';
import type { LinkedQuery } from './understand';

/** True when the question names a year, region or plan and no topic, entity or date beside it. */
export function asksScope(link: LinkedQuery): boolean {
  if (!link.years.length && !link.regions.length && !link.plans.length) return false;
  // a unit's, an application's or a date's tasks have their own answers; an absent unit is a topic no plan has
  if (link.units.length || link.apps.length || link.absentUnits.length || link.due) return false;
  const rest = link.residual.replace(TASK_WORDS, ' ').replace(PLAN_KINDS, ' ').replace(QUESTION_WORDS, ' ');
  return rest.split(/[^\u3400-\u9fffa-z0-9]+/).every((w) => !w || STOPWORDS.has(w));
}

/** The tasks of the plans and regions named (`inNamed`) and of the years asked (`yearsOf`), plan by plan in document order. */
export function tasksInScope(corpus: Corpus, link: LinkedQuery, inNamed: (planId: string) => boolean): TaskDoc[] {
  const planOrder = new Map([...corpus.plans.keys()].map((id, i) => [id, i]));
  const line = (t: TaskDoc) => Number(t.node.properties.lineStart ?? 0);
  return corpus.tasks
    .filter((t) => inNamed(t.planId) && (!link.years.length || yearsOf(t).some((y) => link.years.includes(y))))
    .sort((a, b) => (planOrder.get(a.planId) ?? 0) - (planOrder.get(b.planId) ?? 0) || line(a) - line(b));
}
