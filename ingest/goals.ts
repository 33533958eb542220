/**
 * The plan's goals paragraph (主要目标, 总体目标, 工作目标, 发展目标): from that heading to the next
 * numbered item or heading, over the decoded lines of the document (any format, any encoding);
 * page-break splits re-joined, paragraphs separated by "\n". Analysis reads its targets from it.
 */
import { fold } from '../core/fold';

const ITEM_START = /^(?:#+\s*)?(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、]|附件)/;
const GOAL_HEAD = /^(?:#+\s*)?(?:（[一二三四五六七八九十]+）\s*(?:主要目标|总体目标|工作目标|发展目标)|[一二三四五六七八九十]+、.*(?:主要目标|总体目标|工作目标))/;
const HEAD_MARK = /^(?:#+\s*)?(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)[^。]*?目标[。.：:]?/;

export interface GoalsSection {
  text: string; // the paragraphs, separated by "\n"
  lineStarts: number[]; // per paragraph of `text`: its first line (1-based) in the document
  lineEnds: number[]; // … and its last line
}

/** The goals paragraph of a document's lines, or null when it has none. */
export function goalsParagraph(lines: readonly string[]): string | null {
  return goalsSection(lines)?.text ?? null;
}

/** The goals paragraph with the document lines each of its paragraphs came from (citations). */
export function goalsSection(lines: readonly string[]): GoalsSection | null {
  const trimmed = lines.map((l) => l.trim());
  const folded = trimmed.map(fold);
  const start = folded.findIndex((l) => GOAL_HEAD.test(l));
  if (start < 0) return null;
  const headLen = HEAD_MARK.exec(folded[start])?.[0].length ?? 0;
  const parts: { text: string; from: number; to: number }[] = [{ text: trimmed[start].slice(headLen), from: start + 1, to: start + 1 }];
  for (let i = start + 1; i < trimmed.length && !ITEM_START.test(folded[i]); i++) {
    if (!trimmed[i] || /^-{3,}$/.test(trimmed[i])) continue;
    const prev = parts[parts.length - 1];
    // a line that does not end a sentence was split by a page break: join without a break
    if (prev.text && !/[。；！]$/.test(prev.text)) [prev.text, prev.to] = [prev.text + trimmed[i], i + 1];
    else if (!prev.text) Object.assign(prev, { text: trimmed[i], from: i + 1, to: i + 1 });
    else parts.push({ text: trimmed[i], from: i + 1, to: i + 1 });
  }
  const kept = parts.filter((p) => p.text);
  if (!kept.length) return null;
  return { text: kept.map((p) => p.text).join('\n'), lineStarts: kept.map((p) => p.from), lineEnds: kept.map((p) => p.to) };
}
