/**
 * Deadlines: when a task is due, and which date a question asks about.
 *
 * A task is due on its deadline field (完成时限：2009年10月底, 2025年6月底前; 持续推进 is no date) and on
 * the dates its text sets with 前 (2021年8月底前, 6月底前完成, 年底前): the end of that month. A date
 * without a year is of the task's annual plan (2025年工作要点: 6月底前 is June 2025), else of no known
 * year. A question asks about a date when it sets one with 前/以前/之前/截止/为止 or what is to be done by
 * then (2025年6月底前要完成哪些工作, 年底前要上线什么, 截至9月底), or names it as the deadline (完成时限是
 * 2009年10月底: exactly then), or asks for the tasks whose deadline is no date (持续推进, 没有固定完成期限).
due-answer.ts lists the tasks due in that window.
 */

/** The end of a month; `year` null where neither the date nor its plan states one. */
export interface Due {
  year: number | null;
  month: number; // 1..12
}

/** A date a question asks about: by then (on or before), or exactly then (完成时限是…). */
export interface AskedDue extends Due {
  text: string; // as written in the (normalised) question
  exact: boolean;
  ongoing: boolean; // asks for the tasks whose deadline is no date (持续推进); year and month then mean nothing
  start: number; // span in the compact question
  end: number;
}

const CN_MONTH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const QUARTER: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

// [year 年] then a month (6月底, 六月份, 10月15日), 底/末/内 of the year, a half or a quarter; or one of those alone
const DATE = /(?:((?:19|20)\d{2})\s*年\s*)?(?:(?<!\d)(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*(?:份|底|末|中旬|上旬|下旬|\d{1,2}\s*[日号])?|(?<=年\s*)(?:底|末|内)|年\s*(?:底|末|内)|(上|下)\s*半年|(?:第\s*)?([一二三四1-4])\s*季度\s*末?)/g;
// after a date: it is a deadline (…前, 以前, 之前, 截止, 为止, 前完成)
const BY_AFTER = /^\s*(?:前|以前|之前|截止|为止|到期)/;
// …and in a question also what is to be done by then (6月底要完成哪些工作, 年底前需要上线什么)
const DONE = '(?:要|需要?|应该?|必须|得)?(?:完成|办完|做完|建成|建好|上线|落地|到期)';
const BY_AFTER_ASKED = new RegExp(`^\\s*(?:(?:前|以前|之前|截止|为止)\\s*(?:${DONE})?|${DONE})`);
// before a date: it is named as the deadline (完成时限为…, 截止日期是…), or as the day things stand by (截至, 截止到)
const NAMED_EXACT = /(?:完成时限|时限|截止时间|截止日期|到期时间|到期日)\s*(?:是|为|在)?\s*$/;
const NAMED_BY = /(?:截至|截止到?)\s*$/;

interface DateHit extends Due {
  start: number;
  end: number;
  text: string;
}

function monthOf(m: RegExpMatchArray): number {
  if (m[2]) return /^\d+$/.test(m[2]) ? Number(m[2]) : CN_MONTH[m[2]];
  if (m[3]) return m[3] === '上' ? 6 : 12;
  if (m[4]) return QUARTER[m[4]];
  return 12; // 年底, 年末, 年内
}

/** Every date a text names, in order. A bare "2025年" (a year, no month) is no date here. */
function dates(text: string): DateHit[] {
  const out: DateHit[] = [];
  for (const m of text.matchAll(DATE)) {
    // a bare year (2025年) is no date; 底/末/内 only after a year (三年内 is a span of time)
    if (!m[0].trim() || m[0].trim() === `${m[1]}年` || (!m[1] && /^[底末内]$/.test(m[0].trim()))) continue;
    out.push({ year: m[1] ? Number(m[1]) : null, month: monthOf(m), start: m.index!, end: m.index! + m[0].length, text: m[0].trim() });
  }
  return out;
}

/**
 * The dates a task is due: its deadline field's (whatever follows it: 2009年12月底, 2025年), and
 * those its text sets with 前. `year` fills a date without one (the task's annual plan's year).
 */
export function taskDues(deadline: string | null, text: string, year: number | null): Due[] {
  const out: Due[] = [];
  const add = (d: Due) => {
    const due = { year: d.year ?? year, month: d.month };
    if (!out.some((o) => o.year === due.year && o.month === due.month)) out.push(due);
  };
  if (deadline) {
    const field = dates(deadline);
    if (field.length) for (const d of field) add(d);
    else for (const m of deadline.matchAll(/((?:19|20)\d{2})\s*年/g)) add({ year: Number(m[1]), month: 12 }); // 完成时限：2025年: by its end
  }
  for (const d of dates(text)) if (BY_AFTER.test(text.slice(d.end))) add(d);
  return out.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.month - b.month);
}

const TARGET_ASKED = /目标|指标|达到|达成/;
// a deadline field that is no date: the work goes on (持续推进, 长期坚持, 常态化开展)
const ONGOING_FIELD = /持续|长期|常态|长效|逐年|每年|按年度/;
// a question for the tasks with such a deadline (哪些任务是持续推进的, 没有固定完成期限的任务, 长期任务)
// (as what a task is — 是持续推进的, 持续推进的任务 —, not how: 如何持续推进一网通办 asks about the work)
const ONGOING_WORK = '(?:持续推进|长期(?:坚持|推进|开展)|常态化(?:推进|开展))';
const ONGOING_ASKED = new RegExp(`(?:是|为|属于|标注为?)${ONGOING_WORK}|${ONGOING_WORK}(?:的|类)?(?:任务|工作|事项)|长期任务|(?:没有|无|不设|未设)(?:固定|明确|具体)?(?:的)?(?:完成)?(?:期限|时限|截止时间|截止日期)`);

/** A task's deadline field says the work goes on, with no date (持续推进). */
export function ongoingField(deadline: string | null): boolean {
  return !!deadline && !dates(deadline).length && !/(?:19|20)\d{2}/.test(deadline) && ONGOING_FIELD.test(deadline);
}

/**
 * The date a (compact, normalised) question asks the tasks due by, or — asking for the tasks whose
 * deadline is no date (哪些任务是持续推进、没有固定完成期限的) — `ongoing`; null when it asks neither.
 */
export function askedDue(compact: string): AskedDue | null {
  // a target question (到2025年底前要达到什么目标) asks for the targets of that year, not what is due
  if (TARGET_ASKED.test(compact)) return null;
  for (const d of dates(compact)) {
    const by = compact.slice(d.end).match(BY_AFTER_ASKED);
    const before = compact.slice(0, d.start);
    const named = NAMED_EXACT.test(before);
    if (!by && !named && !NAMED_BY.test(before)) continue;
    // the span: the date and the word that makes it a deadline (…前, 截至…)
    const after = by?.[0].length ?? 0;
    return { year: d.year, month: d.month, text: d.text, exact: named && !by, ongoing: false, start: d.start, end: d.end + after };
  }
  const ongoing = ONGOING_ASKED.exec(compact);
  if (ongoing) {
    const lead = /^(?:是|为|属于|标注为?)/.exec(ongoing[0])?.[0].length ?? 0; // 是持续推进: the phrase is 持续推进
    return { year: null, month: 12, text: ongoing[0].slice(lead), exact: false, ongoing: true, start: ongoing.index + lead, end: ongoing.index + ongoing[0].length };
  }
  return null;
}

/** A text without the dates it names, the words that make them deadlines (…前要完成) and those asking for no date (持续推进): what else it asks about. */
export function withoutDates(text: string): string {
  let out = text;
  for (const d of dates(text).reverse()) {
    const after = text.slice(d.end).match(BY_AFTER_ASKED)?.[0].length ?? 0;
    out = `${out.slice(0, d.start)} ${out.slice(d.end + after)}`;
  }
  return out.replace(new RegExp(ONGOING_ASKED.source, 'g'), ' ');
}

/** True when one of a task's dues falls in the asked window: that year (or any, none asked), by that month (exactly it for `exact`). */
export function dueIn(dues: Due[], asked: Due & { exact?: boolean }): boolean {
  return dues.some((d) => (asked.year === null || d.year === asked.year) && (asked.exact ? d.month === asked.month : d.month <= asked.month));
}

/** A due date as the plans write it: 2025年6月底, 6月底 (no year known). */
export function dueText(d: Due): string {
  return `${d.year !== null ? `${d.year}年` : ''}${d.month === 12 ? (d.year !== null ? '底' : '年底') : `${d.month}月底`}`;
}
