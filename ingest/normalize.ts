import { fold } from '../core/fold';
import { LABEL_ALT } from './labels';
import { flattenTables } from './tables';

/**
 * Text normalisation: line endings, BOM, full-width digits and brackets, markdown markers, and
 * re-joining lines that a page break split ("市政务数\n\n据办"), keeping the original line numbers.
 */

/** A logical line: one or more original lines joined. */
export interface Line {
  text: string;
  lineStart: number; // 1-based, original file
  lineEnd: number;
}

const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const TERMINAL = /[。！？；：.!?;:]$/;
const HEADING_START = /^(?:[一二三四五六七八九十百]+[、．.]|（[一二三四五六七八九十百]+）|（\d{1,3}）|\d{1,3}\s*[.．、](?!\d)|[①-⑳])/;
const NO_JOIN_NEXT = new RegExp(`^(?:[（［【]?(?:${LABEL_ALT})\\s*：|附件|抄送|备注|——|-{3,}|[|｜]$)`);
/** Where one physical line holds several logical ones ("…。二、…（一）…1.…", "…。责任单位：…"): a marker or a label after a sentence end or a space. */
const INLINE_BREAK = new RegExp(`(?<=[。；！？ \\u3000\\t])\\s*(?=[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\\d{1,3}[.．、](?![\\d.．])[\\u3400-\\u9fff“]|(?:${LABEL_ALT})\\s*：)`, 'g');
const CLAUSE_LABEL = new RegExp(`(?:${LABEL_ALT})\\s*[：:]`);
const TITLE_END = /(?:通知|方案|意见|办法|规划|计划|纲要|要点|细则|清单|文件|决定)$/;
const TAIL = 120; // characters of a line's end that canJoin looks at
const MIN_CUT_LINE = 20; // a line cut by a page break is a (nearly) full printed line (公文: 28 per line)

/**
 * A pair of ASCII double quotes around Chinese ("安吉办", as a text editor, a web page or a .doc
 * reader gives them): the plan's quotation marks “安吉办”, which name its coined terms and
 * applications. Pairs on one line only, up to 40 characters, holding a Chinese character.
 */
const ASCII_QUOTED = /"([^"\n]{0,39}[\u3400-\u9fff][^"\n]{0,39})"/g;

/** Per-line character normalisation (no joining). */
export function normalizeChars(s: string): string {
  return s
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(ASCII_QUOTED, (m, inner: string) => (inner.length <= 40 ? `“${inner}”` : m))
    .replace(/^[\s\u3000]*#{1,6}\s+/, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** A numbered heading without a sentence: "二、主要任务", "（一）提升经济调节能力". */
function isHeading(text: string): boolean {
  return HEADING_START.test(text) && !text.includes('。') && text.length <= 40;
}

function endsClause(text: string): boolean {
  if (TERMINAL.test(text)) return true;
  // a document number or a date line stands alone
  if (/[〔[［]\d{4}[〕\]］]\s*\d+\s*号$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发)?$/.test(text)) return true;
  // a closing unit clause ends its paragraph (…（牵头单位：…；配合单位：…）, its second field split onto a line of its own)
  return /）$/.test(text) && CLAUSE_LABEL.test(text);
}

/** Whether the next line continues a line cut by a page break (`prev`: the line's last TAIL characters). */
/**
 * A row of labelled fields separated by spaces, as a web page prints a plan's particulars
 * (南府办〔2024〕9号 发布日期：2024-03-15 来源：…): complete, never a line cut by a page break.
 */
function isFieldRow(line: string): boolean {
  const parts = line.trim().split(/\s+/);
  return parts.length >= 2 && parts.slice(1).every((p) => /^[\u4e00-\u9fa5]{2,6}[：:]\S/.test(p));
}

function canJoin(prev: string, prevLength: number, nextText: string): boolean {
  const next = fold(nextText);
  if (endsClause(prev) || (prevLength <= 40 && isHeading(prev)) || TITLE_END.test(prev)) return false;
  // a short line without any sentence punctuation is a heading or a title, not a cut line
  if (prevLength < 30 && !/[。，、；：,;]/.test(prev)) return false;
  if (prevLength < MIN_CUT_LINE || prev.includes('\t') || next.includes('\t') || prev.includes('|')) return false;
  if (isFieldRow(prev)) return false;
  if (HEADING_START.test(next) || NO_JOIN_NEXT.test(next)) return false;
  return true;
}

/** Splits into original lines (CRLF, CR, LF), strips a BOM. */
export function splitLines(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * Normalises a decoded document into logical lines: blank and rule lines dropped, page-break
 * splits re-joined without a separator. Linear in the input size.
 */
export function normalizeDocument(content: string | string[]): Line[] {
  const raw = typeof content === 'string' ? splitLines(content) : content;
  const physical: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    const text = normalizeChars(raw[i]);
    if (text === '' || /^[-—_*=]{3,}$/.test(text)) continue;
    for (const part of splitInline(text)) physical.push({ text: part, lineStart: i + 1, lineEnd: i + 1 });
  }
  // joined lines are built from parts (a growing string would be re-flattened on every look at its end)
  const out: { line: Line; parts: string[]; tail: string; length: number }[] = [];
  for (const line of flattenTables(physical)) {
    const prev = out[out.length - 1];
    if (prev && prev.line.lineEnd < line.lineStart && canJoin(prev.tail, prev.length, line.text)) {
      prev.parts.push(line.text);
      prev.tail = (prev.tail + line.text).slice(-TAIL);
      prev.length += line.text.length;
      prev.line.lineEnd = line.lineEnd;
    } else {
      out.push({ line: { ...line }, parts: [line.text], tail: line.text.slice(-TAIL), length: line.text.length });
    }
  }
  return out.map((o) => ({ ...o.line, text: o.parts.join('') }));
}

/** Splits a physical line holding several numbered items or labelled fields (a plan pasted on one line). */
export function splitInline(text: string): string[] {
  if (!/[。；！？;!? \u3000\t]./.test(text)) return [text]; // a break needs a sentence end or a space before it
  const f = fold(text);
  const cuts: number[] = [];
  for (const m of f.matchAll(INLINE_BREAK)) if (m.index > 0) cuts.push(m.index);
  if (cuts.length === 0) return [text];
  const parts: string[] = [];
  let at = 0;
  for (const c of cuts) {
    parts.push(text.slice(at, c));
    at = c;
  }
  parts.push(text.slice(at));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
