/**
 * An application its region's name leads (顺德企服通, 金华防疫在线应用) is asked without it (企服通), where
 * the rest is a specific name and no other application's: two generated plans of two cities.
 */
import type { Search } from '../../search';
import { keywordSearch, planFolder } from './plan-search';

let search: Search;
beforeAll(async () => {
  const dir = planFolder('alias', {
    'shunde.txt': ['佛山市顺德区2025年数字政府建设工作要点', '一、重点任务', '1.升级“顺德企服通”，实现涉企政策精准推送。（牵头单位：区经济促进局）', '2.建设顺德城市大脑。（牵头单位：区政务服务数据管理局）'],
    'nanhai.txt': ['佛山市南海区2025年数字政府建设工作要点', '一、重点任务', '1.深化“城市大脑”应用，推进一网统管。（牵头单位：区政务服务数据管理局）'],
  });
  search = await keywordSearch('alias', dir);
});

const linked = async (q: string) => (await search.search(q)).interpretation.entities.filter((e) => e.type === 'application').map((e) => e.text);

test('企服通 links the application 顺德企服通, and its card answers', async () => {
  expect(await linked('企服通有哪些功能')).toEqual(['企服通']);
  const r = await search.search('企服通有哪些功能');
  expect(r.answers.map((a) => a.type)).toContain('application');
  expect(String(r.results[0].node.properties.title)).toContain('企服通');
});

test('城市大脑, another application’s own name, still links that one alone (not 顺德城市大脑 by its rest)', async () => {
  const r = await search.search('城市大脑');
  const app = r.answers.find((a) => a.type === 'application');
  expect(app && app.type === 'application' ? app.application.name : null).toBe('城市大脑');
});
