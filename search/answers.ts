/**
 * Answers the graph gives directly, shown above the ranked tasks:
 * - `targets`: the quantified targets (metric, comparator, value, unit, year, plan, source) for a
 *   target question ("2025年要达到什么目标"), narrowed by the years (a goal without one in an annual
 *   plan, 2023年政府工作报告…, is that year's), plans and regions it names and,
 *   when it names a topic, by the targets whose metric shares the topic's characters;
 * - `unit`: a linked unit's tasks with counts by role (lead / co / responsible);
 * - `plan`: the plan a document number ("嘉政发〔2022〕18号") or a plan title names, with the loaded
 *   plans that implement it (a higher policy known only by its citation: the plans that carry it out);
 *   also the plans a question asks about (`askedPlans`: 嘉兴的方案有多少项任务 — a count of tasks is no
 *   target —, 金华有哪些方案, 绍兴的方案是什么时候印发的);
 * - `plans`: those plans in one list when more are asked than fit on cards (有哪些方案);
 * - `application`: a linked application's tasks, the plans they are in and the units responsible
 *   for them, those that lead most first (城市大脑由哪些单位负责);
 * - `units`: the units with the most tasks — those they lead when the question asks 牵头 — in the
 *   plans or regions it names, or in all (哪个部门牵头的任务最多, 嘉兴哪些单位任务最多);
 * - `deadlines`: the tasks due by the date a question asks (6月底前要完成哪些工作; due-answer.ts);
 * - `applications`: the applications a question asks for when it names none (绵阳建设了哪些平台; app-list-answer.ts).
 */
import type { GraphNode, Role } from '../graph/model';
import type { GraphStore } from '../graph/store';
import type { Corpus, TaskDoc } from './corpus';
import { annualYear, leads, nodeName } from './corpus';
import type { Due } from './deadlines';
import { deadlinesAnswer, tasksDue, type DeadlinesAnswer } from './due-answer';
import { applicationsAnswer, appsAsked, type ApplicationsAnswer, type AppsAsked } from './app-list-answer';
import { responsibleAnswer, type ResponsibleAnswer } from './responsible-answer';
import { roundRobin } from './round-robin';
import { onTopic } from './topic';
import { asksScope, tasksInScope } from './scope';
import { PLAN_KINDS, TARGET_CUES } from './knowledge/language';
import type { AnswerLimits } from './options';
import { bigrams } from './normalize';
import type { LinkedQuery } from './understand';

export interface SourceRef {
  file: string | null;
  lineStart: number | null;
  lineEnd: number | null;
}

export interface TargetItem {
  id: string;
  metric: string;
  value: number | null;
  comparator: string | null;
  unit: string | null;
  year: number | null;
  text: string;
  plan: { id: string; title: string } | null;
  owner: string; // the plan (goals paragraph) or task that states it
  source: SourceRef;
}

export interface UnitTaskItem {
  id: string;
  title: string;
  path: string;
  planId: string;
  role: Role; // as printed
  leads: boolean; // marked 牵头, or listed first where the task marks no lead
}

export type Answer =
  | { type: 'targets'; years: number[]; total: number; items: TargetItem[] }
  | { type: 'unit'; unit: { id: string; name: string; region: string | null }; total: number; byRole: Record<Role, number>; leads: number; ledAs: { co: number; responsible: number }; tasks: UnitTaskItem[] }
  | { type: 'plan'; plan: { id: string; title: string; docNumber: string | null; issuer: string | null; date: string | null; region: string | null; cited: boolean; sourceFile: string | null }; tasks: number; implementedBy: { id: string; title: string }[] }
  | { type: 'application'; application: { id: string; name: string }; total: number; plans: { id: string; title: string; tasks: number }[]; units: AppUnitItem[] }
  | { type: 'units'; role: Role | null; plans: string[]; regions: string[]; total: number; items: RankedUnitItem[] }
  | ResponsibleAnswer
  | { type: 'plans'; total: number; items: { id: string; title: string; docNumber: string | null; date: string | null; region: string | null; tasks: number }[] }
  | DeadlinesAnswer
  | ApplicationsAnswer;

export interface RankedUnitItem extends AppUnitItem {
  co: number; // tasks it is a co-unit of (协同 / 配合)
}

export interface AppUnitItem {
  id: string;
  name: string;
  region: string | null;
  tasks: number; // the application's tasks it is responsible for
  leads: number; // of which it leads (marked, or listed first where a task marks no lead)
}

// Chinese question cues of a target question (language, not corpus knowledge).
const TARGET_CUE = /目标|指标|达到|达成|要实现|实现率|覆盖率|多少(?:个|家|项|%)?/;
const EXPLICIT_TARGET = /目标|指标|达到|达成|要实现/;
// a metric that is a measure (一网通办率, 数据交易量, 服务业增加值, 固定资产投资), not a name (重大应用)
const MEASURE = /(?:率|量|数|增加值|投资|收入|比重|占比|面积|规模|总额)$/;
// a question for the units with the most tasks (哪个部门牵头的任务最多, 任务最多的单位)
const UNIT_RANKING = /(?:单位|部门|机构|牵头|负责|承担|参与).{0,12}最多|最多的(?:单位|部门|机构)/;
// a question about the plans themselves: which there are, when issued, their number or issuer
const KIND = `(?:${PLAN_KINDS.source})`;
const PLAN_QUESTION = new RegExp(`(?:哪些|几份|多少份|多少个|什么|哪几份?)${KIND}|${KIND}(?:有|是)?(?:哪些|哪几份?|几份|多少份)|${KIND}.{0,8}(?:什么时候|何时|哪年|哪一年|日期|文号|印发|发布|出台|发文|哪个单位|哪个部门)`);
// the words such a question is made of; anything else is a topic (减肥方案什么时候开始, 嘉兴数据安全有多少项任务)
const PLAN_QUESTION_WORDS = new RegExp(`${PLAN_KINDS.source}|任务|工作|措施|举措|重点|主要|哪几份?|哪些|几份|多少份|多少|几|什么时候|什么|何时|哪一?年|日期|文号|印发|发布|出台|发文|哪个|单位|部门|一共|总共|分别|都|有|的|是|了|吗|呢|共|项|个|条|件|份|各`, 'g');
// a question that counts the plans' own tasks (多少项任务, 几个重点任务, 多少条措施): the plans answer, not a target
const TASK_COUNT = /(?:多少|几)\s*(?:项|个|条|件)?\s*(?:重点|主要)?\s*(?:任务|工作|措施|举措)/;

// 嘉政发〔2022〕18号, 浙政办发[2021]7号, 国发（2022）14号: issuer code, year, number.
const DOC_NUMBER = /([\u4e00-\u9fff]{1,10}?)\s*[〔[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(\d{1,4})\s*号?/g;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** `code|year|number` of every document number in a text. */
export function docNumberKeys(text: string): string[] {
  return [...text.matchAll(DOC_NUMBER)].map((m) => `${m[1]}|${m[2]}|${Number(m[3])}`);
}

/** Plans a question names by document number (exact issuer code, year and number; a longer issuer code's tail also matches). */
export function plansByDocNumber(corpus: Corpus, question: string): string[] {
  const asked = docNumberKeys(question);
  if (!asked.length) return [];
  const out: string[] = [];
  for (const [id, plan] of corpus.plans) {
    const own = str(plan.properties.docNumber);
    if (!own) continue;
    const [key] = docNumberKeys(own);
    if (!key) continue;
    const [code, year, no] = key.split('|');
    if (asked.some((a) => { const [c, y, n] = a.split('|'); return y === year && n === no && (c === code || c.endsWith(code) || code.endsWith(c)); })) out.push(id);
  }
  return out;
}

/** `make()` once per question (the ranking's tiers and the cards both read what the graph lists for it). */
function memo<V>(cache: WeakMap<LinkedQuery, V>, link: LinkedQuery, make: () => V): V {
  if (!cache.has(link)) cache.set(link, make());
  return cache.get(link)!;
}

export class GraphAnswers {
  private targets: GraphNode[] | null = null;
  private readonly due = new WeakMap<LinkedQuery, { task: TaskDoc; due: Due | null }[]>();
  private readonly apps = new WeakMap<LinkedQuery, AppsAsked | null>();
  private readonly scope = new WeakMap<LinkedQuery, TaskDoc[] | null>();

  constructor(private readonly store: GraphStore, private readonly corpus: Corpus, private readonly limits: AnswerLimits) {}

  private async allTargets(): Promise<GraphNode[]> {
    this.targets ??= await this.store.nodesByLabel('Target').catch(() => []);
    return this.targets;
  }

  private planRef(id: string | null): TargetItem['plan'] {
    const p = id ? this.corpus.plans.get(id) : undefined;
    return p ? { id: p.id, title: nodeName(p) } : null;
  }

  private async targetAnswer(link: LinkedQuery): Promise<Answer | null> {
    if (TASK_COUNT.test(link.normalized)) return null;
    // a question naming a unit asks about the unit (牵头多少项) unless it names a target outright
    if (link.units.length && !EXPLICIT_TARGET.test(link.normalized)) return null;
    const all = await this.allTargets();
    if (!all.length) return null;
    // a question that names a measured metric a plan sets a target for (嘉兴2025年一网通办率) asks for it
    const residual = link.residual.replace(/ /g, '');
    const namesMetric = () => all.some((t) => { const m = String(t.properties.metric ?? ''); return [...m].length >= 4 && MEASURE.test(m) && residual.includes(m); });
    if (!TARGET_CUE.test(link.normalized) && !namesMetric()) return null;
    const planOf = (t: GraphNode): string | null => {
      const owner = String(t.properties.owner ?? '');
      if (this.corpus.plans.has(owner)) return owner;
      return this.corpus.byId.get(owner)?.planId ?? null;
    };
    // a task's target without a year is due when the task is (完成时限：2025年6月底), and a goal without
    // one in an annual plan (2023年政府工作报告…, 数字威海建设2023年工作要点) is that year's
    const yearOf = (t: GraphNode): number | null => {
      const stated = num(t.properties.year);
      if (stated !== null) return stated;
      const due = num(this.corpus.byId.get(String(t.properties.owner ?? ''))?.node.properties.deadlineYear);
      if (due !== null) return due;
      const plan = planOf(t);
      return plan ? annualYear(this.corpus.plans.get(plan)) : null;
    };
    // a topic beyond the cue words narrows to the targets sharing its characters
    let topic = bigrams(link.residual.replace(TARGET_CUES, ' '));
    // words of a named region's plan's own title name that plan, not a topic (金华数字政府方案的目标,
    // 嘉兴数字政府建设实施方案的主要目标: the plan whose title holds most of them)
    let titledPlans: (string | null)[] | null = null;
    if (topic.size && (link.regions.length || link.plans.length)) {
      const titled = new Map([...new Set(all.filter((t) => this.inNamed(link, planOf(t))).map(planOf))].map((id) => [id, bigrams(id ? nodeName(this.corpus.plans.get(id)!) : '')]));
      const overlap = (id: string | null) => [...topic].filter((b) => titled.get(id)?.has(b)).length;
      const best = Math.max(0, ...[...titled.keys()].map(overlap));
      if (best > 0) {
        const named = [...titled.keys()].filter((id) => overlap(id) === best);
        titledPlans = named;
        topic = new Set([...topic].filter((b) => !named.some((id) => titled.get(id)!.has(b))));
      }
    }
    const ofNamed = (t: GraphNode): boolean => this.inNamed(link, planOf(t)) && (!titledPlans || titledPlans.includes(planOf(t)));
    // the targets sharing most of the topic (topic.ts), most first; none: null
    const targetsOnTopic = (pool: GraphNode[]): GraphNode[] | null => {
      const { best, matches } = onTopic(pool, topic, (t) => `${String(t.properties.metric ?? '')}${String(t.properties.text ?? '')}`);
      return best > 0 ? matches.sort((a, b) => b.s - a.s).map((x) => x.item) : null;
    };
    // a unit named: the targets of the tasks it is responsible for (绍兴市大数据局要达到什么目标)
    const ofUnit = (t: GraphNode) => !link.units.length || (this.corpus.byId.get(String(t.properties.owner ?? ''))?.units ?? []).some((u) => link.units.includes(u.id));
    let pool = all.filter((t) => ofNamed(t) && ofUnit(t) && (!link.years.length || link.years.includes(yearOf(t) ?? -1)));
    if (link.units.length && !pool.length) return null;
    // the year asked and no target of that year (on the topic): those whose plan states no year, the
    // card claiming no year (杭州…固定资产投资增长7%; 金华到2025年的主要目标: 金华's plan dates none)
    const undated = () => all.filter((t) => ofNamed(t) && ofUnit(t) && yearOf(t) === null);
    if (topic.size) {
      const narrowed = targetsOnTopic(pool);
      if (narrowed) pool = narrowed;
      else if (!link.years.length) return null; // a topic no target speaks of, and no year: not a target question
      if (!narrowed && link.years.length) pool = targetsOnTopic(undated()) ?? pool;
    } else if (!pool.length && link.years.length) pool = undated();
    if (!pool.length) return null;
    // no topic, or a question across plans (各地, two cities): every plan's targets in turn, best first within each
    if (!topic.size || link.crossPlan) pool = roundRobin(pool, planOf);
    const items = pool.slice(0, this.limits.targets).map((t): TargetItem => {
      const p = t.properties;
      const owner = String(p.owner ?? '');
      const task = this.corpus.byId.get(owner);
      const plan = planOf(t);
      const planNode = plan ? this.corpus.plans.get(plan) : undefined;
      return {
        id: t.id,
        metric: String(p.metric ?? ''),
        value: num(p.value),
        comparator: str(p.comparator),
        unit: str(p.unit),
        year: num(p.year),
        text: String(p.text ?? ''),
        plan: this.planRef(plan),
        owner,
        source: task
          ? { file: str(task.node.properties.sourceFile), lineStart: num(task.node.properties.lineStart), lineEnd: num(task.node.properties.lineEnd) }
          : { file: str(p.sourceFile) ?? str(planNode?.properties.sourceFile), lineStart: num(p.lineStart), lineEnd: num(p.lineEnd) },
      };
    });
    // the years the listed targets are of (none when only targets of no stated year answer)
    return { type: 'targets', years: link.years.filter((y) => pool.some((t) => yearOf(t) === y)), total: pool.length, items };
  }

  private unitAnswers(link: LinkedQuery): Answer[] {
    const cards = link.units.flatMap((id) => {
      const unit = this.corpus.units.get(id);
      const rows = this.corpus.tasksOfUnit.get(id) ?? [];
      if (!unit || !rows.length) return [];
      // the tasks it leads: marked, or listed first where a task marks no lead (the unit tier's rule)
      const leading = (r: (typeof rows)[number]) => leads(this.corpus.byId.get(r.taskId), id);
      const listed = link.role === 'lead' ? rows.filter(leading) : link.role ? rows.filter((r) => r.role === link.role) : rows;
      return [{ id, unit, rows, listed, leading }];
    });
    // a name several regions' units share (市政府办公厅): those with most of the tasks asked first, none of them left out
    const shown = cards.length > 1 ? cards.filter((c) => c.listed.length > 0).sort((a, b) => b.listed.length - a.listed.length) : cards;
    return shown.slice(0, 3).flatMap(({ id, unit, rows, listed, leading }): Answer[] => {
      const byRole: Record<Role, number> = { lead: 0, co: 0, responsible: 0 };
      // the tasks it leads as listed first, by the role printed (a task marking no lead)
      const ledAs = { co: 0, responsible: 0 };
      for (const r of rows) {
        byRole[r.role]++;
        if (r.role !== 'lead' && leading(r)) ledAs[r.role]++;
      }
      const led = (r: (typeof rows)[number]) => (leading(r) ? 0 : 1);
      const ordered = [...listed].sort((a, b) => led(a) - led(b));
      const tasks = ordered.slice(0, this.limits.unitTasks).flatMap((r) => {
        const t = this.corpus.byId.get(r.taskId);
        return t ? [{ id: t.id, title: t.title, path: String(t.node.properties.path ?? ''), planId: t.planId, role: r.role, leads: leading(r) }] : [];
      });
      return [{ type: 'unit', unit: { id, name: nodeName(unit), region: str(unit.properties.region) }, total: listed.length, byRole, leads: byRole.lead + ledAs.co + ledAs.responsible, ledAs, tasks }];
    });
  }

  private planAnswers(planIds: string[]): Answer[] {
    return planIds.flatMap((id): Answer[] => {
      const p = this.corpus.plans.get(id);
      if (!p) return [];
      const q = p.properties;
      return [{
        type: 'plan',
        plan: { id, title: nodeName(p), docNumber: str(q.docNumber), issuer: str(q.issuer), date: str(q.date), region: str(q.region), cited: q.cited === true, sourceFile: str(q.sourceFile) },
        tasks: this.corpus.taskCount.get(id) ?? 0,
        implementedBy: (this.corpus.implementers.get(id) ?? []).flatMap((by) => this.planRef(by) ?? []),
      }];
    });
  }

  private appAnswers(link: LinkedQuery): Answer[] {
    return link.apps.slice(0, 2).flatMap((id): Answer[] => {
      const app = this.corpus.apps.get(id);
      const tasks = (this.corpus.tasksOfApp.get(id) ?? []).flatMap((t) => this.corpus.byId.get(t) ?? []);
      if (!app || !tasks.length) return [];
      const plans = new Map<string, number>();
      for (const t of tasks) plans.set(t.planId, (plans.get(t.planId) ?? 0) + 1);
      const units = this.unitTally(tasks).map((u): AppUnitItem => ({ id: u.id, name: u.name, region: u.region, tasks: u.tasks, leads: u.leads }));
      return [{
        type: 'application',
        application: { id, name: nodeName(app) },
        total: tasks.length,
        plans: [...plans].flatMap(([p, n]) => { const ref = this.planRef(p); return ref ? [{ ...ref, tasks: n }] : []; }),
        units: units.sort((a, b) => b.leads - a.leads || b.tasks - a.tasks).slice(0, this.limits.appUnits),
      }];
    });
  }

  /** True when no plan or region is named, or the plan is one named or of a region named. */
  private inNamed(link: LinkedQuery, planId: string | null): boolean {
    if (!link.plans.length && !link.regions.length) return true;
    const region = planId ? str(this.corpus.plans.get(planId)?.properties.region) : null;
    return Boolean((planId && link.plans.includes(planId)) || (region && link.regions.includes(region)));
  }

  /** Each named unit responsible for some of `tasks` (collectives such as 各县（市、区）政府 name no one body): how many, led, co. */
  private unitTally(tasks: Iterable<TaskDoc>): RankedUnitItem[] {
    const rows = new Map<string, RankedUnitItem>();
    for (const t of tasks) {
      for (const u of t.units) {
        const node = this.corpus.units.get(u.id);
        if (!node || node.properties.collective === true) continue;
        const row = rows.get(u.id) ?? { id: u.id, name: nodeName(node), region: str(node.properties.region), tasks: 0, leads: 0, co: 0 };
        row.tasks++;
        if (leads(t, u.id)) row.leads++;
        else if (u.role === 'co') row.co++;
        rows.set(u.id, row);
      }
    }
    return [...rows.values()];
  }

  private rankingAnswer(link: LinkedQuery): Answer | null {
    // a linked unit has its own card, an application's card lists its units already
    if (!UNIT_RANKING.test(link.normalized) || !/单位|部门|机构/.test(link.normalized) || link.units.length || link.apps.length) return null;
    const rows = this.unitTally(this.corpus.tasks.filter((t) => this.inNamed(link, t.planId)));
    if (!rows.length) return null;
    const key = (r: RankedUnitItem) => (link.role === 'lead' ? r.leads : link.role === 'co' ? r.co : r.tasks);
    const items = rows.filter((r) => key(r) > 0).sort((a, b) => key(b) - key(a) || b.tasks - a.tasks || a.id.localeCompare(b.id));
    return { type: 'units', role: link.role, plans: link.plans, regions: link.regions, total: items.length, items: items.slice(0, this.limits.rankedUnits) };
  }

  /**
   * The plans a question names (by document number or title) or asks about when it names no unit
   * or application: the plans of the regions whose tasks it counts (嘉兴的方案有多少项任务), or of
   * the regions — or all plans — it asks which plans there are, when they were issued, their
   * number or issuer (金华有哪些方案, 绍兴的方案是什么时候印发的, 有哪些方案). The graph answers these.
   */
  askedPlans(link: LinkedQuery): string[] {
    const named = [...new Set(link.plans)];
    if (named.length) return named;
    if (link.units.length || link.apps.length) return [];
    const aboutPlans = PLAN_QUESTION.test(link.normalized);
    if (!aboutPlans && !TASK_COUNT.test(link.normalized)) return [];
    if ((link.residual.replace(PLAN_QUESTION_WORDS, '').match(/[\u3400-\u9fffa-z]/g) ?? []).length >= 2) return [];
    // of the years asked, when it asks any: the plans whose title or date holds one (2021年威海的方案有哪些)
    const ofYear = (p: GraphNode) => !link.years.length || link.years.some((y) => nodeName(p).includes(String(y)) || (str(p.properties.date) ?? '').startsWith(String(y)));
    const own = [...this.corpus.plans.values()].filter((p) => p.properties.cited !== true && ofYear(p));
    const asked = link.regions.length ? own.filter((p) => this.inNamed(link, p.id)) : aboutPlans ? own : [];
    // a specific kind of plan the question names narrows to the plans whose title is of that kind, where some are (威海的工作要点)
    const kinds = (link.normalized.match(PLAN_KINDS) ?? []).filter((k) => k.length >= 4); // 方案, 规划 alone are any plan
    const ofKind = asked.filter((p) => kinds.some((k) => nodeName(p).includes(k)));
    return (ofKind.length ? ofKind : asked).map((p) => p.id);
  }

  /** The plans asked, each on its card, or — more than fit — in one list. */
  private plansAnswer(ids: string[]): Answer[] {
    if (ids.length <= this.limits.planCards) return this.planAnswers(ids);
    const items = ids.flatMap((id) => {
      const p = this.corpus.plans.get(id);
      return p ? [{ id, title: nodeName(p), docNumber: str(p.properties.docNumber), date: str(p.properties.date), region: str(p.properties.region), tasks: this.corpus.taskCount.get(id) ?? 0 }] : [];
    });
    return [{ type: 'plans', total: items.length, items }];
  }

  /** A task of the units the question names (those it leads, when it asks 牵头); any task when it names none. */
  private ofNamedUnits(link: LinkedQuery): (t: TaskDoc) => boolean {
    return (t) => !link.units.length || link.units.some((u) => (link.role === 'lead' ? leads(t, u) : t.units.some((x) => x.id === u)));
  }

  /**
   * The tasks due by the date the question asks, in the plans, regions and units it names
   * (due-answer.ts); read by the ranking's tier and by the card, so taken once per question.
   */
  dueTasks(link: LinkedQuery): { task: TaskDoc; due: Due | null }[] {
    return memo(this.due, link, () => tasksDue(this.corpus, link, (planId) => this.inNamed(link, planId), this.ofNamedUnits(link)));
  }

  /** The tasks of the scope a question asks for and nothing else (scope.ts), in document order; null when it asks more. */
  scopeTasks(link: LinkedQuery): TaskDoc[] | null {
    return memo(this.scope, link, () => (asksScope(link) ? tasksInScope(this.corpus, link, (planId) => this.inNamed(link, planId)) : null));
  }

  /** The applications the question asks for (of the plans, regions and units it names), or null when it asks none; once per question. */
  appsAsked(link: LinkedQuery): AppsAsked | null {
    return memo(this.apps, link, () => appsAsked(this.corpus, link, (planId) => this.inNamed(link, planId), this.ofNamedUnits(link), this.limits.appList));
  }

  /** Who does what the question asks about, from the ranking (best first; `strong`: the match). */
  responsible(link: LinkedQuery, ranked: string[], strong: boolean): ResponsibleAnswer | null {
    return responsibleAnswer(this.corpus, link, ranked, strong);
  }

  /** Everything the graph answers for this question; `plans` from `askedPlans` (documents named by number first). */
  async answer(link: LinkedQuery, plans: string[]): Promise<Answer[]> {
    const out: Answer[] = [...this.plansAnswer(plans)];
    const due = link.due ? deadlinesAnswer(link.due, this.dueTasks(link), this.limits.deadlines) : null;
    if (due) out.push(due);
    const target = await this.targetAnswer(link);
    if (target) out.push(target);
    out.push(...this.unitAnswers(link));
    out.push(...this.appAnswers(link));
    const ranking = this.rankingAnswer(link);
    if (ranking) out.push(ranking);
    const asked = this.appsAsked(link);
    const apps = asked ? applicationsAnswer(this.corpus, link, asked, this.limits.appList) : null;
    if (apps) out.push(apps);
    return out;
  }
}
