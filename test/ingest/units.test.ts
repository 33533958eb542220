import { parseDocument } from '../../ingest';
import { clauseFreeText, extractUnits, firstListedLeads, splitUnits, standingUnits } from '../../ingest/units';
import { isCollective, unitKey } from '../../ingest/unit-identity';

const roles = (text: string, firstLeads = false) => extractUnits(text, firstLeads).units.map((u) => `${u.raw}:${u.role}`);

describe('responsibility clauses', () => {
  test('inline （责任单位：…） with nested brackets and an ASCII closing paren', () => {
    expect(roles('推进建设。（责任单位：市政务数据办、市级有关单位、各县（市、区））')).toEqual([
      '市政务数据办:responsible', '市级有关单位:responsible', '各县（市、区）:responsible',
    ]);
    expect(roles('推进建设。（责任单位：市经信局、市资规局、\n市建设局）')).toEqual(['市经信局:responsible', '市资规局:responsible', '市建设局:responsible']);
  });

  test('a 责任单位： line, after a sentence too', () => {
    expect(roles('推进建设。\n责任单位：市发改委、市经信局')).toEqual(['市发改委:responsible', '市经信局:responsible']);
    expect(roles('推进建设。责任单位：市发改委，市政府有关部门（单位）')).toEqual(['市发改委:responsible', '市政府有关部门（单位）:responsible']);
  });

  test('牵头/协同 give lead and co, trailing 等 dropped, order kept', () => {
    const { units } = extractUnits('（牵头单位：省疫情防控办、省卫生健康委；协同单位：省农业农村厅、杭州海关等）', false);
    expect(units).toEqual([
      { raw: '省疫情防控办', role: 'lead', order: 1 },
      { raw: '省卫生健康委', role: 'lead', order: 2 },
      { raw: '省农业农村厅', role: 'co', order: 3 },
      { raw: '杭州海关', role: 'co', order: 4 },
    ]);
    expect(roles('（牵头单位：市发改委；配合单位：市财政局）')).toEqual(['市发改委:lead', '市财政局:co']);
  });

  test('"列第一为牵头单位" and "（牵头）" markers', () => {
    expect(firstListedLeads('责任单位：A（列第一为牵头单位；以下均为责任单位）')).toBe(true);
    expect(firstListedLeads('责任单位：市发改委、市经信局')).toBe(false);
    expect(roles('责任单位：市大数据局、市发改委，各区、县（市）政府（列第一为牵头单位；以下各区、县〔市〕政府均为责任单位，不再列出）', true)).toEqual([
      '市大数据局:lead', '市发改委:co', '各区、县（市）政府:co',
    ]);
    expect(roles('（责任单位：市经信局、市发改委（牵头）、市商务局）')).toEqual(['市经信局:co', '市发改委:lead', '市商务局:co']);
  });

  test('phrases that are not part of a unit name are dropped', () => {
    expect(splitUnits('市政府办公室、各县（市、区）政府按职责分工负责')).toEqual(['市政府办公室', '各县（市、区）政府']);
  });

  test('names run together with nothing between (a cell printing one unit per line, read from a PDF) are parted', () => {
    expect(splitUnits('县政务服务中心各乡镇（街道）')).toEqual(['县政务服务中心', '各乡镇（街道）']);
    expect(splitUnits('县发展和改革局县统计局、县委办县府办')).toEqual(['县发展和改革局', '县统计局', '县委办', '县府办']);
    expect(splitUnits('各乡镇（街道）县公安局')).toEqual(['各乡镇（街道）', '县公安局']);
    // one name each: no organisation ends before 办公室, 市场, 组织部, 交通警察支队; 各区 is none; 各部门 are the government's
    for (const one of ['市政府办公室', '县市场监管局', '县委组织部', '市公安局交通警察支队', '各区（市）县政府', '省政府各部门', '省安委会各成员单位']) expect(splitUnits(one)).toEqual([one]);
  });
});

describe('unit identity', () => {
  test('abbreviations of the same body share a key', () => {
    expect(unitKey('市发展改革委')).toBe(unitKey('市发改委'));
    expect(unitKey('市发展和改革委员会')).toBe(unitKey('市发改委'));
    expect(unitKey('市人力社保局')).toBe(unitKey('市人社局'));
    expect(unitKey('市人力资源和社会保障局')).toBe(unitKey('市人社局'));
    expect(unitKey('市自然资源和规划局')).toBe(unitKey('市资规局'));
    expect(unitKey('市发改委〔市社建委〕')).toBe(unitKey('市发改委'));
    expect(unitKey('市政法委')).toBe(unitKey('市委政法委'));
    expect(unitKey('省人力社保厅')).toBe(unitKey('省人社厅'));
  });

  test('different bodies never share a key', () => {
    const names = ['市发改委', '市经信局', '市人社局', '市人力社保局', '市财政局', '市委办公室', '市政府办公室', '市委网信办', '市委改革办',
      '市大数据局', '市政务数据办', '市政务服务办', '市市场监管局', '市建设局', '市交通运输局', '市生态环境局', '市卫生健康委', '省人社厅', '省建设厅',
      '市统计局', '市税务局', '市法院', '市检察院', '市应急管理局', '市消防救援支队', '各县（市、区）政府', '市级有关单位', '市级有关部门'];
    const keys = new Map<string, string[]>();
    for (const n of names) keys.set(unitKey(n), [...(keys.get(unitKey(n)) ?? []), n]);
    expect([...keys.values()].filter((g) => g.length > 1)).toEqual([['市人社局', '市人力社保局']]);
  });

  test('a name printed in traditional characters is the same body (省財政廳 = 省财政厅)', () => {
    expect(unitKey('省財政廳', { level: 'province' })).toBe(unitKey('省财政厅', { level: 'province' }));
    expect(unitKey('省政府辦公廳', { level: 'province' })).toBe(unitKey('省政府办公厅', { level: 'province' }));
    expect(unitKey('省發展改革委', { level: 'province' })).toBe(unitKey('省发改委', { level: 'province' }));
  });

  test('collective units', () => {
    for (const c of ['各县（市、区）政府', '市级有关单位', '省安委会各成员单位', '新型城镇化专班成员单位', '省政府各部门', '市政府相关部门', '有关县市区政府']) {
      expect(isCollective(c)).toBe(true);
    }
    for (const c of ['市发改委', '嘉善县', '市级数据中心', '杭州海关']) expect(isCollective(c)).toBe(false);
  });
});

describe('every clause form (issue 11.1)', () => {
  test('full- and half-width punctuation, traditional characters', () => {
    expect(roles('(牵头单位:市行政审批服务局;责任单位:市直有关部门、单位,各区市政府)')).toEqual(['市行政审批服务局:lead', '市直有关部门、单位:co', '各区市政府:co']);
    expect(roles('（牽頭單位：省財政廳；協同單位：省商務廳）')).toEqual(['省財政廳:lead', '省商務廳:co']);
  });

  test('role verbs: 牵头 / 配合 / 负责落实 / 分别负责落实, in brackets and as a whole line', () => {
    expect(roles('推进建设。（市工业和信息化局牵头，市住房城乡建设局配合）')).toEqual(['市工业和信息化局:lead', '市住房城乡建设局:co']);
    expect(roles('推进建设。（市政府办公厅牵头，各区政府、市政府各部门负责落实）')).toEqual(['市政府办公厅:lead', '各区政府:co', '市政府各部门:co']);
    expect(roles('推进建设。（市数据局、市发展改革委分别负责落实）')).toEqual(['市数据局:responsible', '市发展改革委:responsible']);
    expect(roles('推进建设。\n市发改委、市人力社保局、团市委配合落实')).toEqual(['市发改委:co', '市人力社保局:co', '团市委:co']);
    expect(roles('落实等级保护制度，市委网信办、市公安局按职责分工负责。')).toEqual(['市委网信办:responsible', '市公安局:responsible']);
  });

  test('a bracket that is no clause stays text', () => {
    expect(roles('推进开发区（园区）整合提升，实施（试点）工程。')).toEqual([]);
    expect(roles('由市发改委牵头研究制定方案。')).toEqual([]);
  });

  test('several clauses in one task, own-line blocks, a list on the next line', () => {
    expect(roles('推进建设。\n牵头单位：市信息化办\n责任单位：市司法局;市审计局\n完成时限：2009年10月底')).toEqual(['市信息化办:lead', '市司法局:co', '市审计局:co']);
    expect(roles('推进建设。（责任单位：市发改委）完善机制。（责任单位：市财政局）')).toEqual(['市发改委:responsible', '市财政局:responsible']);
    expect(roles('推进建设。\n责任单位：\n市发改委、市财政局')).toEqual(['市发改委:responsible', '市财政局:responsible']);
  });

  test('deadline fields and persons are task fields, never units', () => {
    const f = extractUnits('推进建设。\n牵头市领导：张三\n牵头单位：市发改委\n时限要求：2024年6月底前', false);
    expect(f.units.map((u) => u.raw)).toEqual(['市发改委']);
    expect(f.deadline).toBe('2024年6月底前');
    expect(f.leader).toBe('张三');
    expect(extractUnits('[责任单位：市数据局；完成时间：2024年12月]', false).deadline).toBe('2024年12月');
  });

  test('input cut mid-list leaves no fragment unit', () => {
    expect(roles('稳企业。\n牵头单位：省发展改革委、省经信厅、省发展改')).toEqual(['省发展改革委:lead', '省经信厅:lead']);
  });

  test('"以下…不再列出" names the units every later task carries', () => {
    expect(standingUnits('（牵头单位：市行政审批服务局。以下任务均需各区市政府、开发区管委落实,不再一一列出）')).toEqual(['各区市政府', '开发区管委']);
    expect(standingUnits('（列第一为牵头单位；以下各区、县〔市〕政府均为责任单位，不再列出）')).toEqual(['各区、县〔市〕政府']);
    expect(standingUnits('推进建设。（责任单位：市发改委）')).toEqual([]);
  });

  test('the clause-free body drops every clause and field', () => {
    const text = '推进建设，形成机制。（牵头单位：市发改委；配合单位：市财政局）\n完成时限：2025年底';
    expect(clauseFreeText(text)).toBe('推进建设，形成机制。');
  });
});

test('a "first listed leads" note applies from the top-level section where it stands onward', () => {
  const text = '某市推进数字政府建设实施方案\n一、夯实基础\n1.任务一。（责任单位：市发改委、市财政局）\n二、深化应用\n2.任务二。（责任单位：市经信局、市公安局。列第一位的为牵头单位，下同）\n3.任务三。（责任单位：市民政局、市人社局）';
  const doc = parseDocument('note.txt', text);
  expect(doc.tasks.map((t) => t.units.map((u) => `${u.raw}:${u.role}`))).toEqual([
    ['市发改委:responsible', '市财政局:responsible'],
    ['市经信局:lead', '市公安局:co'],
    ['市民政局:lead', '市人社局:co'],
  ]);
});

describe('units of a plan that names no region', () => {
  const plan = (lead: string) => `（一）推进政务公开。完善政务公开清单。（${lead}牵头，各区政府负责落实）\n（二）建设政府网站。统一网站平台。（${lead}牵头）\n`;
  const unitsOf = (file: string, text: string) => parseDocument(file, text).graph.nodes.filter((n) => n.labels.includes('Unit'));

  test('are scoped to the plan: two such plans never share a unit node, and no region is made up', () => {
    const a = unitsOf('a.txt', plan('市政府办公厅'));
    const b = unitsOf('b.txt', plan('市政府办公厅'));
    const office = (us: typeof a) => us.find((u) => u.properties.name === '市政府办公厅');
    expect(office(a)?.id).toBe('unit:未知地区·a.txt/市政府办');
    expect(office(b)?.id).toBe('unit:未知地区·b.txt/市政府办');
    expect(office(a)?.properties.region ?? null).toBeNull();
  });
});


test('ASCII double quotes around Chinese are the plan’s quotation marks: a quoted application is found either way', () => {
  const plan = (q: [string, string]) => parseDocument('plan.txt', `某县2025年数字政府建设工作要点\n一、重点任务\n1.推进${q[0]}安吉办${q[1]}掌上服务平台迭代升级。（牵头单位：县大数据发展中心）\n`);
  const apps = (q: [string, string]) => plan(q).tasks[0].applications.map((a) => a.name);
  expect(apps(['"', '"'])).toEqual(apps(['“', '”']));
  expect(apps(['"', '"'])).toEqual(['“安吉办”掌上服务平台']);
});
