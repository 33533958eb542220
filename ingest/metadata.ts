/**
 * Plan metadata from the document head: title, issuer, document number, issue date, region,
 * level, and the higher policies it cites as its basis ("《…》（国发〔2022〕14号）").
 */
import type { Line } from './normalize';
import type { CitedPlan } from './types';

export interface PlanMeta {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  region: string | null;
  level: 'province' | 'city' | null;
  implements: CitedPlan[];
}

const DOC_NO = /([\u4e00-\u9fa5]{1,8})\s*[〔［[（【]\s*((?:19|20)\d{2})\s*[〕］\]）】]\s*(\d{1,4})\s*号/g;
const TITLE_END = /(?:方案|意见|规划|计划|办法|要点|纲要|细则|措施|规定|通知)$/;
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function docNo(m: RegExpMatchArray): string {
  return `${m[1]}〔${m[2]}〕${m[3]}号`;
}

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CN_DIGITS[c] ?? 0).join(''));
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]] ?? 0);
  if (s.endsWith('十')) return (CN_DIGITS[s[0]] ?? 0) * 10;
  if (s.includes('十')) return (CN_DIGITS[s[0]] ?? 0) * 10 + (CN_DIGITS[s[2]] ?? 0);
  return CN_DIGITS[s] ?? NaN;
}

/** "2022年9月9日" / "2022 年 9 月 9 日印发" / "二〇二二年九月九日" → "2022-09-09". */
export function parseDate(text: string): string | null {
  const m = /^([\d〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])];
  if (!(y > 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function findTitle(lines: Line[], fileName: string): string {
  const clean = (s: string) => s.replace(/\s+/g, '');
  for (const l of lines.slice(0, 60)) {
    const t = clean(l.text);
    if (t.length >= 6 && t.length <= 60 && TITLE_END.test(t) && !/关于印发|通知$|[。，：；]/.test(t)) return t;
  }
  for (const l of lines.slice(0, 20)) {
    const m = /关于印发[《]?(.+?)[》]?的通知/.exec(clean(l.text));
    if (m) return m[1];
  }
  const first = lines.find((l) => l.text.length > 0);
  return first ? clean(first.text).slice(0, 60) : fileName;
}

function findIssuer(lines: Line[]): string | null {
  for (const l of lines.slice(0, 30)) {
    const t = l.text.replace(/\s+/g, '');
    const m = /^(.{2,20}?(?:人民政府|办公厅|办公室|委员会))文件$/.exec(t) ?? /^(.{2,20}?(?:人民政府|办公厅|办公室))关于印发/.exec(t);
    if (m) return m[1];
  }
  return null;
}

/** The jurisdiction whose "市xx局" the plan's units are: from the title, else the issuer. */
export function regionOf(title: string, issuer: string | null): string | null {
  for (const s of [title.replace(/^\d{4}年(?:度)?/, ''), issuer ?? '']) {
    const m = /^(浙江省|[\u4e00-\u9fa5]{2,3}?(?:市|县|区))/.exec(s);
    if (m) return m[1];
  }
  return null;
}

/** Higher policies cited before the outline starts, with the 《title》 that precedes each number. */
function findCitations(head: string, own: string | null): CitedPlan[] {
  const out: CitedPlan[] = [];
  for (const m of head.matchAll(DOC_NO)) {
    const no = docNo(m);
    if (no === own || out.some((c) => c.docNumber === no)) continue;
    const before = head.slice(Math.max(0, m.index - 80), m.index);
    const t = /《([^《》]+)》\s*[（(]?\s*$/.exec(before);
    const title = t ? t[1] : null;
    const issuer = title ? (/^(.+?)关于/.exec(title)?.[1] ?? null) : null;
    out.push({ docNumber: no, title, issuer });
  }
  return out;
}

/** Metadata of a plan from its logical lines (`bodyStart` = index of the first outline line). */
export function extractMetadata(lines: Line[], bodyStart: number, fileName: string): PlanMeta {
  const title = findTitle(lines, fileName);
  const issuer = findIssuer(lines);
  let docNumber: string | null = null;
  let date: string | null = null;
  const headLines = lines.slice(0, Math.max(bodyStart, 1)); // before the outline starts
  for (const l of headLines) {
    const t = l.text.replace(/\s+/g, '');
    const m = [...t.matchAll(DOC_NO)][0];
    if (!docNumber && m && m[0].length >= t.length - 2) docNumber = docNo(m);
    if (!date && /^[\d〇零一二三四五六七八九]{4}年.{1,6}日$/.test(t)) date = parseDate(t);
  }
  if (!date) {
    const signed = lines.find((l) => /^[\d〇零一二三四五六七八九]{4}\s*年.{1,10}日\s*印发$/.test(l.text));
    if (signed) date = parseDate(signed.text);
  }
  const region = regionOf(title, issuer);
  const level = region?.endsWith('省') ? 'province' : region?.endsWith('市') ? 'city' : null;
  const head = headLines.map((l) => l.text).join('\n');
  return { title, issuer, docNumber, date, region, level, implements: findCitations(head, docNumber) };
}
