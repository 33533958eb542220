/**
 * Tasks and measures from the outline: which numbered items are tasks, their path in the
 * document's own numbering, title, text, kind, units and years, with original line numbers.
 */
import { ids } from '../graph/model';
import type { TaskKind } from '../graph/model';
import type { Line } from './normalize';
import { pathSegment, sectionLabel, type OutlineNode } from './outline';
import { extractUnits, clauseFreeText, standingUnits } from './units';
import { fold } from '../core/fold';
import { extractYears } from './years';
import { extractApplications } from './applications';
import type { ParsedTask } from './types';

/** Sections whose items state goals and principles, not tasks ("一、总体要求"). */
const OVERVIEW = /总体要求|总体思路|指导思想|工作目标|主要目标|总体目标|发展目标|基本原则|建设原则|总体框架|背景|现状|发展基础|发展环境|面临形势|发展形势/;
/** Sections of organisational safeguards (their items are measures when they name no units). */
const SAFEGUARD = /保障|保证|措施|组织领导|组织实施|领导|推进机制/;

const MAX_WARNINGS = 50;
/** The longest first sentence still read as a title (a table cell or a 责任分解 item is one sentence). */
const MAX_TITLE = 150;

export interface TaskContext {
  planId: string;
  sourceFile: string;
  /** Original line from which on "the first listed unit leads" (Infinity: never). */
  firstLeadsFrom: number;
  knownApps: string[];
}

/** Lines of web-page furniture and contact data: never a paragraph of a plan. */
const BOILERPLATE = /^(?:首页|当前位置|您现在的位置|分享到|打印|关闭|收藏|扫一扫|网站地图|联系我们|主办单位|承办单位|技术支持|版权所有|字体|浏览次数|访问次数|来源|信息来源|发布时间|更新时间)|(?:电话|传真|邮编|邮箱|地址)\s*[：:]|ICP备|公网安备|\d{3,4}-\d{7,8}|^[\d\s\-—()（）+]{7,}$/;

function ancestors(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (let p = node.parent; p && p.level > 0; p = p.parent) out.unshift(p);
  return out;
}

function descendantsLines(node: OutlineNode): Line[] {
  const out: Line[] = [...node.body];
  for (const c of node.children) out.push(c.line, ...descendantsLines(c));
  return out;
}

function isTaskNode(n: OutlineNode): boolean {
  const chain = [...ancestors(n), n];
  if (chain.some((a) => a.level <= 2 && OVERVIEW.test(fold(a.head.split('。')[0])))) return false;
  // a sub-item belongs to its task; one under no task-level item (一. then 1）) that names units is the task
  if (n.level >= 4) return !ancestors(n).some((a) => a.level >= 2) && namesUnits([n.line, ...descendantsLines(n)]);
  if (n.level === 3) return true;
  const hasItems = n.children.some((c) => c.level <= 3 || isTaskNode(c));
  // （一） and a part of a 规划 (第一节) without items state a task
  if (n.level === 2 || n.level < 1) return !hasItems;
  // a level-1 item without sub-items is a task only when it names responsible units
  return !hasItems && namesUnits(descendantsLines(n));
}

const namesUnits = (lines: Line[]) => extractUnits(lines.map((l) => l.text).join('\n'), false).units.length > 0;

function collectTaskNodes(root: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode) => {
    for (const c of n.children) {
      if (isTaskNode(c)) out.push(c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

/** Numbering that continues across subsections (1..28 over several （一）) is cited alone. */
function isContinuous(items: OutlineNode[]): boolean {
  const numbered = items.filter((n) => n.level === 3);
  const groups: number[][] = [];
  let parent: OutlineNode | null | undefined;
  for (const n of numbered) {
    if (n.parent !== parent) groups.push([]);
    parent = n.parent;
    groups[groups.length - 1].push(Number(n.label));
  }
  if (groups.length < 2) return false;
  return groups.every((g, i) => i === 0 || g[0] === groups[i - 1][groups[i - 1].length - 1] + 1);
}

function pathOf(node: OutlineNode, continuous: boolean): string {
  if (node.decimal) return node.label; // 2.1.1 is its whole path
  if (node.level === 3 && continuous) return node.label;
  return [...ancestors(node), node].map(pathSegment).join('.');
}

/** Splits the heading line into title (before the first 。) and the start of the body. */
export function splitTitle(head: string): { title: string; rest: string } {
  const i = head.indexOf('。');
  if (i > 0 && i <= MAX_TITLE) return { title: head.slice(0, i).trim(), rest: head.slice(i + 1).trim() };
  if (i < 0 && head.length <= MAX_TITLE) return { title: head.replace(/[：:；;，,]$/, '').trim(), rest: '' };
  // a long first sentence: its first phrase names the task (never an empty title)
  const phrase = /^[^，,；;：:]{4,40}/.exec(head)?.[0] ?? head.slice(0, 40);
  return { title: phrase.trim(), rest: head.trim() };
}

function kindOf(node: OutlineNode, hasUnits: boolean, docHasClauses: boolean): TaskKind {
  if (hasUnits) return 'task';
  const top = ancestors(node)[0] ?? node;
  return docHasClauses || SAFEGUARD.test(fold(top.head)) ? 'measure' : 'task';
}

/** The tasks and measures of an outlined document. */
export function extractTasks(root: OutlineNode, ctx: TaskContext, warnings: string[]): ParsedTask[] {
  const nodes = collectTaskNodes(root);
  const continuous = isContinuous(nodes);
  let standing: string[] = []; // "以下…不再列出": units every later task carries
  const drafts: Draft[] = nodes.map((node) => {
    const { title, rest } = splitTitle(node.head);
    const lines = descendantsLines(node);
    const text = [rest, ...lines.map((l) => l.text)].filter((s) => s !== '').join('\n');
    const fields = extractUnits(text, node.line.lineStart >= ctx.firstLeadsFrom);
    // a heading's own clause ((一)深化政策公开。（牵头单位：…）) is each of its tasks' that names none
    const units = fields.units.length ? [...fields.units] : headingUnits(node, ctx);
    if (units.length) {
      for (const raw of standing) if (!units.some((u) => sameUnit(u.raw, raw))) units.push({ raw, role: 'co', order: units.length + 1 });
    }
    const own = standingUnits(text);
    if (own.length) standing = own.map((raw) => fields.units.find((u) => sameUnit(u.raw, raw))?.raw ?? raw);
    const last = lines.length ? lines[lines.length - 1] : node.line;
    const body = statedBody(title, rest, clauseFreeText(text, fields.clauses));
    return { node, title, text, body, units, lineStart: node.line.lineStart, lineEnd: last.lineEnd, rest, lines, fields };
  });
  trimClosingProse(drafts);
  const docHasClauses = drafts.some((d) => d.units.length > 0);
  const used = new Map<string, number>();
  return drafts.map((d) => {
    let path = pathOf(d.node, continuous);
    const n = (used.get(path) ?? 0) + 1;
    used.set(path, n);
    if (n > 1) {
      if (warnings.length < MAX_WARNINGS) warnings.push(`重复编号 duplicate numbering "${path}" at line ${d.lineStart}`);
      path = `${path}~${n}`;
    }
    return {
      id: ids.task(ctx.planId, path),
      path,
      section: ancestors(d.node).map(sectionLabel),
      title: d.title,
      text: d.text,
      kind: kindOf(d.node, d.units.length > 0, docHasClauses),
      units: d.units,
      // a task whose statement is all its title (升级…审批管理平台，实现…。责任单位：…) names its applications there
      applications: /[\u3400-\u9fff]/.test(d.body) ? extractApplications(d.body, ctx.knownApps, d.title) : extractApplications(d.title, ctx.knownApps),
      years: extractYears(`${d.title}。${d.text}`),
      body: d.body,
      ...(d.fields.deadline ? { deadline: d.fields.deadline, deadlineYear: extractYears(d.fields.deadline)[0] ?? null } : {}),
      ...(d.fields.leader ? { leader: d.fields.leader } : {}),
      sourceFile: ctx.sourceFile,
      lineStart: d.lineStart,
      lineEnd: d.lineEnd,
    };
  });
}

/** A line giving one labelled value (a table's （重点任务：…）, （备注：…）), no sentence of the task's own. */
const LABELLED = /^（?[^：:。，,（]{1,10}[：:]/;

/**
 * The body of a task stated all in its title (a table row: 具体举措 the title, 重点任务：… and 备注：… beside
 * it) holds its title first: what the task says is its title, the labelled values only place it.
 */
function statedBody(title: string, rest: string, body: string): string {
  if (rest !== '' || body === '' || !body.split('\n').every((l) => LABELLED.test(l))) return body;
  return `${title}\n${body}`;
}

interface Draft {
  node: OutlineNode;
  title: string;
  text: string;
  body: string;
  units: ReturnType<typeof extractUnits>['units']; // the fields' units and the standing ones
  lineStart: number;
  lineEnd: number;
  rest: string; // the head line's text after the title ('' when none)
  lines: Line[]; // the body lines
  fields: ReturnType<typeof extractUnits>; // clauses, deadline and leader as the text gives them
}

/** Where a task's text ends when it closes with its responsibility clause: the end of the line holding the last clause, else -1. */
function clauseLineEnd(d: Draft): number {
  const last = d.fields.clauses.reduce((m, c) => Math.max(m, c.end), -1);
  if (last < 0) return -1;
  const nl = d.text.indexOf('\n', last);
  const tail = d.text.slice(last, nl < 0 ? undefined : nl);
  const bracketed = /[）)】〕\]]/.test(tail) || /[）)】〕\]]\s*$/.test(d.text.slice(0, last));
  return /^[\s）)】〕\]。；;]*$/.test(tail) && bracketed ? (nl < 0 ? d.text.length : nl) : -1;
}

/**
 * In a plan whose items close with their responsibility clause in brackets (…（牵头单位：…；配合单位：…）),
 * an unnumbered paragraph after the last item's clause is the plan's closing prose (各牵头单位要对照工作
 * 要点细化年度计划…), not that task's text: it is left out of the task (text, body, lines). Where items put
 * the clause after their title and go on below it, nothing is cut.
 */
function trimClosingProse(drafts: Draft[]): void {
  const leaves = drafts.filter((d) => !d.node.children.length && d.fields.clauses.length);
  const ends = leaves.map((d) => ({ d, at: clauseLineEnd(d) }));
  const closing = ends.filter((e) => e.at >= 0 && e.at === e.d.text.length).length;
  if (closing < 3 || closing < (2 / 3) * leaves.length) return; // the plan's convention: most items close so
  for (const { d, at } of ends) {
    if (at < 0 || at === d.text.length) continue;
    const kept = d.text.slice(0, at);
    const keptLines = kept.split('\n').length - (d.rest ? 1 : 0);
    d.text = kept;
    d.body = clauseFreeText(kept, d.fields.clauses);
    d.lineEnd = (keptLines > 0 ? d.lines[keptLines - 1] : d.node.line).lineEnd;
  }
}

/** The units of the nearest heading above a task whose own line or text before its items names them. */
function headingUnits(node: OutlineNode, ctx: TaskContext): ParsedTask['units'] {
  for (let p = node.parent; p && p.level > 0; p = p.parent) {
    const own = extractUnits([p.head, ...p.body.map((l) => l.text)].join('\n'), p.line.lineStart >= ctx.firstLeadsFrom).units;
    if (own.length) return own.map((u) => ({ ...u }));
  }
  return [];
}

/** Two printings of one unit name: "各区、县（市）政府" = "各区、县〔市〕政府". */
function sameUnit(a: string, b: string): boolean {
  const k = (s: string) => fold(s).replace(/〔/g, '（').replace(/〕/g, '）').replace(/\s+/g, '');
  return k(a) === k(b);
}

/** A document without numbering: every paragraph is kept as a "paragraph" item. */
export function paragraphsOf(lines: Line[], ctx: TaskContext): ParsedTask[] {
  return lines.filter((l) => !BOILERPLATE.test(fold(l.text))).map((l, i) => {
    const path = `p${i + 1}`;
    const { title } = splitTitle(l.text.length > 40 ? l.text.slice(0, l.text.indexOf('。') + 1 || 40) : l.text);
    const fields = extractUnits(l.text, l.lineStart >= ctx.firstLeadsFrom);
    return {
      id: ids.task(ctx.planId, path),
      path,
      section: [],
      title: title || l.text.slice(0, 40),
      text: l.text,
      kind: 'paragraph' as const,
      units: fields.units,
      applications: extractApplications(l.text, ctx.knownApps),
      years: extractYears(l.text),
      body: clauseFreeText(l.text, fields.clauses),
      sourceFile: ctx.sourceFile,
      lineStart: l.lineStart,
      lineEnd: l.lineEnd,
    };
  });
}
