/**
 * A plan whose body states the tasks and whose attachment says who does each (附件：重点任务分工表),
 * and a notice whose plan is its attachment: generated documents in text and Word.
 */
import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parseBytes, parseDocument, type ParsedDocument } from '../../ingest';

const BODY = [
  '某市2026年数字政府建设工作方案',
  '一、总体要求',
  '到2026年底，政务服务事项网上可办率达到98%以上。',
  '二、重点任务',
  '（一）提升政务服务效能。',
  '1.推进“一件事一次办”扩面增效。新增企业和个人高频“一件事”10项，推动出生、入学、退休等事项集成办理。',
  '2.优化移动端服务。完善掌上办事功能，实现200项高频事项掌上办理。',
  '（二）强化数据共享应用。',
  '3.建设市级公共数据平台。完善数据目录，推动人口、法人、电子证照等基础库共享。（牵头单位：市委网信办）',
  '4.推进长江生态环境智慧监测。建设长江水质自动监测网络。',
  '三、保障措施',
  '各责任单位要明确专人负责，每季度报送工作进展。',
  '附件：重点任务分工表',
];
const TABLE: string[][] = [
  ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
  ['1', '推进“一件事一次办”扩面增效', '市政务服务和大数据局', '市人力资源社会保障局、市卫生健康委', '2026年12月底'],
  ['2', '优化移动端服务', '市政务服务和大数据局', '各区县人民政府', '2026年6月底'],
  ['3', '建设市级公共数据平台', '市政务服务和大数据局', '市级各部门', '2026年9月底'],
  ['4', '推进长江生态环境智慧监测', '市生态环境局', '市水务局', '2026年12月底'],
  ['5', '开展数字经济招商引资专项行动', '市投资促进局', '', '2026年10月底'],
];

const summary = (d: ParsedDocument) => d.tasks.map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join(',')} ${t.deadline ?? ''}`.trim());
// numbering continues across the subsections: a task is cited by its number alone
const EXPECTED = [
  '1 推进“一件事一次办”扩面增效 市政务服务和大数据局:lead,市人力资源社会保障局:co,市卫生健康委:co 2026年12月底',
  '2 优化移动端服务 市政务服务和大数据局:lead,各区县人民政府:co 2026年6月底',
  // its own clause is what the plan says of it: the table's units are not added
  '3 建设市级公共数据平台 市委网信办:lead',
  '4 推进长江生态环境智慧监测 市生态环境局:lead,市水务局:co 2026年12月底',
  // a row that restates no task of the body is a task of its own
  '附件.5 开展数字经济招商引资专项行动 市投资促进局:lead 2026年10月底',
];

test('each row of the attachment’s task table gives the body task it restates its units, roles and deadline; a row of no body task is its own', () => {
  const text = [...BODY, '', '附件', '重点任务分工表', ...TABLE.map((r) => r.join('\t'))].join('\n');
  const doc = parseDocument('plan.txt', text);
  expect(summary(doc)).toEqual(EXPECTED);
  const lines = text.split('\n');
  // the rows' own lines are cited beside the task's
  expect(doc.tasks[0].tableLineStarts?.map((n) => lines[n - 1])).toEqual([TABLE[1].join('\t')]);
  expect(doc.tasks[2].tableLineStarts).toBeUndefined();
  expect(doc.report.warnings.join()).toContain('4 行对应正文任务，1 行单列为任务');
  // the graph carries the table's responsibilities
  const rel = doc.graph.relationships.filter((r) => r.type === 'RESPONSIBLE_FOR' && r.end === doc.tasks[3].id);
  expect(rel.map((r) => r.properties.role)).toEqual(['lead', 'co']);
});

test('a Word plan with its task table in the attachment reads the same as the text', async () => {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const bytes = await Packer.toBuffer(new Document({
    sections: [{
      children: [
        ...BODY.map((t) => new Paragraph(t)),
        new Paragraph({ children: [new PageBreak()] }),
        new Paragraph('附件'),
        new Paragraph('重点任务分工表'),
        new Table({ rows: TABLE.map((r) => new TableRow({ children: r.map(cell) })) }),
      ],
    }],
  }));
  const doc = await parseBytes('plan.docx', bytes);
  expect(summary(doc)).toEqual(EXPECTED);
});

test('a body task stated in more detail than the table gets the units of every row that restates part of it', () => {
  const doc = parseDocument('plan.txt', [
    '某市2026年数字经济发展工作要点', '一、主要任务',
    '（一）夯实数字基础设施。加快5G基站建设，新建5G基站1500个；推进千兆光网进小区；建设智算中心。',
    '（二）培育数字产业集群。支持智能终端企业上云用数。',
    '附件：重点任务清单', '附件', '重点任务清单',
    '序号\t工作任务\t责任单位\t完成时间',
    '1\t新建5G基站1500个，推进千兆光网进小区\t市经济和信息化局、市通信发展办\t2026年12月',
    '2\t建设智算中心\t市发展改革委\t2026年10月',
    '3\t支持智能终端企业上云用数\t市经济和信息化局\t2026年12月',
  ].join('\n'));
  expect(summary(doc)).toEqual([
    '一.(一) 夯实数字基础设施 市经济和信息化局:responsible,市通信发展办:responsible,市发展改革委:responsible 2026年12月',
    '一.(二) 培育数字产业集群 市经济和信息化局:responsible 2026年12月',
  ]);
  expect(doc.tasks[0].tableLineStarts).toHaveLength(2);
});

test('a notice whose plan is its attachment has the plan’s tasks, not the notice’s paragraphs', () => {
  const doc = parseDocument('notice.txt', [
    '某市人民政府办公室关于印发某市数字政府建设方案的通知', '各区县人民政府：',
    '现将《某市数字政府建设方案》印发给你们，请认真贯彻落实。', '附件：某市数字政府建设方案',
    '某市人民政府办公室', '2026年2月10日', '附件', '某市数字政府建设方案', '一、重点任务',
    '1.建设公共数据平台。（牵头单位：市大数据局）', '2.推进一网通办。（牵头单位：市政务服务中心；配合单位：市级各部门）',
  ].join('\n'));
  expect(summary(doc)).toEqual(['一.1 建设公共数据平台 市大数据局:lead', '一.2 推进一网通办 市政务服务中心:lead,市级各部门:co']);
  expect(doc.plan.title).toBe('某市数字政府建设方案');
});

test('an attachment without a task table changes nothing: the application list stays a list', () => {
  const doc = parseDocument('plan.txt', [
    '某市数字政府建设方案', '一、重点任务', '1.建设城市大脑。（牵头单位：市大数据局）',
    '附件：重点应用清单', '附件', '重点应用清单', '序号\t应用名称\t责任单位', '1\t城市大脑\t市大数据局',
  ].join('\n'));
  expect(summary(doc)).toEqual(['一.1 建设城市大脑 市大数据局:lead']);
  expect(doc.listedApps.map((a) => a.name)).toEqual(['城市大脑']);
  expect(doc.report.warnings).toEqual([]);
});
