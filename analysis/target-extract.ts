/**
 * Extraction of quantified goals from plan text: “一网通办”率达到95%以上 -> {metric 一网通办率,
 * value 95, unit %, comparator ≥}; 到2025年底 -> year 2025. Rules in docs/ANALYSIS.md.
 */
import { compact } from './text';
import { goalsParagraph } from '../ingest/goals';
import { splitLines } from '../ingest/normalize';

export type Comparator = '≥' | '>' | '≤' | '=' | '≈';

export interface TargetCandidate {
  metric: string;
  value: number;
  unit: string; // "%", "个", "万", "亿元", "万个" ... as printed
  comparator: Comparator;
  year: number | null;
  text: string; // the clause the target was read from
}

// A number followed by a unit: %, or an optional 万/亿 and an optional classifier (at least one).
const QUANTITY = /(?<![A-Za-z\d.])(\d+(?:\.\d+)?)(?:(%|％)|(万|亿)?(个|项|家|所|条|座|套|人|户|元|吨|台|辆|公里|张)?)(?![A-Za-z\d])(以上|以下|以内|左右)?/g;
const YEAR = /(\d{4})年(?:\d{1,2}月)?(?:底|末)?前?/g;
// Comparison verbs directly before a number, longest first.
const VERB_BEFORE: [RegExp, Comparator][] = [
  [/(不低于|不少于)$/, '≥'],
  [/(不超过|控制在)$/, '≤'],
  [/(超过|突破|超)$/, '>'],
  [/(提高到|提升至|提升到|增长|达到|达|为|至)$/, '='],
];
const AFTER: Record<string, Comparator> = { 以上: '≥', 以下: '≤', 以内: '≤', 左右: '≈' };
// A count (no %) is a goal only when its clause says what is to be built, reached or done.
const GOAL_VERB = /达到|达|超过|超|突破|不低于|不少于|提高|提升|控制在|保持|增长|打造|建成|建设|培育|创建|推出|新增|完成|建立|实现|形成|纳入|引进|推进|覆盖|上线|培养/;
const LEAD = /^(?:(?:到|至|于)?\d{4}年(?:\d{1,2}月)?(?:底|末)?前?|年底前|全年|力争|着力|高标准|高质量|加快|全面|积极|基本|全省率先|全国率先|率先|持续|进一步|逐步|谋划|累计|新|全市|全省|确保|努力)+/;
const LEAD_VERB = /^(?:打造|建成|建设|培育|创建|推出|新增|完成|建立|实现|形成|推进|引进|培养|上线)/;

function clean(s: string): string {
  return s.replace(/[“”"‘’《》]/g, '').replace(/^[、，,和及与]+|[、，,和及与的]+$/g, '');
}

// What is left before a number when it names no thing, only how it is done (扎实推进新增 22 项 …).
const VERB_ONLY = /^(?:扎实|切实|大力|深入|稳步|有序|推动|推进|加快|全面|积极|力争|累计)*(?:打造|建成|建设|培育|创建|推出|新增|完成|建立|实现|形成|推进|引进|培养|上线)$/;

// 将/把 before what is counted or measured: the thing the number is of (将全市超 20 万家网店纳入监测,
// 将一网通办率提高到 95%); what is before it is a scope, how or when
const DISPOSAL = /^(?:将|把)/;

const MAKE_VERB_END = /(?:打造|建成|培育|创建|推出|新增|完成|建立|形成|引进|培养|上线)$/;

function metricBefore(before: string): string {
  // 新增 before 新: "新增数字化园区" is 数字化园区, not 增数字化园区
  let s = before.replace(LEAD_VERB, '').replace(LEAD, '').replace(DISPOSAL, '').replace(LEAD_VERB, '').replace(LEAD, '');
  s = s.replace(LEAD_VERB, '').replace(LEAD, '');
  s = clean(s);
  return VERB_ONLY.test(s) ? '' : s;
}

function metricAfter(after: string): string {
  let s = clean(after);
  const de = s.lastIndexOf('的');
  if (de >= 0 && de < s.length - 1) s = s.slice(de + 1);
  return s;
}

/** The year a position falls under: the last "YYYY年" before it in `scope`. */
function yearBefore(scope: string, pos: number): number | null {
  let year: number | null = null;
  for (const m of scope.matchAll(YEAR)) {
    if (m.index! >= pos) break;
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) year = y;
  }
  return year;
}

/**
 * Every quantified goal in `text`. `yearScope` says how far back a deadline year carries:
 * the sentence (task text) or the paragraph (a plan's 主要目标, "到2025年，…。…").
 */
export function extractTargets(text: string, yearScope: 'sentence' | 'paragraph' = 'sentence'): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  for (const paragraph of text.split(/\n+/)) {
    const para = compact(paragraph);
    let sentenceStart = 0;
    for (const sentence of para.split(/(?<=[。；;！!])/)) {
      const scope = yearScope === 'paragraph' ? para : sentence;
      const offset = yearScope === 'paragraph' ? sentenceStart : 0;
      sentenceStart += sentence.length;
      let clauseStart = 0;
      for (const clause of sentence.split(/(?<=[，,：:。；;！!])/)) {
        const body = clause.replace(/[，,：:。；;！!]$/, '');
        const matches = [...body.matchAll(QUANTITY)].filter((m) => m[2] || m[3] || m[4]);
        matches.forEach((m, i) => {
          const start = m.index!;
          const prevEnd = i > 0 ? matches[i - 1].index! + matches[i - 1][0].length : 0;
          let before = body.slice(prevEnd, start);
          const next = matches[i + 1]?.index ?? body.length;
          const after = body.slice(start + m[0].length, next);
          const percent = Boolean(m[2]);
          // one verb may serve a list of clauses, each a thing and its count (建成 A 10 个，B 10 个)
          const listItem = i === 0 && matches.length === 1 && start + m[0].length === body.length && /[，,]$/.test(sentence.slice(0, clauseStart)) && GOAL_VERB.test(sentence.slice(0, clauseStart));
          if (!percent && !GOAL_VERB.test(body.slice(0, start)) && !listItem) return;
          let comparator: Comparator = m[5] ? AFTER[m[5]] : '=';
          let viaVerb = false;
          for (const [re, c] of VERB_BEFORE) {
            if (re.test(before)) {
              before = before.replace(re, '');
              if (!m[5]) comparator = c;
              else if (c === '>') comparator = '>';
              viaVerb = true;
              break;
            }
          }
          // "130个A、100个B和…": the second number's metric follows it.
          const listed = i > 0 && /[、和及与]$/.test(before);
          const tail = metricAfter(after);
          // before ends in the verb that makes the counted thing (在…重点领域推出 10 个以上优质服务专区): it follows
          let metric = listed || (tail && MAKE_VERB_END.test(before)) ? '' : metricBefore(before);
          if (!metric) metric = tail;
          else if (!viaVerb && percent && tail) metric = `${metric}${clean(after)}`;
          if (!metric) return;
          const unit = percent ? '%' : `${m[3] ?? ''}${m[4] ?? ''}`;
          out.push({ metric, value: Number(m[1]), unit, comparator, year: yearBefore(scope, offset + clauseStart + start), text: body });
        });
        clauseStart += clause.length;
      }
    }
  }
  return out;
}

/**
 * The 主要目标 (总体目标, 工作目标) paragraph(s) of a plan document's text: ingest's goals paragraph
 * (one definition; ingest stores it on the Plan as `goals`, from the lines it decoded).
 */
export function mainGoalText(document: string): string | null {
  return goalsParagraph(splitLines(document));
}
