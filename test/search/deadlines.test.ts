/**
 * Deadlines (search/deadlines.ts, search/due-answer.ts): the dates a task is due — its deadline
 * field, the dates its text sets with 前, a date without a year being its annual plan's — and the
 * date a question asks; the tasks due by then are the `deadlines` card and lead the results.
 */
import { resultKey } from '../../bench/lib/harness';
import type { Search } from '../../search';
import type { Answer } from '../../search/answers';
import { askedDue, ongoingField, taskDues, withoutDates } from '../../search/deadlines';
import { keywordSearch, planFolder, repoDir } from './plan-search';

describe('reading dates', () => {
  test('a question asks a date by 前/截止/要完成, or names it as the deadline (exact)', () => {
    expect(askedDue('2025年6月底前要完成哪些工作')).toMatchObject({ year: 2025, month: 6, exact: false });
    expect(askedDue('6月底要完成哪些工作')).toMatchObject({ year: null, month: 6, exact: false });
    expect(askedDue('年底前需要上线什么')).toMatchObject({ year: null, month: 12 });
    expect(askedDue('第三季度前完成哪些')).toMatchObject({ month: 9 });
    expect(askedDue('上半年要完成的任务')).toMatchObject({ month: 6 });
    expect(askedDue('完成时限是2009年10月底的任务')).toMatchObject({ year: 2009, month: 10, exact: true });
    expect(askedDue('截至九月底')).toMatchObject({ month: 9, exact: false });
  });

  test('a target year, a span of years, a document number or a date without a deadline word asks no date', () => {
    for (const q of ['到2025年要达到什么目标', '到2025年底前要达到什么目标', '三年内要做什么', '嘉政发〔2022〕18号', '2023年工作要点', '10月份的会议']) expect(askedDue(q)).toBeNull();
  });

  test('a task is due on its deadline field and on the dates its text sets with 前; a date without a year is its plan’s', () => {
    expect(taskDues('2009年12月底', '', null)).toEqual([{ year: 2009, month: 12 }]);
    expect(taskDues('持续推进', '6月底前完成调研，12月底前上线运行', 2025)).toEqual([{ year: 2025, month: 6 }, { year: 2025, month: 12 }]);
    // 到2025年底 is a target's year, not a deadline; 2021年8月底前 is
    expect(taskDues(null, '到2025年底，建成平台。2021年8月底前完成试点', null)).toEqual([{ year: 2021, month: 8 }]);
    expect(taskDues('2025年', '', null)).toEqual([{ year: 2025, month: 12 }]);
    expect(taskDues(null, '推进数据共享', 2025)).toEqual([]);
  });

  test('a deadline field with no date says the work goes on; a question can ask for those tasks', () => {
    expect(ongoingField('持续推进')).toBe(true);
    expect(ongoingField('长期坚持')).toBe(true);
    for (const f of ['2025年底', '按照省里有关要求', null]) expect(ongoingField(f)).toBe(false);
    expect(askedDue('哪些任务是持续推进的')).toMatchObject({ ongoing: true, text: '持续推进' });
    expect(askedDue('没有固定完成期限的任务有哪些')).toMatchObject({ ongoing: true });
    expect(askedDue('6月底前要完成哪些工作')).toMatchObject({ ongoing: false });
    expect(askedDue('如何持续推进一网通办')).toBeNull(); // how the work goes on, not its deadline
    expect(withoutDates('数据方面哪些是持续推进的').replace(/\s+/g, '')).toBe('数据方面哪些的');
  });

  test('what a question asks beside its date', () => {
    expect(withoutDates('数据安全方面6月底前要完成什么').replace(/\s+/g, '')).toBe('数据安全方面什么');
  });
});

describe('the tasks due by a date asked', () => {
  let search: Search;
  beforeAll(async () => {
    const dir = planFolder('deadlines', { 'district-2025.txt': [
      '某区2025年数字政府建设工作要点',
      '一、重点工作',
      '1.梳理政务服务事项，6月底前完成事项清单发布。（牵头单位：区政务服务数据管理局）',
      '2.建设城市运行管理服务平台，9月底前上线运行。（牵头单位：区城管局；配合单位：区数据局）',
      '3.推进公共数据共享，年底前完成公共数据目录编制。（牵头单位：区数据局）',
      '4.健全数据安全管理制度。（牵头单位：区委网信办；完成时限：2025年6月底）',
      '5.深化“一件事”集成改革。（牵头单位：区政务服务数据管理局；完成时限：持续推进）',
    ] });
    search = await keywordSearch('deadlines', [dir, repoDir('eval', 'other-plans', 'docs')]);
  }, 120_000);

  const card = (answers: Answer[]) => answers.find((a): a is Extract<Answer, { type: 'deadlines' }> => a.type === 'deadlines');

  test('6月底前要完成哪些工作: the tasks due by June of the annual plan’s year, on a card and first in the results', async () => {
    const r = await search.search('6月底前要完成哪些工作');
    expect(r.match).toBe('strong');
    const c = card(r.answers)!;
    expect(c.by).toMatchObject({ year: null, month: 6 });
    expect(c.items.map((t) => t.path).sort()).toEqual(['一.1', '一.4']);
    expect(c.items.find((t) => t.path === '一.4')).toMatchObject({ due: '2025年6月底', deadline: '2025年6月底' });
    // 07_unknown-city's tasks are due in October and December 2009, 19_shengsi's in September
    expect(r.results.slice(0, 2).map(resultKey).sort()).toEqual(['district-2025.txt#一.1', 'district-2025.txt#一.4']);
    expect(r.interpretation.entities).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'deadline' })]));
  });

  test('earliest first; a topic narrows the tasks, a unit to its own', async () => {
    const by = card((await search.search('2025年9月底前要完成什么')).answers)!;
    expect(by.items.map((t) => t.path)).toEqual(['一.1', '一.4', '一.2']);
    const topic = card((await search.search('公共数据方面年底前要完成什么')).answers)!;
    expect(topic.items.map((t) => t.path)).toContain('一.3');
    expect(topic.items.map((t) => t.path)).not.toContain('一.1');
    const unit = card((await search.search('区数据局年底前要完成哪些任务')).answers)!;
    expect(unit.items.map((t) => t.path).sort()).toEqual(['一.2', '一.3']);
  });

  test('a deadline named exactly (完成时限是…) lists the tasks due then, not those due by then', async () => {
    const c = card((await search.search('完成时限是2009年10月底的任务有哪些')).answers)!;
    expect(c.items.map((t) => `${t.path}`).sort()).toEqual(['(二).1', '(二).2']);
    const by = card((await search.search('2009年12月底前要完成哪些工作')).answers)!;
    expect(by.items.map((t) => t.path)).toEqual(['(二).1', '(二).2', '(三).1']);
  });

  test('the tasks with no fixed date (完成时限：持续推进), asked as such', async () => {
    const r = await search.search('哪些工作是持续推进、没有固定完成期限的');
    const c = card(r.answers)!;
    expect(c.by).toMatchObject({ ongoing: true, month: null });
    expect(c.items.map((t) => [t.path, t.due])).toEqual([['一.5', '持续推进']]);
    expect(r.results.map(resultKey)[0]).toBe('district-2025.txt#一.5');
  });

  test('no card without a date asked, nor for a target year, nor where no task due then is on the topic', async () => {
    expect(card((await search.search('“一件事”集成改革什么时候完成')).answers)).toBeUndefined();
    expect(card((await search.search('到2025年要达到什么目标')).answers)).toBeUndefined();
    expect(card((await search.search('营商环境6月底前要完成什么')).answers)).toBeUndefined();
  });
});
