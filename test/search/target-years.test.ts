/**
 * The year of a target (answers.ts): a task's target that states no year is due when its task is
 * (完成时限), in a plan whose title spans years; a target question of that year lists it, and the
 * graph answering makes the match, though the plan's words (no 目标 in it) would not.
 */
import type { Search } from '../../search';
import { keywordSearch, planFolder } from './plan-search';

let search: Search;
beforeAll(async () => {
  const dir = planFolder('target-years', { 'plan.txt': [
    '某市数字政府建设三年行动方案（2023—2025年）',
    '一、重点任务',
    '1.推进政务服务事项掌上办理，个人事项掌上可办率达到90%以上。（牵头单位：市大数据局；完成时限：2023年底）',
    '2.建设公共数据开放平台，开放数据集达到300个。（牵头单位：市经信局；完成时限：2024年底）',
    '3.建设城市大脑，接入应用场景50个以上。（牵头单位：市大数据局）',
  ] });
  search = await keywordSearch('target-years', dir);
}, 60_000);

test('a task’s target of no stated year is its task’s deadline year’s: 2023年要达到什么目标 lists the task due in 2023', async () => {
  const r = await search.search('2023年要达到什么目标');
  // the plan's text never says 目标: the graph answering is the match (it was none, with no card)
  expect(r.match).toBe('strong');
  const card = r.answers.find((a) => a.type === 'targets');
  if (card?.type !== 'targets') throw new Error('no targets card');
  expect(card.items.map((t) => `${t.metric} ${t.value}${t.unit}`)).toEqual(['个人事项掌上可办率 90%']);
  expect(card.years).toEqual([2023]);
  const later = (await search.search('2024年要达到什么目标')).answers.find((a) => a.type === 'targets');
  expect(later?.type === 'targets' && later.items.map((t) => t.value)).toEqual([300]);
});
