/**
 * A question for the tasks of a year, a region or a plan and nothing else (search/scope.ts): the graph
 * lists them — every one, in the plans' order, the total counting them — whatever words the plans use
 * (a table whose 完成时间 column holds the year never prints 年 in a task); a year no loaded task is of
 * is said so. A question with a topic beside its scope is ranked by the topic. A unit's tasks asked with
 * no topic are the graph's alone, the total not padded to a page.
 */
import type { Search } from '../../search';
import type { SearchResponse } from '../../search/types';
import { keywordSearch, planFolder, repoDir } from './plan-search';

const titles = (r: SearchResponse) => r.results.map((x) => String(x.node.properties.title));
const lines = (r: SearchResponse) => r.results.map((x) => Number(x.node.properties.lineStart));
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] < x);

describe('the tasks of a year or a region, from a table plan that prints no 年 in its tasks', () => {
  let search: Search;
  beforeAll(async () => {
    const dir = planFolder('scope', { 'chenghua.html': [
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>成都市成华区数字政府建设重点任务清单</title></head><body>',
      '<h1>成都市成华区数字政府建设重点任务清单</h1>',
      '<table>',
      '<tr><th>序号</th><th>重点任务</th><th>责任单位</th><th>完成时间</th></tr>',
      '<tr><td>1</td><td>推进政务服务事项全程网办，高频事项实现“一次不跑”</td><td>区政务服务管理局</td><td>2026年6月</td></tr>',
      '<tr><td>2</td><td>建设社区智慧养老服务平台，为独居老人提供紧急呼叫服务</td><td>区民政局</td><td>2026年12月</td></tr>',
      '<tr><td>3</td><td>完善城市运行管理平台，接入停车、燃气、排水等感知设备</td><td>区住建交通局、区城管局</td><td>2027年6月</td></tr>',
      '<tr><td>4</td><td>开展河湖水质在线监测，建立问题发现处置闭环</td><td>区水务局</td><td>2026年9月</td></tr>',
      '</table></body></html>',
    ] });
    search = await keywordSearch('scope', dir);
  });

  test.each(['2026年的任务有哪些', '2026年有哪些重点任务', '2026年要做哪些工作'])('%s: the three tasks due in 2026, in the table’s order', async (q) => {
    const r = await search.search(q);
    expect(r.match).toBe('strong');
    expect(r.total).toBe(3);
    expect(titles(r).map((t) => t.slice(0, 4))).toEqual(['推进政务', '建设社区', '开展河湖']);
    expect(r.results.every((x) => String(x.node.properties.deadline).startsWith('2026'))).toBe(true);
  });

  test('the region’s tasks: all four, in order, scored by it', async () => {
    const r = await search.search('成华区有哪些重点任务');
    expect(r.match).toBe('strong');
    expect(r.total).toBe(4);
    expect(ascending(lines(r))).toBe(true);
    expect(r.results.map((x) => x.score)).toEqual([1, 0.75, 0.5, 0.25]);
  });

  test('a year no task is of: said so, and no strong match', async () => {
    const r = await search.search('2025年的任务有哪些');
    expect(r.match).not.toBe('strong');
    expect(r.interpretation.notes.join(' ')).toContain('没有2025年的任务');
  });

  test('a unit’s tasks, asked with no topic, are just the graph’s: the total is not padded to a page', async () => {
    const r = await search.search('区民政局负责哪些任务');
    expect(r.total).toBe(1);
    expect(titles(r)).toEqual([expect.stringContaining('养老')]);
    const both = await search.search('区城管局和区水务局负责什么');
    expect(both.total).toBe(2);
    // with a topic word the best candidates still fill a page (everyday wording the text answers)
    expect((await search.search('区民政局负责哪些水质监测工作')).total).toBeGreaterThan(1);
  });

  test('a topic beside the year ranks by the topic, not the table’s order', async () => {
    const r = await search.search('2026年养老方面的任务有哪些');
    expect(titles(r)[0]).toContain('养老');
  });
});

describe('over real plans', () => {
  test('a county’s annual plan alone: its year and its county ask for all eight tasks in order', async () => {
    const search = await keywordSearch('scope-single', repoDir('eval', 'single-plan', 'docs'));
    for (const q of ['2026年的任务有哪些', '青田县有哪些重点任务']) {
      const r = await search.search(q, { k: 20 });
      expect(r.match).toBe('strong');
      expect(r.total).toBe(8);
      expect(ascending(lines(r))).toBe(true);
    }
  });

  test('the seeds: 2020年的重点工作 pages through the tasks of 2020 only; 2021, no plan’s year, is said so', async () => {
    const search = await keywordSearch('scope-seeds', repoDir('seeds'));
    const first = await search.search('2020年的重点工作', { k: 20 });
    expect(first.match).toBe('strong');
    const rest = await search.search('2020年的重点工作', { k: 20, offset: 20 });
    const all = [...first.results, ...rest.results];
    expect(all).toHaveLength(first.total);
    expect(first.total).toBeGreaterThan(20);
    // a task names 2020, or is of a plan of 2020 (an annual plan's task is of its year)
    const planTitle = (x: SearchResponse['results'][number]) => String(x.neighbourhood.nodes.find((n) => n.id === x.node.properties.planId)?.properties.title ?? '');
    expect(all.every((x) => (x.node.properties.years as number[]).includes(2020) || planTitle(x).includes('2020年'))).toBe(true);
    expect(all.some((x) => planTitle(x).includes('2020年'))).toBe(true);
    const none = await search.search('2021年的任务有哪些');
    expect(none.match).not.toBe('strong');
    expect(none.interpretation.notes.join(' ')).toContain('没有2021年的任务');
  });
});

describe('a year said relative to today', () => {
  const year = new Date().getFullYear();
  let search: Search;
  beforeAll(async () => {
    const dir = planFolder('relative-year', { 'annual.txt': [
      `某区${year}年数字政府建设工作要点`,
      '一、重点工作',
      '1.梳理政务服务事项，6月底前完成事项清单发布。（牵头单位：区政务服务数据管理局）',
      '2.建设城市运行管理服务平台，9月底前上线运行。（牵头单位：区城管局）',
      '3.推进公共数据共享，年底前完成公共数据目录编制。（牵头单位：区数据局）',
    ] });
    search = await keywordSearch('relative-year', dir);
  });

  test('今年 is this year where loaded tasks are of it, and is said so', async () => {
    const r = await search.search('今年的任务有哪些');
    expect(r.match).toBe('strong');
    expect(r.total).toBe(3);
    expect(r.interpretation.entities).toContainEqual(expect.objectContaining({ type: 'year', text: '今年', value: year }));
    expect(r.interpretation.notes.join(' ')).toContain(`按 ${year} 年检索`);
  });

  test('明年, a year no loaded task is of, links no year', async () => {
    const r = await search.search('明年的任务有哪些');
    expect(r.interpretation.entities.filter((e) => e.type === 'year')).toEqual([]);
    expect(r.match).not.toBe('strong');
  });
});
