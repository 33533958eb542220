/**
 * The document's own numbering: 一、 (level 1), （一） (level 2), 1. / 1． / 1、 (level 3),
 * （1） / ① / 1） (level 4); above them the parts of a 规划 (第一章 / 第一部分: level 0.25, 第一节:
 * level 0.5); and, in a document numbered decimally (2 / 2.1 / 2.1.1, two such lines at least),
 * each number's depth its level. Builds the outline tree of numbered items over the logical lines.
 */
import type { Line } from './normalize';
import { LABEL_ALT } from './labels';
import { clauseFreeText } from './units';

export interface OutlineNode {
  level: number; // 0.25 (章), 0.5 (节), 1..4; 0 for the root
  label: string; // the number as printed: "二", "一", "12", "二章", "2.1.1"
  head: string; // the heading line without its number marker
  line: Line; // the line carrying the number
  body: Line[]; // lines after the heading line up to the next numbered line
  children: OutlineNode[];
  parent: OutlineNode | null;
  /** A decimal number (2.1.1): it is its whole path. */
  decimal?: boolean;
}

export interface Marker {
  level: number;
  label: string;
  rest: string;
  decimal?: boolean;
}

const NUMERAL = '[一二三四五六七八九十百零〇]{1,4}|\\d{1,2}';
const MARKERS: { level: number; re: RegExp; unit?: string }[] = [
  { level: 1, re: /^([一二三四五六七八九十百]{1,4})\s*[、．.](?![\d])\s*/ },
  { level: 2, re: /^（\s*([一二三四五六七八九十百]{1,4})\s*）[、．.]?\s*/ },
  { level: 3, re: /^(\d{1,3})\s*[.．、](?![\d.．])\s*/ },
  { level: 4, re: /^（\s*(\d{1,3})\s*）\s*/ },
  { level: 4, re: /^([①-⑳])\s*/ },
  { level: 4, re: /^(\d{1,2})）\s*/ },
];
/** The parts of a 规划: a short heading line (第二章 重点任务), never a sentence. */
const PARTS: { level: number; re: RegExp }[] = [
  { level: 0.25, re: new RegExp(`^第(${NUMERAL})(章|部分|篇)\\s*`) },
  { level: 0.5, re: new RegExp(`^第(${NUMERAL})(节)\\s*`) },
];
/** In a decimal document: a number of two parts or more (2.1, 2.1.1) before a heading, or one part alone (2 总体要求). */
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\s+|[、．]\s*|\.\s*(?=\D))(?=[^\d\s])/;
const DECIMAL_TOP = /^(\d{1,2})(?:\s+|[、．.]\s*)(?=[^\d\s.．%％])/;

/** True when the lines are numbered decimally: two lines at least open with 2.1 or 2.1.1. */
export function isDecimal(lines: { text: string }[]): boolean {
  let n = 0;
  for (const l of lines) if (DECIMAL.test(l.text) && ++n >= 2) return true;
  return false;
}

/** Lines from which on nothing belongs to the outline (attachments, distribution list). */
const END_OF_BODY = /^(?:[\d\-、.]*\s*附件(?:[:：\s\d]|$)|抄送[:：]|备注[:：])/;

/** The numbering marker of a line, if any (`decimal`: the document is numbered 2 / 2.1 / 2.1.1). */
export function matchMarker(text: string, decimal = false): Marker | null {
  if (text.includes('\t')) return null; // table rows are not outline items
  const d = decimal ? (DECIMAL.exec(text) ?? DECIMAL_TOP.exec(text)) : null;
  if (d && d[0].length < text.length) return { level: Math.min(4, d[1].split('.').length), label: d[1], rest: text.slice(d[0].length), decimal: true };
  for (const m of PARTS) {
    const r = m.re.exec(text);
    const rest = r ? text.slice(r[0].length) : '';
    // a heading: short, no sentence inside it
    if (r && rest.length > 0 && rest.length <= 40 && !/[。；;，,]./.test(rest)) return { level: m.level, label: `${r[1]}${r[2]}`, rest };
  }
  for (const m of MARKERS) {
    const r = m.re.exec(text);
    if (r && r[0].length < text.length) return { level: m.level, label: r[1], rest: text.slice(r[0].length) };
  }
  return null;
}

/** True for a line that ends the outlined body (an attachment or the distribution list). */
export function isEndOfBody(text: string): boolean {
  return END_OF_BODY.test(text);
}

/** Builds the outline. Lines before the first numbered line go to the root's body. */
export function buildOutline(lines: Line[]): { root: OutlineNode; rest: Line[] } {
  const root: OutlineNode = { level: 0, label: '', head: '', line: lines[0], body: [], children: [], parent: null };
  let current = root;
  let i = 0;
  const end = lines.findIndex((l) => isEndOfBody(l.text));
  const decimal = isDecimal(end < 0 ? lines : lines.slice(0, end));
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isEndOfBody(line.text)) break;
    const m = matchMarker(line.text, decimal);
    // a marker deeper than one level below the current item is only a deeper level when no
    // shallower parent exists: "1." directly under "二、" is fine (levels may be skipped)
    if (!m) {
      current.body.push(line);
      continue;
    }
    let parent = current;
    while (parent.level >= m.level && parent.parent) parent = parent.parent;
    const node: OutlineNode = { level: m.level, label: m.label, head: m.rest, line, body: [], children: [], parent, ...(m.decimal ? { decimal: true } : {}) };
    parent.children.push(node);
    current = node;
  }
  splitPartParagraphs(root);
  return { root, rest: lines.slice(i) };
}

/** A line that only carries fields of the paragraph above it (责任单位：…, （牵头单位：…）). */
const FIELD_ONLY = new RegExp(`^[（［【(]?(?:${LABEL_ALT})\\s*[：:]`);

/**
 * A part of a 规划 (第一节 …) with no numbered items states its tasks as paragraphs: each paragraph
 * is an item of its own (numbered 1, 2 … under the part), a line of fields only going with the
 * paragraph above it. A part of one paragraph stays one item.
 */
function splitPartParagraphs(node: OutlineNode): void {
  for (const c of node.children) splitPartParagraphs(c);
  if (node.level <= 0 || node.level >= 1 || node.children.length) return;
  const paragraphs: OutlineNode[] = [];
  for (const line of node.body) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && FIELD_ONLY.test(line.text)) last.body.push(line);
    else paragraphs.push({ level: 3, label: String(paragraphs.length + 1), head: line.text, line, body: [], children: [], parent: node });
  }
  if (paragraphs.length < 2) return;
  node.children = paragraphs;
  node.body = [];
}

/** One step of a path in the document's own numbering: a （一） item is "(一)", apart from 一、. */
export function pathSegment(item: { level: number; label: string }): string {
  return item.level === 2 && !item.label.includes('.') ? `(${item.label})` : item.label;
}

/** Heading text as printed: "（一）在构建…率先突破" (trailing 。 and body dropped). */
export function sectionLabel(node: OutlineNode): string {
  const printed = node.line.text.slice(0, node.line.text.length - node.head.length);
  const marker = printed.replace(/\s+/g, '');
  // a number or part name the heading follows after a space keeps it (2 重点任务, 第二章 重点任务)
  const gap = /[\d章节分篇]$/.test(marker) && /\s$/.test(printed) ? ' ' : '';
  // without a responsibility clause it carries ((一)深化政策公开（牵头单位：…）: the clause is its tasks')
  const title = clauseFreeText(node.head).split('。')[0].replace(/[（(［【[]\s*$/, '').replace(/[。.]$/, '');
  return marker + gap + title;
}
