/**
 * Numbering beyond 公文's 一、（一）1.（1）: the chapters and sections of a 规划 (第二章 / 第一节, tasks
 * as paragraphs), decimal numbering (2 / 2.1 / 2.1.1), and 一. with 1） items. Generated documents.
 */
import { parseDocument, type ParsedDocument } from '../../ingest';

const summary = (d: ParsedDocument) => d.tasks.map((t) => `${t.path} ${t.kind} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join(',')}`.trim());
const sections = (d: ParsedDocument) => d.graph.nodes.filter((n) => n.labels.includes('Section')).map((n) => `${n.properties.path} ${n.properties.title}`);

test('a 规划 of chapters and sections: each paragraph of a section is a task, its fields line going with it; the background chapter is none', () => {
  const doc = parseDocument('plan.txt', [
    '某市数字经济发展规划',
    '第一章 发展基础',
    '数字经济增加值达到500亿元，占GDP比重30%。',
    '第二章 重点任务',
    '第一节 建设数字基础设施',
    '加快5G网络建设。新建5G基站1000个。（责任单位：市经信局、市通信办）',
    '建设城市数据中心。推动算力资源统筹调度。',
    '责任单位：市发改委',
    '第二节 发展数字产业',
    '培育软件产业集群。（责任单位：市经信局）',
    '第三章 保障措施',
    '加强组织领导。',
  ].join('\n'));
  expect(summary(doc)).toEqual([
    '二章.一节.1 task 加快5G网络建设 市经信局:responsible,市通信办:responsible',
    '二章.一节.2 task 建设城市数据中心 市发改委:responsible',
    '二章.二节 task 发展数字产业 市经信局:responsible', // a section of one paragraph is one task
    '三章 measure 保障措施',
  ]);
  expect(doc.tasks[0].section).toEqual(['第二章 重点任务', '第一节 建设数字基础设施']);
  expect(doc.tasks[1].body).toContain('推动算力资源统筹调度');
  expect(doc.report.warnings).toEqual([]);
});

test('decimal numbering: 2.1.1 is a task cited as printed, 2 and 2.1 its sections', () => {
  const doc = parseDocument('plan.txt', [
    '某市数字政府建设实施方案',
    '1 总体要求',
    '到2025年，基本建成数字政府，政务服务事项网办率达到3.5 倍于2020年的水平。',
    '2 重点任务',
    '2.1 提升政务服务能力',
    '2.1.1 推进一网通办。实现政务服务事项全程网办。（牵头单位：市政务服务局）',
    '2.1.2 建设12345热线平台。（牵头单位：市政务服务局；配合单位：市级各部门）',
    '2.2 强化数据共享',
    '2.2.1 建设公共数据平台。（牵头单位：市大数据局）',
  ].join('\n'));
  expect(summary(doc)).toEqual([
    '2.1.1 task 推进一网通办 市政务服务局:lead',
    '2.1.2 task 建设12345热线平台 市政务服务局:lead,市级各部门:co',
    '2.2.1 task 建设公共数据平台 市大数据局:lead',
  ]);
  expect(sections(doc)).toEqual(['2 2 重点任务', '2.1 2.1 提升政务服务能力', '2.2 2.2 强化数据共享']);
});

test('one decimal number in a sentence makes no decimal document, and 第一部分 inside a sentence is no heading', () => {
  const doc = parseDocument('plan.txt', [
    '某县2026年工作要点',
    '一、重点任务',
    '1.推进一网通办。（牵头单位：县政务服务中心）',
    '2.5 万户家庭接入智慧养老平台，第一部分资金已拨付。',
    '第一部分资金已拨付，其余按进度拨付。',
    '2.建设城市大脑。（牵头单位：县大数据中心）',
  ].join('\n'));
  expect(summary(doc)).toEqual(['一.1 task 推进一网通办 县政务服务中心:lead', '一.2 task 建设城市大脑 县大数据中心:lead']);
  expect(doc.tasks[0].text).toContain('第一部分资金已拨付，其余');
});

test('items numbered 1） under 一. (no 1. level) are the tasks; （1） points under a task stay its text', () => {
  const doc = parseDocument('plan.txt', [
    '某县2026年工作要点', '一.重点任务', '1)推进一网通办。(牵头单位:县政务服务中心)', '2)建设城市大脑。(牵头单位:县大数据中心)',
    '二、数据治理', '（一）建设数据仓。（牵头单位：县大数据中心）', '（1）归集人口数据。', '（2）归集法人数据。',
  ].join('\n'));
  expect(summary(doc)).toEqual(['一.1 task 推进一网通办 县政务服务中心:lead', '一.2 task 建设城市大脑 县大数据中心:lead', '二.(一) task 建设数据仓 县大数据中心:lead']);
  expect(doc.tasks[2].text).toContain('（2）归集法人数据');
});

test('a table with a 重点任务 and a 具体举措 column: each 举措 is a task, its 重点任务 and 备注 kept in its text; its body leads with the 举措', () => {
  const doc = parseDocument('plan.txt', [
    '某市2026年数字政府建设重点任务清单',
    '序号\t重点任务\t具体举措\t牵头单位\t配合单位\t完成时限\t备注',
    '1\t提升政务服务\t推进高频事项全程网办，新增“免申即享”事项20项\t市政务服务局\t市级各部门\t2026年12月\t纳入年度考核',
    '2\t提升政务服务\t建设12345热线知识库\t市政务服务局\t\t2026年6月\t',
    '3\t强化数据治理\t建设城市数据仓，归集人口、法人数据\t市大数据局\t市公安局\t2026年9月\t',
  ].join('\n'));
  expect(summary(doc)).toEqual([
    '1 task 推进高频事项全程网办，新增“免申即享”事项20项 市政务服务局:lead,市级各部门:co',
    '2 task 建设12345热线知识库 市政务服务局:lead',
    '3 task 建设城市数据仓，归集人口、法人数据 市大数据局:lead,市公安局:co',
  ]);
  // before, the 具体举措 column was dropped: every title was its 重点任务, and 备注 was lost
  expect(doc.tasks[0].text).toContain('（重点任务：提升政务服务）');
  expect(doc.tasks[0].text).toContain('（备注：纳入年度考核）');
  expect(doc.tasks[1].body).toBe('建设12345热线知识库\n（重点任务：提升政务服务）');
  expect(doc.tasks[0].deadline).toBe('2026年12月');
});

test('a heading’s own clause is each of its tasks’ that names none; a task’s own clause stays its own; the section label leaves the clause out', () => {
  const doc = parseDocument('plan.txt', [
    '某市2026年政务公开工作要点', '一、重点任务',
    '（一）深化政策公开（牵头单位：市政府办公室；配合单位：市级各部门）',
    '1.完善政策文件库，集中公开现行有效规章。', '2.推进政策解读。（牵头单位：市委宣传部）',
    '（二）加强平台建设。', '3.优化政府门户网站。（牵头单位：市大数据局）',
  ].join('\n'));
  expect(summary(doc)).toEqual([
    '1 task 完善政策文件库，集中公开现行有效规章 市政府办公室:lead,市级各部门:co',
    '2 task 推进政策解读 市委宣传部:lead',
    '3 task 优化政府门户网站 市大数据局:lead',
  ]);
  expect(doc.tasks[0].section).toEqual(['一、重点任务', '（一）深化政策公开']);
});
