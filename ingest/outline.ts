/**
 * The document's own numbering: 一、 (level 1), （一） (level 2), 1. / 1． / 1、 (level 3),
 * （1） / ① (level 4). Builds the outline tree of numbered items over the logical lines.
 */
import type { Line } from './normalize';

export interface OutlineNode {
  level: number; // 1..4; 0 for the root
  label: string; // the number as printed: "二", "一", "12"
  head: string; // the heading line without its number marker
  line: Line; // the line carrying the number
  body: Line[]; // lines after the heading line up to the next numbered line
  children: OutlineNode[];
  parent: OutlineNode | null;
}

const MARKERS: { level: number; re: RegExp }[] = [
  { level: 1, re: /^([一二三四五六七八九十百]{1,4})\s*[、．]\s*/ },
  { level: 2, re: /^（\s*([一二三四五六七八九十百]{1,4})\s*）[、．.]?\s*/ },
  { level: 3, re: /^(\d{1,3})\s*[.．、](?![\d.．])\s*/ },
  { level: 4, re: /^（\s*(\d{1,3})\s*）\s*/ },
  { level: 4, re: /^([①-⑳])\s*/ },
];

/** Lines from which on nothing belongs to the outline (attachments, distribution list). */
const END_OF_BODY = /^(?:[\d\-、.]*\s*附件(?:[:：\s\d]|$)|抄送[:：]|备注[:：])/;

/** The numbering marker of a line, if any. */
export function matchMarker(text: string): { level: number; label: string; rest: string } | null {
  if (text.includes('\t')) return null; // table rows are not outline items
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
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isEndOfBody(line.text)) break;
    const m = matchMarker(line.text);
    // a marker deeper than one level below the current item is only a deeper level when no
    // shallower parent exists: "1." directly under "二、" is fine (levels may be skipped)
    if (!m) {
      current.body.push(line);
      continue;
    }
    let parent = current;
    while (parent.level >= m.level && parent.parent) parent = parent.parent;
    const node: OutlineNode = { level: m.level, label: m.label, head: m.rest, line, body: [], children: [], parent };
    parent.children.push(node);
    current = node;
  }
  return { root, rest: lines.slice(i) };
}

/** One step of a path in the document's own numbering: a （一） item is "(一)", apart from 一、. */
export function pathSegment(item: { level: number; label: string }): string {
  return item.level === 2 ? `(${item.label})` : item.label;
}

/** Heading text as printed: "（一）在构建…率先突破" (trailing 。 and body dropped). */
export function sectionLabel(node: OutlineNode): string {
  const marker = node.line.text.slice(0, node.line.text.length - node.head.length).replace(/\s+/g, '');
  const title = node.head.split('。')[0].replace(/[。.]$/, '');
  return marker + title;
}
