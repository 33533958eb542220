/**
 * A question asking who does something and naming no unit (长江水质谁负责, 一件事一次办谁牵头): the
 * `responsible` card lists the units of the tasks answering it, by role, over a plan whose units come
 * from its attachment's task table; no card for a unit or application named, a ranking question, or
 * an everyday question that is `none`.
 */
import type { Search } from '../../search';
import type { SearchResponse } from '../../search/types';
import { keywordSearch, planFolder } from './plan-search';

const card = (r: SearchResponse) => r.answers.find((a) => a.type === 'responsible');
const rows = (r: SearchResponse) => {
  const c = card(r);
  return c && c.type === 'responsible' ? c.tasks.map((t) => `${t.title}: ${t.units.map((u) => `${u.name}${u.leads ? '(牵头)' : ''}`).join('、')}`) : [];
};

let search: Search;
beforeAll(async () => {
  const dir = planFolder('who', { 'plan.txt': [
    '某市2026年数字政府建设工作方案', '一、重点任务',
    '1.推进“一件事一次办”扩面增效。新增高频“一件事”10项，推动出生、入学、退休等事项集成办理。',
    '2.推进长江生态环境智慧监测。建设长江水质自动监测网络。',
    '3.推进酒类产业数字化。建设“酒业大脑”，服务白酒企业质量追溯。',
    '附件：重点任务分工表', '附件', '重点任务分工表',
    '序号\t重点任务\t牵头单位\t配合单位',
    '1\t推进“一件事一次办”扩面增效\t市政务服务和大数据局\t市人力资源社会保障局、市卫生健康委',
    '2\t推进长江生态环境智慧监测\t市生态环境局\t市水务局',
    '3\t推进酒类产业数字化\t市经济和信息化局\t市市场监管局',
  ] });
  search = await keywordSearch('who', dir);
});

test.each([
  ['长江水质谁负责', '推进长江生态环境智慧监测: 市生态环境局(牵头)、市水务局'],
  ['一件事一次办由哪个部门牵头', '推进“一件事一次办”扩面增效: 市政务服务和大数据局(牵头)、市人力资源社会保障局、市卫生健康委'],
  ['白酒质量追溯是哪个单位在做', '推进酒类产业数字化: 市经济和信息化局(牵头)、市市场监管局'],
])('%s: the units of the task answering it, the lead first', async (q, row) => {
  const r = await search.search(q);
  expect(r.match).not.toBe('none'); // weak on three tasks without the model: the card needs its task to hold half the topic
  expect(rows(r)).toEqual([row]);
});

test.each(['市生态环境局负责哪些任务', '酒业大脑由谁建设', '哪个部门牵头的任务最多', '长江水质怎么监测', '梅西和C罗谁更厉害'])('%s: no such card (a unit, an application, a ranking, no who, or none)', async (q) => {
  const r = await search.search(q);
  expect(card(r)).toBeUndefined();
});
