/**
 * Responsibility clauses in every form Chinese plans print them, matched on the folded text
 * (fold.ts: full/half width, traditional characters) and sliced from the original:
 *
 * - labelled lists, inline or on their own line: "（责任单位：…）", "［牵头单位：…；责任单位：…；完成时间：…］",
 *   "牵头单位：…" / "配合单位：…" lines, a label whose list starts on the next line;
 * - role verbs after a list, in brackets or as a whole line: "（X牵头，Y配合）", "（A、B分别负责落实）",
 *   "X、Y配合落实", "…按职责分工负责"; inside a labelled list too ("责任单位：A、B牵头，C、D");
 * - "X（牵头）" markers; deadline fields (完成时限 …) and persons (牵头市领导 …) as task fields.
 *
 * Roles: 牵头 → lead; 配合/协同/参与/协办 → co; an unmarked list (责任单位, 负责落实) → co when the task
 * names a lead, first lead and the rest co when a "first listed leads" rule is in force, else
 * responsible. Linear in the text: every scan is one pass or a precomputed table.
 */
import type { Role } from '../graph/model';
import { fold } from '../core/fold';
import { FIELD_LABELS, LABEL_ALT, ROLE_VERBS } from './labels';
import type { UnitMention } from './types';

export { ROLE_LABELS } from './labels';

const OPEN = '（［【〔';
const CLOSE = '）］】〕';
/** A label that opens a field: "责任单位：" (folded text, so the colon is full-width). */
const FIELD = new RegExp(`(${LABEL_ALT})\\s*：`, 'g');
const LABEL_BEFORE = /[\n。；，（［【〔\s、）]/;
const VERB_END = new RegExp(`(?:${ROLE_VERBS.map((v) => `(${v.re})`).join('|')})$`);
const VERB_WORD = /牵头|配合|协同|参与|协办|协助|负责|落实/;
/** A note inside a clause that is not a unit ("列第一为牵头单位", "下同", "不再列出"). */
const NOTE = /列第一|排第一|第一责任单位|第一位|下同|不再(?:一一)?列出|均为|以下|除标注|汇总单位/;
/** A note among the listed units ("列第一位的为牵头单位", "下同"), not a unit itself. */
const isNote = (pf: string) => NOTE.test(pf) && (/为牵头|不再|下同|第一|除标注/.test(pf) || !ORG_END.test(pf.replace(/[。；，]+$/, '')));

/** How an organisation's name ends (a listed item without one is a phrase, not a unit). */
const ORG_END = /(?:局|委|办|厅|部|院|中心|政府|公司|集团|管委会|管委|单位|部门|机构|银行|海关|支队|总队|大队|委员会|办公室|联合会|协会|学会|站|所|馆|队|团|会|处|科|室|街道|乡镇|镇|乡|指挥部|专班|小组|企业|学校|医院|社|台|署|园区|集聚区|开发区|新区|示范区|片区|平台|组|（[^（）]*）)$/;

/** A statement that the first listed unit leads ("列第一为牵头单位", "第一责任单位为牵头单位，下同"). */
const FIRST_LEADS = /(?:列|排)(?:在)?第一(?:位|个|家)?(?:的)?(?:单位)?(?:为|是)牵头|第一(?:个|家|位)?(?:责任)?单位为牵头单位/;

/** True when a text states that the first listed unit leads. */
export function firstListedLeads(text: string): boolean {
  return FIRST_LEADS.test(fold(text));
}

/** The offset of the first "first listed leads" statement in a text, or -1. */
export function firstLeadsAt(text: string): number {
  const m = FIRST_LEADS.exec(fold(text));
  return m ? m.index : -1;
}

/** Splits at top-level separators (、，,；;), never inside brackets. */
export function splitTopLevel(s: string, seps = '、，,；;'): string[] {
  return splitAt(s, fold(s), seps).map((p) => p.text);
}

/** Top-level parts of `raw` (split where `folded` has a separator outside brackets), with offsets. */
function splitAt(raw: string, folded: string, seps: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && depth > 0) depth--;
    else if (depth === 0 && seps.includes(ch)) {
      parts.push({ text: raw.slice(start, i), start });
      start = i + 1;
    }
  }
  parts.push({ text: raw.slice(start), start });
  return parts;
}

/** Cleans one listed unit: spaces, a trailing 等, wrapping punctuation, trailing verbs. */
function cleanUnit(s: string): string {
  let out = s.replace(/\s+/g, '').replace(/^[“"]|[”"。；，、：]+$/g, '');
  const f = fold(out);
  const m = /(?:按职责(?:分工)?(?:负责|落实|抓好落实)?|分别负责|负责|参与|配合)$/.exec(f);
  if (m && m.index > 0) out = out.slice(0, m.index);
  if (/等$/.test(out)) out = out.slice(0, -1);
  return out.trim();
}

/** "市发改委（牵头）": an explicit lead marker after a unit name. */
const LEAD_MARK = /（(?:牵头|牵头单位|总牵头)）$/;
/** A bare category word continues the item before it: "市直有关部门、单位". */
const BARE = /^(?:单位|部门|机构|企业|单位等|部门等)$/;

/**
 * Where a unit name can begin: its level (县公安局, 市场监管局) or the places of a level (各乡镇（街道）);
 * 各 before a kind of body is the members of the name before it (省政府各部门, 省安委会各成员单位).
 */
const UNIT_START = /^(?:各(?:乡镇|乡|镇|街道|区|县|市)|省|市|县|区|乡|镇|街道)/;

/**
 * Two unit names run together with nothing between them (a table cell printing one per line, read
 * from a PDF: 县政务服务中心各乡镇（街道）): cut where a whole organisation's name ends and the
 * next begins with its level or 各, itself a whole name. 市政府办公室 stays one (办公室 begins with
 * no level), and so do 县市场监管局, 县委组织部 (no organisation ends before their 市场, 组织部) and
 * 各区（市）县政府 (各区 is no organisation).
 */
function splitRun(unit: string): string[] {
  const f = fold(unit);
  for (let i = 3; i <= f.length - 3; i++) {
    // the name before ends in an organisation's word, not in a bracket alone (各区（市）县政府 is one)
    const before = f.slice(0, i).replace(/（[^（）]*）$/, '');
    if (!/[（(][^）)]*$/.test(f.slice(0, i)) && /[^（）]$/.test(before) && ORG_END.test(before) && UNIT_START.test(f.slice(i)) && ORG_END.test(f.slice(i))) {
      return [unit.slice(0, i), ...splitRun(unit.slice(i))];
    }
  }
  return [unit];
}

/** Unit names in a list, re-joining "各区、县（市）政府" split at its inner 、. */
export function splitUnits(list: string): string[] {
  const raw = splitTopLevel(dropNotes(list)).map(cleanUnit).filter((u) => u.length > 0).flatMap(splitRun);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    // "各区" alone names no organisation: it is the head of "各区、县（市）政府"
    if (/^各[区县市乡镇]$/.test(fold(raw[i])) && i + 1 < raw.length) {
      out.push(`${raw[i]}、${raw[i + 1]}`);
      i++;
    } else if (BARE.test(fold(raw[i])) && out.length) out[out.length - 1] += `、${raw[i]}`;
    else out.push(raw[i]);
  }
  return out;
}

/** Drops notes in brackets that are not units ("（列第一为牵头单位；…不再列出）"), wherever they stand. */
function dropNotes(s: string): string {
  const f = fold(s);
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (OPEN.includes(f[i])) {
      const end = closeOf(f, i);
      if (end < f.length && NOTE.test(f.slice(i, end))) {
        i = end + 1;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  return out.trim();
}

/** Finds the close of the bracket opening at `open`, honouring nesting (text length if none). */
function closeOf(folded: string, open: number): number {
  let depth = 0;
  for (let i = open; i < folded.length; i++) {
    const ch = folded[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return folded.length;
}

type GroupRole = Role | 'default';

export interface ClauseHit {
  start: number; // offset of the clause in the text
  end: number; // exclusive
  units: { raw: string; role: GroupRole }[];
}

/** The items of one group "A、B牵头" / "C、D" with the role its verb (or `fallback`) gives. */
function parseGroup(raw: string, fallback: GroupRole | null): { raw: string; role: GroupRole }[] | null {
  const cleaned = raw.replace(/[\s。；，]+$/, '');
  const f = fold(cleaned);
  const m = VERB_END.exec(f);
  let role: GroupRole | null = fallback;
  let list = cleaned;
  if (m && m.index > 0) {
    const k = m.slice(1).findIndex((g) => g !== undefined);
    role = ROLE_VERBS[k].role;
    list = cleaned.slice(0, m.index);
  }
  if (role === null) return null;
  return splitUnits(list).map((u) => ({ raw: u.replace(LEAD_MARK, ''), role: LEAD_MARK.test(u) ? 'lead' : role }));
}

/** A list of units with optional role verbs: "A、B牵头，C配合" (labelled lists start with `fallback`). */
function parseList(raw: string, fallback: GroupRole | null, strict: boolean): { raw: string; role: GroupRole }[] | null {
  const f = fold(raw);
  const out: { raw: string; role: GroupRole }[] = [];
  for (const part of splitAt(raw, f, '，；')) {
    const pf = fold(dropNotes(part.text)).trim();
    if (pf === '' || isNote(pf)) {
      if (strict && pf !== '' && !NOTE.test(pf)) return null;
      continue;
    }
    const items = parseGroup(part.text, fallback);
    if (!items) return null;
    if (strict && !items.every((u) => u.raw.length <= 30 && ORG_END.test(fold(u.raw)))) return null;
    out.push(...items);
  }
  return out;
}

/** Per position: the index just past the innermost closed bracket around it (or -1), in one pass. */
function enclosures(folded: string): { close: Int32Array; open: Int32Array; match: Int32Array } {
  const n = folded.length;
  const close = new Int32Array(n).fill(-1);
  const open = new Int32Array(n).fill(-1);
  const match = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = folded[i];
    if (OPEN.includes(ch)) stack.push(i);
    else if (CLOSE.includes(ch) && stack.length) match[stack.pop()!] = i;
  }
  // innermost closed bracket per position: walk again with a stack of closed opens only
  const inner: number[] = [];
  for (let i = 0; i < n; i++) {
    while (inner.length && match[inner[inner.length - 1]] < i) inner.pop();
    if (inner.length) {
      open[i] = inner[inner.length - 1];
      close[i] = match[open[i]];
    }
    if (match[i] >= 0) inner.push(i);
  }
  return { close, open, match };
}

/** Per position: the next index holding `ch` at or after it (text length if none). */
function nextOf(folded: string, ch: string): Int32Array {
  const n = folded.length;
  const out = new Int32Array(n + 1);
  out[n] = n;
  for (let i = n - 1; i >= 0; i--) out[i] = folded[i] === ch ? i : out[i + 1];
  return out;
}

export interface TaskFields {
  units: UnitMention[];
  clauses: ClauseHit[];
  deadline: string | null;
  leader: string | null;
}

/** All responsibility clauses and task fields of a text, in text order. */
export function findClauses(text: string): { clauses: ClauseHit[]; deadline: string | null; leader: string | null } {
  const f = fold(text);
  const n = f.length;
  const { close, open, match } = enclosures(f);
  const nl = nextOf(f, '\n');
  const stop = nextOf(f, '。');
  const hits: ClauseHit[] = [];
  let deadline: string | null = null;
  let leader: string | null = null;
  const labels = [...f.matchAll(FIELD)].filter((m) => m.index === 0 || LABEL_BEFORE.test(f[m.index - 1]));
  for (let k = 0; k < labels.length; k++) {
    const m = labels[k];
    const ls = m.index;
    const le = ls + m[0].length;
    const inBracket = open[ls] >= 0;
    let end = inBracket ? close[ls] : nl[le];
    // "责任单位：" with its list on the next line
    if (!inBracket && end < n && blankUntil(f, le, end)) end = nl[Math.min(end + 1, n)];
    if (k + 1 < labels.length && labels[k + 1].index < end) end = labels[k + 1].index;
    if (stop[le] < end) end = stop[le];
    const value = text.slice(le, end);
    const field = FIELD_LABELS.get(m[1])!;
    if (field.kind === 'deadline') deadline ??= value.replace(/[\s；。，]+$/, '').trim() || null;
    else if (field.kind === 'leader') leader ??= value.replace(/[\s；。，]+$/, '').trim() || null;
    let units = field.kind === 'units' ? (parseList(value, field.role, false) ?? []) : [];
    // cut off mid-list at the end of the input: a last item that is no unit name is a fragment
    if (end === n && units.length && !ORG_END.test(fold(units[units.length - 1].raw))) units = units.slice(0, -1);
    // the whole bracket is the clause when it opens with this label (or an earlier clause)
    let start = ls;
    let stopAt = end;
    if (inBracket && f.slice(open[ls] + 1, ls).trim().replace(/^.*[；，]$/, '') === '') {
      start = Math.min(open[ls], ls);
      stopAt = close[ls] + 1;
    }
    hits.push({ start, end: stopAt, units });
  }
  // bracketed verb clauses "（X牵头，Y配合）" and whole lines "X、Y配合落实"
  let taken = overlapTest(hits);
  for (let i = 0; i < n; i++) {
    if (!OPEN.includes(f[i]) || open[i] >= 0) continue; // top-level brackets only
    const c = match[i];
    if (c < 0) continue;
    const after = f[c + 1];
    if (c - i > 600 || (after !== undefined && !/[。；\n\s（]/.test(after)) || taken(i, c + 1)) {
      i = c;
      continue;
    }
    const inner = text.slice(i + 1, c);
    if (VERB_WORD.test(fold(inner))) {
      const units = parseList(inner, null, true);
      if (units && units.length) hits.push({ start: i, end: c + 1, units });
    }
    i = c;
  }
  taken = overlapTest([...hits].sort((a, b) => a.start - b.start));
  // whole lines "X、Y配合落实", and a sentence's trailing "，X、Y按职责分工负责。"
  let lineStart = 0;
  while (lineStart <= n) {
    const lineEnd = nl[lineStart] ?? n;
    const lf = f.slice(lineStart, lineEnd).trim();
    if (lf.length > 0 && VERB_WORD.test(lf) && !taken(lineStart, lineEnd)) {
      const units = lf.length <= 300 && !/。./.test(lf) ? parseList(text.slice(lineStart, lineEnd), null, true) : null;
      if (units && units.length) hits.push({ start: lineStart, end: lineEnd, units });
      else trailingDuty(text, f, lineStart, lineEnd, hits);
    }
    lineStart = lineEnd + 1;
  }
  return { clauses: hits.sort((a, b) => a.start - b.start), deadline, leader };
}

/** "落实等级保护制度，市委网信办、市公安局按职责分工负责。": a sentence's last phrase naming its units. */
const DUTY_TAIL = /[，；]([^，；。（）]{2,200}?(?:按职责(?:分工)?负责(?:落实)?|负责落实|分别负责(?:落实)?))[。；]?(?=。|$)/g;

function trailingDuty(text: string, f: string, from: number, to: number, hits: ClauseHit[]): void {
  const line = f.slice(from, to);
  for (const m of line.matchAll(DUTY_TAIL)) {
    const start = from + m.index + 1;
    const units = parseList(text.slice(start, start + m[1].length), null, true);
    if (units && units.length && !/^(?:由|请|要|并|和|及)/.test(m[1])) hits.push({ start, end: start + m[1].length, units });
  }
}

/** True when f[from, to) holds only whitespace (stops at the first other character). */
function blankUntil(f: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(f[i])) return false;
  return true;
}

/**
 * Overlap with any hit, for queries of increasing start: the hits' union is built once and a
 * pointer walks it, so a text with thousands of clauses stays linear.
 */
function overlapTest(sorted: ClauseHit[]): (a: number, b: number) => boolean {
  const spans: [number, number][] = [];
  for (const h of sorted) {
    const last = spans[spans.length - 1];
    if (last && h.start <= last[1]) last[1] = Math.max(last[1], h.end);
    else spans.push([h.start, h.end]);
  }
  let k = 0;
  return (a, b) => {
    while (k < spans.length && spans[k][1] <= a) k++;
    return k < spans.length && spans[k][0] < b;
  };
}

/** Resolves group roles: unmarked units are co beside a lead, first-lead under the rule, else responsible. */
function resolveRoles(units: { raw: string; role: GroupRole }[], firstLeads: boolean): { raw: string; role: Role }[] {
  const hasLead = units.some((u) => u.role === 'lead');
  let first = !hasLead && firstLeads;
  return units.map((u) => {
    if (u.role !== 'default' && u.role !== 'responsible') return { raw: u.raw, role: u.role };
    if (hasLead) return { raw: u.raw, role: 'co' };
    if (firstLeads) {
      const role: Role = first ? 'lead' : 'co';
      first = false;
      return { raw: u.raw, role };
    }
    return { raw: u.raw, role: 'responsible' };
  });
}

/** The unit mentions of a task text in listing order (each name once), its clauses and fields. */
export function extractUnits(text: string, firstLeads: boolean): TaskFields {
  const { clauses, deadline, leader } = findClauses(text);
  const resolved = resolveRoles(clauses.flatMap((c) => c.units), firstLeads);
  const seen = new Set<string>();
  const units: UnitMention[] = [];
  for (const u of resolved) {
    if (seen.has(u.raw) || u.raw === '') continue;
    seen.add(u.raw);
    units.push({ raw: u.raw, role: u.role, order: units.length + 1 });
  }
  return { units, clauses, deadline, leader };
}

/** The text without its responsibility clauses and task fields: the one clause-free body. */
export function clauseFreeText(text: string, clauses: ClauseHit[] = findClauses(text).clauses): string {
  let out = '';
  let at = 0;
  for (const c of clauses) {
    if (c.start < at) continue;
    out += text.slice(at, c.start);
    at = c.end;
  }
  out += text.slice(at);
  return out.replace(/[ \t]*\n[ \t]*\n+/g, '\n').trim();
}

/** A task's clause-free body: ingest's `body` property, or (a graph from before it) derived from its text the same way. */
export function taskBody(p: { text?: unknown; body?: unknown }): string {
  return typeof p.body === 'string' ? p.body : clauseFreeText(typeof p.text === 'string' ? p.text : '');
}

/**
 * "以下任务均需各区市政府、开发区管委落实，不再一一列出", "以下各区、县〔市〕政府均为责任单位，不再列出":
 * units that every later task carries without listing them (role co).
 */
export function standingUnits(text: string): string[] {
  const f = fold(text);
  const m = /以下(?:任务)?(?:均需|均由|均为|各项任务均需)?(.{2,120}?)(?:均为责任单位|均为配合单位|落实|负责|参与)[^。）]{0,6}不再(?:一一)?列出/.exec(f);
  if (!m) return [];
  const list = text.slice(m.index + m[0].indexOf(m[1]), m.index + m[0].indexOf(m[1]) + m[1].length).replace(/^(?:任务)?(?:均需|均由)/, '');
  return splitUnits(list.replace(/均$/, '')).filter((u) => ORG_END.test(fold(u)));
}
