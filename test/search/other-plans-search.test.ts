/**
 * Search over the seeds with other cities' real plans loaded beside them (eval/other-plans/docs),
 * keyword + graph only (no model): units printed in traditional characters or in a plan that names
 * no region answer their questions, and a term the question quotes ranks the task that prints it.
 * `npm run eval -- --queries eval/queries-other.json --docs seeds,eval/other-plans/docs` scores the whole set.
 */
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { buildSearch, resultKey, seedStore } from '../../bench/lib/harness';
import type { Search } from '../../search';

let search: Search;
beforeAll(async () => {
  const config = loadConfig({ KG_EMBEDDER: 'none', KG_LOG_LEVEL: 'silent' });
  const store = await seedStore([config.seedsDir, path.join(config.root, 'eval', 'other-plans', 'docs')]);
  search = await buildSearch(store, config, null);
}, 120_000);

const keys = async (q: string, n: number) => (await search.search(q, { k: n })).results.map(resultKey);

test('a term the question quotes ranks the task that prints it (“链长制”, unquoted in the plan)', async () => {
  expect((await keys('产业链“链长制”是怎么安排的？', 1))[0]).toBe('19_shengsi.txt#二.5');
});

test('a province unit asked in simplified characters finds the tasks a plan prints in traditional ones', async () => {
  const got = await keys('浙江省财政厅牵头或参与了哪些工作？', 6);
  for (const p of ['一.1', '一.2', '一.3', '一.4']) expect(got).toContain(`16_zhejiang.txt#${p}`);
});

test('a unit of a plan that names no region answers its question, with a note', async () => {
  const got = await keys('上海市信息化办公室牵头负责哪些工作？', 3);
  expect(got.length).toBeGreaterThan(0);
  expect(got.every((k) => k.startsWith('07_unknown-city.txt#'))).toBe(true);
  const r = await search.search('上海市信息化办公室牵头负责哪些工作？');
  expect(r.match).toBe('strong');
  expect(r.interpretation.notes.join(' ')).toContain('未写明地区');
});

test('a plan whose file name alone names its region (08_beijing.txt): its units, and the region in a cross-plan question', async () => {
  const got = await keys('北京市政府办公厅牵头的工作有哪些？', 3);
  expect(got.every((k) => k.startsWith('08_beijing.txt#'))).toBe(true);
  expect((await search.search('北京市政府办公厅牵头的工作有哪些？')).interpretation.notes.join(' ')).not.toContain('未写明地区');
  const cross = await keys('北京和绍兴在推进政务公开上各有哪些做法？', 4);
  expect(cross.filter((k) => k.startsWith('08_beijing.txt#')).length).toBeGreaterThanOrEqual(1);
  expect(cross.filter((k) => k.startsWith('001_')).length).toBeGreaterThanOrEqual(1); // 绍兴's plan
});

test('a higher policy known only by its citation answers with the loaded plans that implement it', async () => {
  const r = await search.search('鲁政发〔2023〕15号');
  const [card] = r.answers;
  expect(card).toMatchObject({ type: 'plan', plan: { docNumber: '鲁政发〔2023〕15号', cited: true }, tasks: 0 });
  expect(card.type === 'plan' && card.implementedBy.map((p) => p.title)).toContain('数字威海建设2023年工作要点');
  // its results are the implementing plan's tasks, not text that happens to share the year
  expect(r.results.slice(0, 2).map(resultKey).every((k) => k.startsWith('01_weihai.txt#'))).toBe(true);
});

test('goals a task title states (a 政府工作报告 breakdown) answer target questions; an annual plan’s goals are its year’s', async () => {
  const hz = await search.search('杭州今年服务业增加值和固定资产投资分别要增长多少');
  const items = hz.answers.find((a) => a.type === 'targets');
  expect(items?.type === 'targets' && items.items.map((t) => `${t.metric} ${t.value}${t.unit}`)).toEqual(expect.arrayContaining(['服务业增加值 8%', '固定资产投资 7%']));
  const ss = await search.search('嵊泗2023年地区生产总值要增长多少');
  const gdp = ss.answers.find((a) => a.type === 'targets');
  expect(gdp?.type === 'targets' && gdp.items[0]).toMatchObject({ metric: '地区生产总值（GDP）', value: 10, comparator: '≈', unit: '%' });
});

test('a year asked of a plan that states none: its targets on the topic answer, of no year', async () => {
  const r = await search.search('杭州2023年固定资产投资增长多少');
  const card = r.answers.find((a) => a.type === 'targets');
  if (card?.type !== 'targets') throw new Error('no targets card');
  expect(card.items[0]).toMatchObject({ metric: '固定资产投资', value: 7, unit: '%', year: null });
  expect(card.years).toEqual([]); // the card does not claim them for 2023
  // a year the plans do state still narrows to it
  const y = (await search.search('2025年要达到什么目标')).answers.find((a) => a.type === 'targets');
  expect(y?.type === 'targets' && y.items.every((t) => t.year === 2025)).toBe(true);
});

test('a region named prefers its tasks on the topic, not its unrelated ones over other plans on the topic', async () => {
  const text = (k: string, r: Awaited<ReturnType<Search['search']>>) => {
    const hit = r.results.find((x) => resultKey(x) === k)!;
    return `${String(hit.node.properties.title ?? '')}${String(hit.node.properties.text ?? '')}`;
  };
  // 杭州's plan (a 政府工作报告 breakdown) never speaks of 城市大脑; other plans do
  const brain = await search.search('杭州的城市大脑');
  const top = brain.results.slice(0, 3).map(resultKey);
  for (const k of top) expect(text(k, brain)).toContain('城市大脑');
  expect(brain.interpretation.notes.join(' ')).toContain('杭州市的方案中没有与此直接相关的任务');
  // where the graph answers from the region (a card of its targets), nothing is said against it
  const own = await search.search('金华的掌上执法率');
  expect(own.answers.some((a) => a.type === 'targets')).toBe(true);
  expect(own.interpretation.notes.join(' ')).not.toContain('没有与此直接相关');
  // the region's own task on the topic still comes first
  const hz = await search.search('杭州的科创大走廊怎么建');
  expect(resultKey(hz.results[0])).toBe('17_hangzhou.txt#3');
  expect(hz.interpretation.notes.join(' ')).not.toContain('没有与此直接相关');
  // nothing but the region asked: all its tasks, before any other plan's
  const all = await keys('杭州有哪些任务', 12);
  expect(all.every((k) => k.startsWith('17_hangzhou.txt#'))).toBe(true);
  // a kind of plan named is no topic either
  expect((await keys('杭州市政府工作报告有哪些任务', 12)).every((k) => k.startsWith('17_hangzhou.txt#'))).toBe(true);
});

test('a task of an annual plan that names no year of its own is that year’s work (the year tier and the year filter)', async () => {
  // 数字威海2021行动方案: its three tasks name no year
  expect((await keys('2021年的任务有哪些', 3)).sort()).toEqual(['02_weihai.txt#一.(一)', '02_weihai.txt#一.(三)', '02_weihai.txt#一.(二)']);
  const filtered = await search.search('基础设施', { year: 2021 });
  const got = filtered.results.map(resultKey);
  expect(got).toContain('02_weihai.txt#一.(一)'); // 加快建设新一代通信基础设施, of no year of its own
  for (const r of filtered.results) expect([resultKey(r), r.node.properties.sourceFile === '02_weihai.txt' || (r.node.properties.years as number[]).includes(2021)]).toEqual([resultKey(r), true]);
});

test('a kind of plan the question names is no topic, and a specific kind narrows to the plans of that kind', async () => {
  const titles = async (q: string) => (await search.search(q)).answers.flatMap((a) => (a.type === 'plan' ? [a.plan.title] : a.type === 'plans' ? a.items.map((p) => p.title) : []));
  expect(await titles('威海的工作要点是什么时候印发的')).toEqual(['数字威海建设2023年工作要点']);
  // a question about the plans themselves: the region's tasks are not graded by its words (什么时候印发)
  expect((await search.search('威海的工作要点是什么时候印发的')).interpretation.notes.join(' ')).not.toContain('没有与此直接相关');
  expect(await titles('有哪些行动方案')).toEqual(['数字威海2021行动方案']);
  expect((await titles('嘉兴的实施方案有哪些任务')).sort()).toEqual(['2020年嘉兴市政府数字化转型工作实施方案', '嘉兴市加快推进数字政府建设实施方案']);
  // 方案 alone is any plan
  expect((await titles('有哪些方案')).length).toBe(13);
});

test('a target question’s topic is read as the question is (5G and 5g alike): 威海的5G目标 gives its 5G targets', async () => {
  const card = (await search.search('威海的5G目标')).answers.find((a) => a.type === 'targets');
  if (card?.type !== 'targets') throw new Error('no targets card');
  expect(card.items.length).toBeGreaterThanOrEqual(3);
  for (const t of card.items) expect([t.metric, t.plan?.title]).toEqual([expect.stringContaining('5G'), '数字威海2021行动方案']);
});

test('a task that is one sentence (a 责任分解 item, a table row) is searched by that sentence, not only as a title', async () => {
  // 16_zhejiang.txt prints each task as one numbered sentence: its whole statement is its title
  expect((await keys('压减展会和节庆活动', 1))[0]).toBe('16_zhejiang.txt#一.2');
  expect((await keys('海钓船什么时候投入运行', 1))[0]).toBe('19_shengsi.txt#二.4');
});
