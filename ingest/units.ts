/**
 * Responsibility clauses: "（责任单位：…）" inline or on its own line, "责任单位：…" lines,
 * "（牵头单位：…；协同单位：…等）". Splits unit lists (respecting brackets) and assigns roles.
 */
import type { Role } from '../graph/model';
import type { UnitMention } from './types';

/** The labels that open a list of units, and the role each gives. */
const ROLE_LABELS: Record<Role, string[]> = {
  lead: ['牵头单位', '牵头部门', '主办单位'],
  co: ['协同单位', '协同部门', '配合单位', '配合部门', '协办单位', '参与单位'],
  responsible: ['责任单位', '责任部门', '实施单位'],
};
const ROLE_OF = new Map(Object.entries(ROLE_LABELS).flatMap(([role, labels]) => labels.map((l) => [l, role as Role] as const)));
const LABEL_ALT = [...ROLE_OF.keys()].join('|');
/** The bracketed form: "（牵头单位：…；协同单位：…）" inline. */
const CLAUSE_OPEN = new RegExp(`（\\s*(?:${LABEL_ALT})\\s*[:：]`, 'g');
/** The line-anchored form: "责任单位：…" on its own line (or after a 。) runs to the line's end. */
const CLAUSE_LINE = new RegExp(`(?:^|\\n|。)((?:${LABEL_ALT})\\s*[:：][^\\n]*)`, 'g');
const SEGMENT = new RegExp(`(${LABEL_ALT})\\s*[:：]`, 'g');
const OPEN = '（〔[【';
const CLOSE = '）〕]】';

/** A document-level statement that the first listed unit leads ("列第一为牵头单位"). */
export function firstListedLeads(fullText: string): boolean {
  return /(?:列|排)(?:在)?第一(?:位|个)?(?:的)?(?:为|是)牵头单位|第一(?:个|家)?单位为牵头单位/.test(fullText);
}

/** Splits at top-level separators (、，,；;), never inside brackets. */
export function splitTopLevel(s: string, seps = '、，,；;'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && depth > 0) depth--;
    if (depth === 0 && seps.includes(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Cleans one listed unit: spaces, a trailing 等, wrapping punctuation. */
function cleanUnit(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/^[“"]|[”"。]$/g, '')
    .replace(/(?:按职责(?:分工)?(?:负责|落实|抓好落实)?|分别负责|负责|参与|配合)$/, '')
    .replace(/等$/, '')
    .trim();
}

/** "市发改委（牵头）": an explicit lead marker after a unit name. */
const LEAD_MARK = /（(?:牵头|牵头单位|总牵头)）$/;

/** Unit names in a list, re-joining "各区、县（市）政府" split at its inner 、. */
export function splitUnits(list: string): string[] {
  const raw = splitTopLevel(list).map(cleanUnit).filter((u) => u.length > 0);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    // "各区" alone names no organisation: it is the head of "各区、县（市）政府"
    if (/^各[区县市乡镇]$/.test(raw[i]) && i + 1 < raw.length) {
      out.push(`${raw[i]}、${raw[i + 1]}`);
      i++;
    } else out.push(raw[i]);
  }
  return out;
}

/** Drops a trailing note in brackets that is not a unit ("（列第一为牵头单位；…不再列出）"). */
function dropNotes(s: string): string {
  return s.replace(/（[^（）]*(?:列第|排第|不再列出|下同|均为|以下)[^（）]*）\s*$/, '').trim();
}

/** Roles for one clause body "牵头单位：A、B；协同单位：C等" (label already included). */
function parseClause(body: string, firstLeads: boolean): { raw: string; role: Role }[] {
  const out: { raw: string; role: Role }[] = [];
  const marks = [...body.matchAll(SEGMENT)];
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k];
    const end = k + 1 < marks.length ? marks[k + 1].index : body.length;
    const role = ROLE_OF.get(m[1]) ?? 'responsible';
    const list = dropNotes(body.slice(m.index + m[0].length, end).replace(/[；;，,\s]+$/, ''));
    const names = splitUnits(list);
    const marked = names.some((n) => LEAD_MARK.test(n));
    names.forEach((name, idx) => {
      let r = role;
      if (role === 'responsible' && marked) r = LEAD_MARK.test(name) ? 'lead' : 'co';
      else if (role === 'responsible' && firstLeads) r = idx === 0 ? 'lead' : 'co';
      out.push({ raw: name.replace(LEAD_MARK, ''), role: r });
    });
  }
  return out;
}

/** Finds the end of a bracketed clause starting at `open` ("（"), honouring nesting. */
function closeOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

export interface ClauseHit {
  start: number; // offset of the clause in the text
  end: number; // exclusive
  units: { raw: string; role: Role }[];
}

/** All responsibility clauses of a text (a line-initial "责任单位：" runs to the line's end). */
export function findClauses(text: string, firstLeads: boolean): ClauseHit[] {
  const hits: ClauseHit[] = [];
  for (const m of text.matchAll(CLAUSE_LINE)) {
    const start = m.index + m[0].length - m[1].length;
    hits.push({ start, end: start + m[1].length, units: parseClause(m[1], firstLeads) });
  }
  for (const m of text.matchAll(CLAUSE_OPEN)) {
    const end = closeOf(text, m.index);
    if (hits.some((h) => m.index >= h.start && m.index < h.end)) continue;
    hits.push({ start: m.index, end: Math.min(end + 1, text.length), units: parseClause(text.slice(m.index + 1, end), firstLeads) });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The unit mentions of a task text, in listing order, each name once. */
export function extractUnits(text: string, firstLeads: boolean): { units: UnitMention[]; clauses: ClauseHit[] } {
  const clauses = findClauses(text, firstLeads);
  const seen = new Set<string>();
  const units: UnitMention[] = [];
  for (const c of clauses) {
    for (const u of c.units) {
      if (seen.has(u.raw)) continue;
      seen.add(u.raw);
      units.push({ raw: u.raw, role: u.role, order: units.length + 1 });
    }
  }
  return { units, clauses };
}
