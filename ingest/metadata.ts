/**
 * Plan metadata from the document head (the lines before the outline starts), for any
 * jurisdiction of China: title, issuer, document number (any province's form, 号 or 號), issue
 * date, region and level (GB/T 2260, entities/regions.ts), and the higher policies it cites as
 * its basis ("《…》（国发〔2022〕14号）"); the plan's own number is never one it implements.
 * Matching runs on folded lines (fold.ts); values are sliced from the original characters.
 */
import { findRegionMentions, isWithin, regionSpelled, type Region, type RegionLevel, type RegionMention } from '../entities/regions';
import { fold } from '../core/fold';
import type { Line } from './normalize';
import { matchMarker } from './outline';
import { LABEL_ALT } from './labels';
import type { CitedPlan } from './types';

export interface PlanMeta {
  title: string | null; // null when the document shows none (a page starting mid-document)
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  region: string | null;
  level: RegionLevel | null;
  implements: CitedPlan[];
}

const DOC_NO = /(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,10})\s*[〔［（【]\s*((?:19|20)\d{2})\s*[〕］）】]\s*第?\s*(\d{1,4})\s*号/g;
const TITLE_END = /(?:方案|意见|规划|计划|办法|要点|纲要|细则|措施|规定|分解|清单|安排|任务|决定|指南|指引|条例|标准|报告|通告|(?:分解|任务|清单|一览|台账|分工|责任)表)$/;
const ORG_END = '(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|办公厅|办公室|委员会|管理委员会|管委会|政府|厅|局|委|办)';
const FIELD_LINE = new RegExp(`^(?:${LABEL_ALT})\\s*：`);
const DATE_LINE = /^[\d〇零一二三四五六七八九]{4}\s*年.{1,6}日$/;
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const HEAD_LINES = 80;

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

/** "2022年9月9日" / "2022 年 9 月 9 日印发" / "二〇二二年九月九日" / "2023-02-22" → ISO date. */
export function parseDate(text: string): string | null {
  const m = /^([\d〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/.exec(text)
    ?? /^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])];
  if (!(y > 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface HeadLine {
  raw: string; // original characters, spaces removed
  f: string; // folded
}

/** The value of a labelled head field ("发布机构：X", "发布机构 X", or the label alone with X on the next line). */
function labelled(head: HeadLine[], label: RegExp): string | null {
  for (let i = 0; i < head.length; i++) {
    // at the line's start, after a separator, or after a number ending the field before it (a head
    // line of several fields whose spaces were dropped: 南府办〔2024〕9号发布日期：2024-03-15来源：…)
    const m = new RegExp(`(?:^|[•·\\s]|(?<=[号\\d]))(?:${label.source})[：]?`).exec(head[i].f);
    if (!m) continue;
    const after = head[i].raw.slice(m.index + m[0].length).replace(/^[：:\s]+/, '');
    const own = after.split(/\s{2,}|(?=[\u4e00-\u9fa5]{2,6}[：:])/)[0];
    if (own) return own.trim();
    const next = head[i + 1]?.raw.trim();
    if (next && !/[：:]$/.test(next)) return next;
  }
  return null;
}

/** A title line: the plan's own name as printed above its text. */
function isTitleLine(l: HeadLine): boolean {
  const t = l.f.replace(/（[^（）]{0,20}）$/, ''); // "…行动计划（2023—2025年）"
  return t.length >= 6 && t.length <= 80 && TITLE_END.test(t) && !/[。，；：！？|\t]/.test(l.f) && !/关于印发|^《|^(?:全文|附件|正文)/.test(l.f)
    && !matchMarker(l.raw) && !FIELD_LINE.test(l.f);
}

function findTitle(head: HeadLine[]): string | null {
  const lines = head.filter(isTitleLine);
  if (lines.length) return lines[lines.length - 1].raw; // the one nearest the text: page headers come first
  for (const l of head) {
    const m = /关于印发《?([^《》]+?)》?的通知/.exec(l.f);
    if (m) return l.raw.slice(m.index + m[0].indexOf(m[1]), m.index + m[0].indexOf(m[1]) + m[1].length);
  }
  for (const l of head) {
    const m = /《([^《》]{4,60})》(?:已经|已|现印发|印发给)/.exec(l.f) ?? /现将《([^《》]{4,60})》/.exec(l.f);
    if (m && TITLE_END.test(m[1])) return l.raw.slice(m.index + m[0].indexOf(m[1]), m.index + m[0].indexOf(m[1]) + m[1].length);
  }
  return null;
}

function findIssuer(head: HeadLine[]): string | null {
  const slice = (l: HeadLine, m: RegExpExecArray) => {
    const at = m.index + m[0].indexOf(m[1]);
    return l.raw.slice(at, at + m[1].length);
  };
  const lead = '^(?:[\\u4e00-\\u9fa5]{1,10}[〔［（【]\\d{4}[〕］）】]\\d{1,4}号)?《?';
  for (const re of [new RegExp(`^([\\u4e00-\\u9fa5]{2,30}?${ORG_END})文件$`), new RegExp(`${lead}([\\u4e00-\\u9fa5]{2,30}?${ORG_END})关于印发`)]) {
    for (const l of head) {
      const m = re.exec(l.f);
      if (m) return slice(l, m);
    }
  }
  const field = labelled(head, /发布机构|发文机关|发文单位|发文机构|制发机关/);
  if (field) return field;
  // a web page's 来源 (source) names the issuing office when it is one: 来源：佛山市南海区人民政府办公室
  const source = labelled(head, /来源|信息来源/);
  if (source && new RegExp(`^[\\u4e00-\\u9fa5]{2,30}${ORG_END}$`).test(fold(source))) return source;
  // a signature: the organisation's name alone on a line, the date on the next
  for (let i = 0; i + 1 < head.length; i++) {
    const m = new RegExp(`^([\\u4e00-\\u9fa5]{2,30}${ORG_END})$`).exec(head[i].f);
    if (m && DATE_LINE.test(head[i + 1].f)) return head[i].raw;
  }
  for (const l of head) {
    const m = new RegExp(`([\\u4e00-\\u9fa5]{2,20}?${ORG_END})(?:近日|日前)?印发`).exec(l.f);
    if (m) return slice(l, m);
  }
  return null;
}

function findDocNumber(head: HeadLine[]): string | null {
  for (const l of head) {
    const m = [...l.f.matchAll(DOC_NO)][0];
    if (!m) continue;
    // alone on its line, opening the notice that issues the plan ("浙政办发〔2019〕7号《…关于印发…》"),
    // or opening a line of labelled fields ("南府办〔2024〕9号 发布日期：2024-03-15 来源：…")
    const rest = l.f.slice(m.index + m[0].length);
    if (m[0].length >= l.f.length - 2 || (m.index <= 1 && (/^《[^》]*关于印发/.test(rest) || /^[\u4e00-\u9fa5]{2,6}[：:]/.test(rest)))) return docNo(m);
  }
  const field = labelled(head, /文号|发文字号|发文号/);
  const m = field ? [...fold(field).matchAll(DOC_NO)][0] : undefined;
  return m ? docNo(m) : null;
}

function findDate(head: HeadLine[], all: Line[]): string | null {
  for (const l of head) if (DATE_LINE.test(l.f)) return parseDate(l.f);
  // the date it was issued; a web page's publication date when that is all it gives
  for (const label of [/成文日期|发文日期|印发日期|签发日期/, /发布日期|发布时间/]) {
    const field = labelled(head, label);
    if (field && parseDate(fold(field))) return parseDate(fold(field));
  }
  const signed = all.find((l) => /^[\d〇零一二三四五六七八九]{4}\s*年.{1,10}日\s*印发$/.test(fold(l.text)));
  return signed ? parseDate(fold(signed.text)) : null;
}

/**
 * A region named at once with one inside it (佛山市南海区, 浙江省杭州市) is the inner one: the
 * candidate of the mention right after `at` that lies inside `region`, followed further in.
 */
function innermost(mentions: RegionMention[], at: number, region: Region): Region {
  let r = region;
  for (let i = at + 1; i < mentions.length && mentions[i].start === mentions[i - 1].end; i++) {
    const inner = mentions[i].candidates.find((c) => c.name !== r.name && isWithin(c, r.name));
    if (!inner) break;
    r = inner;
  }
  return r;
}

/** The region a name mentions first: a full name anywhere, a city's or province's short form. */
function regionIn(text: string | null, within?: string | null): Region | null {
  if (!text) return null;
  const mentions = findRegionMentions(fold(text).replace(/^\d{4}年(?:度)?/, ''), within);
  for (const [i, m] of mentions.entries()) {
    const full = m.candidates.find((c) => c.name === m.text);
    if (full) return innermost(mentions, i, full);
    const big = m.candidates.find((c) => c.level === 'province' || c.level === 'city');
    if (big) return big;
  }
  return null;
}

/**
 * The jurisdiction of the plan: the issuer's, else the title's, else the one its unit names start
 * with, else the one its file name names (北京市政务公开要点.docx, 08_beijing.txt: a region's name, or
 * a Latin word only one region spells).
 */
export function regionOf(title: string | null, issuer: string | null, unitNames: string[] = [], fileName?: string): Region | null {
  const issuerMentions = issuer ? findRegionMentions(fold(issuer)) : [];
  const byIssuer = issuerMentions[0]?.start === 0 ? issuerMentions[0] : undefined;
  const fromIssuer = byIssuer ? innermost(issuerMentions, 0, byIssuer.candidates.find((c) => c.name === byIssuer.text) ?? byIssuer.candidates[0]) : null;
  const fromTitle = regionIn(title, fromIssuer?.name);
  if (fromIssuer) return fromTitle && fromTitle.name !== fromIssuer.name && fromTitle.province === fromIssuer.name ? fromTitle : fromIssuer;
  if (fromTitle) return fromTitle;
  const votes = new Map<string, { r: Region; n: number }>();
  for (const u of [...new Set(unitNames)].slice(0, 500)) {
    const m = findRegionMentions(fold(u).slice(0, 12)).find((x) => x.start === 0);
    const r = m?.candidates.find((c) => c.level === 'province' || c.level === 'city') ?? (m?.candidates.find((c) => c.name === m.text) || null);
    if (r) votes.set(r.name, { r, n: (votes.get(r.name)?.n ?? 0) + 1 });
  }
  const byUnits = [...votes.values()].sort((a, b) => b.n - a.n)[0]?.r;
  return byUnits ?? (fileName ? regionOfFileName(fileName) : null);
}

function regionOfFileName(fileName: string): Region | null {
  const stem = fileName.replace(/\.[^.]+$/, '');
  const named = regionIn(stem);
  if (named) return named;
  for (const word of stem.match(/[a-zA-Z]+/g) ?? []) {
    const r = regionSpelled(word);
    if (r) return r;
  }
  return null;
}

/** The level of the plan's units when no region is known: "市xx局" → city, "省xx厅" → province. */
function levelOfUnits(unitNames: string[]): RegionLevel | null {
  const votes: Record<string, number> = {};
  for (const u of unitNames) {
    const c = fold(u)[0];
    const level = c === '省' ? 'province' : c === '市' ? 'city' : c === '县' ? 'county' : c === '区' ? 'district' : null;
    if (level) votes[level] = (votes[level] ?? 0) + 1;
  }
  const best = Object.entries(votes).sort((a, b) => b[1] - a[1])[0];
  return best ? (best[0] as RegionLevel) : null;
}

/** Higher policies cited before the outline starts, with the 《title》 that precedes each number. */
function findCitations(head: string, rawHead: string, own: string | null): CitedPlan[] {
  const out: CitedPlan[] = [];
  for (const m of head.matchAll(DOC_NO)) {
    const no = docNo(m);
    if (no === own || out.some((c) => c.docNumber === no)) continue;
    const before = head.slice(Math.max(0, m.index - 80), m.index);
    const t = /《([^《》]+)》\s*[（［]?\s*$/.exec(before);
    const at = Math.max(0, m.index - 80) + (t?.index ?? 0) + 1;
    const title = t ? rawHead.slice(at, at + t[1].length) : null;
    const issuer = title ? (/^(.+?)关于/.exec(title)?.[1] ?? null) : null;
    out.push({ docNumber: no, title, issuer });
  }
  return out;
}

/** Metadata of a plan from its logical lines (`bodyStart` = index of the first outline line). */
export function extractMetadata(lines: Line[], bodyStart: number, unitNames: string[] = [], fileName?: string): PlanMeta {
  const headLines = lines.slice(0, Math.min(bodyStart, HEAD_LINES));
  const head: HeadLine[] = headLines.map((l) => {
    const raw = l.text.replace(/\s+/g, (s, at: number, all: string) => (/[a-zA-Z0-9]/.test(all[at - 1] ?? '') && /[a-zA-Z0-9]/.test(all[at + s.length] ?? '') ? ' ' : ''));
    return { raw, f: fold(raw) };
  });
  const title = findTitle(head);
  const issuer = findIssuer(head);
  const docNumber = findDocNumber(head);
  const date = findDate(head, lines);
  const region = regionOf(title, issuer, unitNames, fileName);
  const level = region?.level ?? levelOfUnits(unitNames);
  const rawHead = head.map((l) => l.raw).join('\n');
  const implementsList = findCitations(fold(rawHead), rawHead, docNumber);
  return { title, issuer, docNumber, date, region: region?.name ?? null, level, implements: implementsList };
}
