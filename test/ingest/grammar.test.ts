import path from 'node:path';
import { parseDocument, parseFile } from '../../ingest';
import { extractYears } from '../../ingest/years';
import { parseDate } from '../../ingest/metadata';
import { extractApplications } from '../../ingest/applications';
import { normalizeDocument } from '../../ingest/normalize';

/** A plan written the way other cities write them, to check the general rules, not the seeds. */
const HANGZHOU = [
  '杭州市人民政府办公厅文件',
  '杭政办〔2023〕5号',
  '杭州市数字政府建设三年行动计划',
  '二〇二三年三月一日',
  '根据《浙江省人民政府关于深化数字政府建设的实施意见》（浙政发〔2022〕20号），制定本计划。',
  '一、总体要求',
  '（一）指导思想。坚持整体智治。',
  '（二）工作目标。到2025年，建成整体智治现代政府。',
  '二、重点任务',
  '1、建设城市大脑。推进“城市大脑”迭代升级，打造亲清在线、杭州办事服务等应用。（责任单位：市数据资源局、市发展和改革委员会）',
  '2、推广浙里办。持续迭代“浙里办”杭州频道。（牵头单位：市数据资源局；配合单位：各区、县（市）政府）',
  '三、数字社会',
  '1、打造未来社区。建设未来社区智慧服务平台，到2024年底建成100个。',
  '（1）完善社区码。',
  '（2）推广邻里通。',
  '责任单位：市建委、市发改委',
  '四、保障措施',
  '（一）加强组织领导。建立工作专班。',
  '（二）强化资金保障。加大投入。',
].join('\n');

describe('numbering and clause grammar on an unseen plan', () => {
  const doc = parseDocument('hz.txt', HANGZHOU);

  test('metadata', () => {
    const { title, issuer, docNumber, date, region, level } = doc.plan;
    expect({ title, issuer, docNumber, date, region, level }).toEqual({
      title: '杭州市数字政府建设三年行动计划', issuer: '杭州市人民政府办公厅', docNumber: '杭政办〔2023〕5号',
      date: '2023-03-01', region: '杭州市', level: 'city',
    });
    expect(doc.plan.implements).toEqual([{ docNumber: '浙政发〔2022〕20号', title: '浙江省人民政府关于深化数字政府建设的实施意见', issuer: '浙江省人民政府' }]);
  });

  test('restarting numbering gives full paths; overview items are not tasks; safeguards are measures', () => {
    expect(doc.tasks.map((t) => [t.path, t.kind])).toEqual([
      ['二.1', 'task'], ['二.2', 'task'], ['三.1', 'task'], ['四.(一)', 'measure'], ['四.(二)', 'measure'],
    ]);
  });

  test('sub-items and the unit line stay in their task; the unit merges with its alias', () => {
    const t = doc.tasks[2];
    expect(t.text).toContain('（2）推广邻里通');
    expect(t.units.map((u) => u.raw)).toEqual(['市建委', '市发改委']);
    expect(t.years).toEqual([2024]);
    expect(t.lineEnd - t.lineStart).toBe(3);
    const ndrc = doc.graph.nodes.filter((n) => n.id === 'unit:杭州市/市发改委');
    expect(ndrc).toHaveLength(1);
    expect(ndrc[0].properties.aliases).toEqual(expect.arrayContaining(['市发改委', '市发展和改革委员会']));
  });

  test('roles and applications', () => {
    expect(doc.tasks[1].units.map((u) => `${u.raw}:${u.role}`)).toEqual(['市数据资源局:lead', '各区、县（市）政府:co']);
    // 杭州办事服务 has no evidence of its own; its sibling 亲清在线 in a short list of applications vouches for it
    expect(doc.tasks[0].applications.map((a) => a.name)).toEqual(expect.arrayContaining(['城市大脑', '亲清在线', '杭州办事服务']));
    expect(doc.tasks[1].applications.map((a) => a.name)).toContain('浙里办');
  });
});

describe('the region of a plan whose text names none is its file name’s', () => {
  // an excerpt with no title, issuer or region-qualified unit
  const EXCERPT = ['（一）深化政务公开清单管理。推进三级清单动态更新。（市政府办公厅牵头，市政府各部门负责落实）', '（二）推进决策公开。（市司法局牵头）'].join('\n');
  const region = (file: string, text = EXCERPT) => {
    const { region, level } = parseDocument(file, text).plan;
    return { region, level };
  };

  test('a region’s name in the file name, or a Latin word only one region spells', () => {
    expect(region('北京市2023年政务公开工作要点.txt')).toEqual({ region: '北京市', level: 'province' });
    expect(region('08_beijing.txt')).toEqual({ region: '北京市', level: 'province' });
    expect(region('weihai-plan.docx')).toEqual({ region: '威海市', level: 'city' });
    expect(region('Shengsi_2024.txt')).toEqual({ region: '嵊泗县', level: 'county' });
  });

  test('no region: a spelling two regions share, hashed or plain names; the text’s own region always wins', () => {
    expect(region('taizhou.txt').region).toBeNull(); // 台州市 and 泰州市
    expect(region('000_4cb10dc33e04c09c.txt').region).toBeNull();
    expect(region('07_unknown-city.txt').region).toBeNull();
    expect(region('plan_final_2023.txt').region).toBeNull();
    expect(region('beijing.txt', `嘉兴市政务公开工作要点\n${EXCERPT}`).region).toBe('嘉兴市');
  });
});

describe('small grammars', () => {
  test('years', () => {
    expect(extractYears('到2025年底，2023 年前完成；2.0版本；2021—2022年')).toEqual([2021, 2022, 2023, 2025]);
    expect(extractYears('完成 80%以上，5000 吨')).toEqual([]);
  });

  test('dates', () => {
    expect(parseDate('2022年9月9日')).toBe('2022-09-09');
    expect(parseDate('2022 年 12 月 30 日印发')).toBe('2022-12-30');
    expect(parseDate('二〇二二年十二月三十日')).toBe('2022-12-30');
    expect(parseDate('2022年13月1日')).toBeNull();
  });

  test('page breaks re-join words and unit names, keeping original line numbers', () => {
    const lines = normalizeDocument('（责任单位：市长三角发展办、市科技局、市人力社保局、市政务数\n\n据办、嘉善县)\n二、标题\n\n正文。');
    expect(lines.map((l) => [l.text, l.lineStart, l.lineEnd])).toEqual([
      ['（责任单位：市长三角发展办、市科技局、市人力社保局、市政务数据办、嘉善县）', 1, 3], ['二、标题', 4, 4], ['正文。', 6, 6],
    ]);
  });

  test('applications: quoted, suffixed, enumerated, distributed, verbs cut', () => {
    const apps = (t: string) => extractApplications(t).map((a) => a.name);
    expect(apps('贯通用好经济调节 e 本账和有效投资 e 本账应用')).toEqual(['经济调节e本账', '有效投资e本账应用']);
    expect(apps('迭代升级智能光伏、现代家具、经编等产业大脑')).toEqual(['智能光伏产业大脑', '现代家具产业大脑', '经编产业大脑']);
    expect(apps('牵头建设“长护在线”应用，打造“一地创新、全省共享”品牌')).toEqual(['长护在线']);
    expect(apps('推进政府系统高效运行改革，提升系统性重塑能力')).toEqual([]);
  });
});

test('a web page of a district plan (Guangdong style): its number, date and source office on one row, the district as region, every clause', async () => {
  // test/fixtures/web/nanhai.html, written for this test: 南府办〔2024〕9号 发布日期：… 来源：… on one line, 牵头单位/配合单位/责任单位 clauses
  const doc = await parseFile(path.join(__dirname, '../fixtures/web/nanhai.html'));
  const { title, issuer, docNumber, date, region, level } = doc.plan;
  expect({ title, issuer, docNumber, date, region, level }).toEqual({
    title: '佛山市南海区2024年数字政府建设工作要点', issuer: '佛山市南海区人民政府办公室', docNumber: '南府办〔2024〕9号', date: '2024-03-15', region: '南海区', level: 'district',
  });
  expect(doc.plan.implements.map((c) => c.docNumber)).not.toContain('南府办〔2024〕9号'); // its own number is no citation
  expect(doc.tasks.filter((t) => t.kind === 'task').map((t) => t.path)).toEqual(['1', '2', '3', '4']);
  const roles = doc.tasks.find((t) => t.path === '4')!.units.map((u) => `${u.role}:${u.raw}`);
  expect(roles).toEqual(['lead:区应急管理局', 'co:区水利局', 'co:区气象局']);
});

describe('a plan whose items close with their clause, and its closing paragraph', () => {
  const items = [
    '某区2025年数字政府建设工作要点',
    '一、重点工作',
    '1. 深化“一件事”改革。新增主题服务15个，6月底前完成第一批上线。（牵头单位：区政务服务数据管理局；配合单位：区市场监督管理局、各镇街）',
    '',
    '2. 推进数据共享。6月底前完成公共数据资源目录编制。（牵头单位：区政务服务数据管理局；配合单位：区级各有关单位）',
    '',
    '3. 建设智慧河长系统。年底前重点河涌水质监测全覆盖。（牵头单位：区水利局；配合单位：区生态环境分局）',
    '',
    '4. 强化数据安全管理。开展数据安全风险评估。（牵头单位：区政务服务数据管理局；配合单位：区委网信办）',
    '',
    '    各牵头单位要对照工作要点细化年度计划，明确责任人和时间节点，于每季度结束后5个工作日内报送进展情况。',
  ];

  test('the closing paragraph is no part of the last task: not its text, nor its lines', () => {
    const doc = parseDocument('district.txt', items.join('\n'));
    const last = doc.tasks[doc.tasks.length - 1];
    expect(doc.tasks.map((t) => t.path)).toEqual(['一.1', '一.2', '一.3', '一.4']);
    expect(last.text).not.toContain('各牵头单位要对照');
    expect(last.text).toContain('区委网信办');
    expect(last.lineEnd).toBe(9);
    expect(last.units.map((u) => `${u.role}:${u.raw}`)).toEqual(['lead:区政务服务数据管理局', 'co:区委网信办']);
  });

  test('where items put the clause after the title and go on below it, their text stays whole', () => {
    const doc = parseDocument('title-clause.txt', [
      '某市数字政府建设实施方案',
      '一、重点任务',
      '1. 建设城市大脑（牵头单位：市数据局）',
      '整合各部门数据资源，建设城市运行指挥中心。',
      '2. 推进一网通办（牵头单位：市政务办）',
      '新增掌上可办事项100项。',
      '3. 建设数字乡村（牵头单位：市农业农村局）',
      '推进乡村数字化治理。',
    ].join('\n'));
    expect(doc.tasks.map((t) => t.text.includes('。'))).toEqual([true, true, true]);
    expect(doc.tasks[0].text).toContain('城市运行指挥中心');
  });
});
