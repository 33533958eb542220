import { extractUnits, firstListedLeads, splitUnits } from '../../ingest/units';
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

  test('collective units', () => {
    for (const c of ['各县（市、区）政府', '市级有关单位', '省安委会各成员单位', '新型城镇化专班成员单位', '省政府各部门', '市政府相关部门', '有关县市区政府']) {
      expect(isCollective(c)).toBe(true);
    }
    for (const c of ['市发改委', '嘉善县', '市级数据中心', '杭州海关']) expect(isCollective(c)).toBe(false);
  });
});
