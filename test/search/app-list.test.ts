/**
 * The applications a question asks for when it names none (search/app-list-answer.ts), on the fresh
 * plans of three cities (eval/fresh-plans/docs), keyword + graph: each city's app by name, a kind and
 * a topic narrowing the list, and no such card where the question asks for tasks or names an app.
 */
import { resultKey } from '../../bench/lib/harness';
import type { Search } from '../../search';
import type { Answer } from '../../search/answers';
import { keywordSearch, planFolder, repoDir } from './plan-search';

let search: Search;
beforeAll(async () => {
  search = await keywordSearch('app-list', repoDir('eval', 'fresh-plans', 'docs'));
}, 120_000);

const card = (answers: Answer[]) => answers.find((a): a is Extract<Answer, { type: 'applications' }> => a.type === 'applications');

test('each city’s app asked by name: the card lists them, one per plan, and their tasks lead the results', async () => {
  const r = await search.search('南通、绵阳、顺德的政务服务APP分别叫什么');
  const c = card(r.answers)!;
  expect(c.kind).toBe('app');
  expect(c.items.map((x) => x.name).sort()).toEqual(['江海通办', '绵e通', '顺易办']);
  expect(new Set(c.items.map((x) => x.plans[0].id)).size).toBe(3);
  expect(r.results.slice(0, 3).map(resultKey).sort()).toEqual(['mianyang-plan.txt#4', 'nantong-2025.html#三.3', 'shunde-2025.txt#2']);
});

test('a kind and a topic narrow the list to the region’s applications of that kind on it', async () => {
  const c = card((await search.search('绵阳有哪些环保方面的平台')).answers)!;
  expect(c.regions).toEqual(['绵阳市']);
  expect(c.items.map((x) => x.name)).toContain('“生态绵阳”智慧环保平台');
  for (const x of c.items) {
    expect(x.name.endsWith('平台')).toBe(true);
    expect(x.plans.every((p) => p.title.includes('绵阳'))).toBe(true);
  }
  const all = card((await search.search('绵阳建设了哪些平台')).answers)!;
  expect(all.total).toBeGreaterThan(c.total);
});

test('no card where the question asks for tasks or units, names the application itself, or has a topic no application holds', async () => {
  expect(card((await search.search('哪些任务涉及平台建设')).answers)).toBeUndefined();
  expect(card((await search.search('南通开远程会议用什么系统')).answers)).toBeUndefined();
  const named = await search.search('江海通办APP有哪些功能');
  expect(card(named.answers)).toBeUndefined();
  expect(named.answers.map((a) => a.type)).toContain('application');
});

test('kinds asked together are each listed; a plan naming no 系统 answers with its applications, said as such', async () => {
  const dir = planFolder('app-kinds', { 'zhuzhou-2026.txt': [
    '株洲市2026年数字政府建设行动方案',
    '一、重点任务',
    '1.建设“株洲智慧医保”应用。实现医保电子凭证全流程应用。责任单位：市医保局。',
    '2.建设城市运行管理中心，12月底前建成“城市大脑”指挥调度平台。责任单位：市数据资源局。',
    '3.推进“湘易办”扩面提质，新增“一件事”集成服务10个以上。责任单位：市政务服务中心。',
    '4.升级株洲市工程建设项目审批管理平台，实现审批全流程网上办理。责任单位：市住房城乡建设局。',
  ] });
  const own = await keywordSearch('app-kinds', dir);
  const both = card((await own.search('有哪些平台和应用')).answers)!;
  expect(both.kind).toBe('平台和应用');
  expect(both.items.map((x) => x.name).sort()).toEqual(['城市大脑', '株洲市工程建设项目审批管理平台', '株洲智慧医保', '湘易办']);
  const platforms = card((await own.search('有哪些平台')).answers)!;
  expect(platforms.items.map((x) => x.name)).toEqual(['株洲市工程建设项目审批管理平台']);
  // a task whose statement is all its title names its application there (task 4)
  const systems = card((await own.search('建了哪些系统')).answers)!;
  expect(systems.kind).toBe('应用');
  expect(systems.unnamed).toBe('系统');
  expect(both.unnamed).toBeUndefined();
  expect(systems.total).toBe(both.total);
});
