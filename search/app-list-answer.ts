/**
 * The applications a question asks for when it names none (南通、绵阳、顺德的政务服务APP分别叫什么,
 * 绵阳建设了哪些平台, 市数据局负责哪些系统): those built by the tasks of the plans, regions and units it
 * names, of the kind it asks (an APP or 小程序: named so in a task's text; a 平台 or 系统: by its name),
 * narrowed by its topic when it has one, those with most tasks first — each plan's in turn for a
 * question across plans: the `applications` card, and — for apps asked by name, or applications asked
 * with no other topic (绵阳建设了哪些平台) — their tasks' graph tier.
 */
import type { Corpus, TaskDoc } from './corpus';
import { nodeName } from './corpus';
import { PLAN_KINDS } from './knowledge/language';
import { bigrams } from './normalize';
import { roundRobin } from './round-robin';
import { onTopic } from './topic';
import type { LinkedQuery } from './understand';

export interface AppListItem {
  id: string;
  name: string;
  tasks: number; // its tasks in the question's scope
  plans: { id: string; title: string }[];
}

export interface ApplicationsAnswer {
  type: 'applications';
  kind: string; // the kind listed: the kind asked, as written (应用, 平台, 系统, app, 小程序), or 应用 where none is of it
  unnamed?: string; // the kind asked when no application is named so (平台: the card lists the 应用 instead)
  regions: string[];
  plans: string[];
  total: number;
  items: AppListItem[];
}

const KIND = '(?:数字化应用|应用场景|应用|平台|系统|app|小程序|客户端)';
// 哪些平台, 哪些环保方面的平台, 什么系统, 几个应用 / APP叫什么, 平台有哪些, 小程序分别是什么 (not 哪些任务…平台, 哪些单位…系统: those ask for tasks and units)
const ASKS = new RegExp(`(?:哪些|什么|哪几个|哪个|几个|多少个)[^，。？！、任工措举单部]{0,6}?${KIND}|${KIND}(?:有哪些|是什么|叫什么|分别是|分别叫|都有|有几个|有多少)`);
// how such a question is asked (no topic)
const ASKING = new RegExp(`${KIND}|方面|领域|相关|关于|涉及|哪些|什么|哪几个|哪个|几个|多少个|有哪些|是什么|叫什么|分别|都有|有几个|有多少|建设了?|建了|打造了?|上线了?|推出了?|负责|牵头|开发了?|用了|用到|有|的|是|了|都|各|叫|名字|名称|主要|重点|数字化|${PLAN_KINDS.source}`, 'g');

// kinds asked together: 平台和应用, 平台、系统, app或小程序
const KIND_RUN = new RegExp(`${KIND}(?:[和与及、或]${KIND})*`, 'g');
const kindsOf = (kind: string): string[] => kind.split(/[和与及、或]/);

/** An app (APP, 小程序, 客户端; each kind asked one): the kind that names a few applications, not a kind of work. */
export const isAppKind = (kind: string): boolean => kindsOf(kind).every((k) => /^(?:app|小程序|客户端)$/.test(k));

/** The kind of application a question asks for as written (app, 平台, 平台和应用 …), or null when it asks for none. */
export function askedAppKind(normalized: string): string | null {
  const compact = normalized.replace(/\s+/g, '');
  const m = ASKS.exec(compact);
  if (!m) return null;
  // the run of kinds the asking words' kind is in (哪些平台和应用, 平台、应用有哪些)
  return [...compact.matchAll(KIND_RUN)].find((r) => r.index < m.index + m[0].length && r.index + r[0].length > m.index)?.[0] ?? null;
}

/** Whether an application is of a kind asked: an app written so in a task, a 平台 or 系统 by its name, any for 应用. */
function ofKind(kind: string, name: string, tasks: TaskDoc[]): boolean {
  if (isAppKind(kind)) return tasks.some((t) => writtenAsApp(t, name));
  if (kind === '平台' || kind === '系统') return name.endsWith(kind);
  return true;
}

/** Whether a task's text writes the application as an app (“江海通办”APP, 顺易办小程序, …移动端). */
function writtenAsApp(t: TaskDoc, name: string): boolean {
  const n = name.toLowerCase();
  for (let at = t.normText.indexOf(n); at >= 0; at = t.normText.indexOf(n, at + 1)) {
    if (/^\s*(?:app|小程序|客户端|移动端)/.test(t.normText.slice(at + n.length))) return true;
  }
  return false;
}

/**
 * The applications of the tasks in scope of the kind the question asks, narrowed by its topic; [] when
 * it asks for none, links an application (its own card answers), or its topic singles none out.
 */
export interface AppsAsked {
  kind: string;
  unnamed?: string; // the kind asked, where no application in scope is named so (the list is of 应用)
  topical: boolean; // the question has a topic beyond asking for applications (智慧养老服务有哪些数字化应用)
  apps: { id: string; tasks: TaskDoc[] }[];
}

export function appsAsked(corpus: Corpus, link: LinkedQuery, inScope: (planId: string) => boolean, ofUnit: (t: TaskDoc) => boolean, limit: number): AppsAsked | null {
  const asked = link.apps.length ? null : askedAppKind(link.normalized);
  if (!asked) return null;
  let kind = asked;
  const scoped = corpus.tasks.filter((t) => inScope(t.planId) && ofUnit(t));
  const byApp = new Map<string, TaskDoc[]>();
  for (const t of scoped) for (const a of t.apps) byApp.set(a, [...(byApp.get(a) ?? []), t]);
  const nameOf = (id: string) => nodeName(corpus.apps.get(id));
  const all = [...byApp].map(([id, tasks]) => ({ id, tasks }));
  const kinds = kindsOf(kind);
  let apps = all.filter(({ id, tasks }) => kinds.some((k) => ofKind(k, nameOf(id).replace(/[“”"]/g, ''), tasks)));
  // no application named a 平台 or 系统 (株洲's are 城市大脑, 湘易办 …): the applications, said as such
  const unnamed = !apps.length && !isAppKind(kind) && all.length ? asked : undefined;
  if (unnamed) [apps, kind] = [all, '应用'];
  // a topic narrows each plan's applications to those sharing most of it (at least half its best); a
  // plan none of whose applications shares it keeps them only when the kind asked already singles
  // them out (an APP: 政务服务APP asks for each city's app, whatever its task says)
  const topic = bigrams(link.residual.replace(ASKING, ' '));
  if (topic.size) {
    const appKind = isAppKind(kind);
    const textOf = (a: (typeof apps)[number]) => `${nameOf(a.id)}${a.tasks.map((t) => `${t.title}${t.body}`).join('')}`;
    const byPlan = new Map<string, typeof apps>();
    for (const a of apps) {
      const plan = a.tasks[0].planId;
      if (!byPlan.has(plan)) byPlan.set(plan, []);
      byPlan.get(plan)!.push(a);
    }
    let top = 0;
    apps = [...byPlan.values()].flatMap((group) => {
      const { best, matches } = onTopic(group, topic, textOf);
      top = Math.max(top, best);
      return best > 0 ? matches.map((x) => x.item) : appKind ? group : [];
    });
    // a topic no application holds half of (开远程会议 beside 行政执法监管系统), or one that leaves more than
    // a card lists (`limit`; 固废治理和无废城市…有哪些数字化应用: 75), is what the tasks answer, not a list of applications
    if ((!appKind && top * 2 < topic.size) || apps.length > limit) apps = [];
  }
  apps.sort((a, b) => b.tasks.length - a.tasks.length || nameOf(a.id).localeCompare(nameOf(b.id)));
  return { kind, ...(unnamed ? { unnamed } : {}), topical: topic.size > 0, apps };
}

/** The `applications` card (at most `limit` items); each plan's applications in turn for a question across plans. */
export function applicationsAnswer(corpus: Corpus, link: LinkedQuery, asked: AppsAsked, limit: number): ApplicationsAnswer | null {
  if (!asked.apps.length) return null;
  const ordered = link.crossPlan ? roundRobin(asked.apps, (a) => a.tasks[0].planId) : asked.apps;
  return {
    type: 'applications',
    kind: asked.kind,
    ...(asked.unnamed ? { unnamed: asked.unnamed } : {}),
    regions: link.regions,
    plans: link.plans,
    total: ordered.length,
    items: ordered.slice(0, limit).map(({ id, tasks }) => ({
      id,
      name: nodeName(corpus.apps.get(id)),
      tasks: tasks.length,
      plans: [...new Set(tasks.map((t) => t.planId))].map((p) => ({ id: p, title: nodeName(corpus.plans.get(p)) })),
    })),
  };
}
