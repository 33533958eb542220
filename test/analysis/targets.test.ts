import fs from 'node:fs';
import path from 'node:path';
import { extractTargets, mainGoalText, targetGraph } from '../../analysis/targets';
import type { GraphData } from '../../graph/model';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const seed = (prefix: string) => fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

describe('extractTargets (hand-built sentences)', () => {
  test('rate with 达到…以上: metric without quotes, value, %, ≥, deadline year', () => {
    const [t] = extractTargets('到2025年底，“一网通办”率达到95%以上。');
    expect(t).toMatchObject({ metric: '一网通办率', value: 95, unit: '%', comparator: '≥', year: 2025 });
  });

  test('comparators: 突破/超过 are >, 以内 is ≤, 左右 is ≈, plain 达到 is =', () => {
    const got = extractTargets('增加值突破400亿元，日活用户数超过240万，误差控制在5%以内，打造5个左右样板，覆盖率达到100%。');
    expect(got.map((t) => [t.metric, t.value, t.unit, t.comparator])).toEqual([
      ['增加值', 400, '亿元', '>'],
      ['日活用户数', 240, '万', '>'],
      ['误差', 5, '%', '≤'],
      ['样板', 5, '个', '≈'],
      ['覆盖率', 100, '%', '='],
    ]);
  });

  test('a list of counts gives one target per count, each with its own metric', () => {
    const got = extractTargets('到2025年底高标准建设130个省级未来社区、100个省级未来乡村和100个省级城乡风貌样板区。');
    expect(got.map((t) => [t.metric, t.value, t.unit, t.year])).toEqual([
      ['省级未来社区', 130, '个', 2025],
      ['省级未来乡村', 100, '个', 2025],
      ['省级城乡风貌样板区', 100, '个', 2025],
    ]);
  });

  test('one verb serves a list of counted things; 新增 is a verb, a verb alone names no metric', () => {
    expect(extractTargets('力争到2025年，建成智能制造示范集群10个，分行业产业大脑10个，新增数字化园区50个。').map((t) => [t.metric, t.value, t.unit, t.year])).toEqual([
      ['智能制造示范集群', 10, '个', 2025],
      ['分行业产业大脑', 10, '个', 2025],
      ['数字化园区', 50, '个', 2025],
    ]);
    expect(extractTargets('扎实推进新增22项“跨省通办”事项在政务服务大厅落地。')[0].metric).toMatch(/^跨省通办事项/);
  });

  test('将/把 before a scope: the thing counted follows the number; before a metric: the metric stays', () => {
    expect(extractTargets('规范平台经济发展，将全市超 20 万家网店纳入监测，加强直播带货等新业态领域监管。').map((t) => [t.metric, t.value, t.unit, t.comparator])).toEqual([['网店纳入监测', 20, '万家', '>']]);
    expect(extractTargets('到2025年将一网通办率提高到95%以上。').map((t) => [t.metric, t.value, t.comparator, t.year])).toEqual([['一网通办率', 95, '≥', 2025]]);
  });

  test('a verb that makes the counted thing at the end of what comes before: the thing follows the number', () => {
    expect(extractTargets('力争在医疗、交通、教育、助残等重点领域推出 10 个以上优质服务专区。').map((t) => [t.metric, t.value, t.comparator])).toEqual([['优质服务专区', 10, '≥']]);
    expect(extractTargets('各县（市、区）每季度推出1个数据开放创新应用。').map((t) => t.metric)).toEqual(['数据开放创新应用']);
  });

  test('numbers that are not goals are ignored: dates, versions, names, baselines', () => {
    expect(extractTargets('2023年9月召开会议，建设平台2.0版本，推进G60科创走廊和5G建设，在41个多部门联办事项基础上')).toEqual([]);
  });

  test('a year carries within its sentence for tasks, across the paragraph for plan goals', () => {
    const text = '到2025年，建成平台。覆盖率达到100%。';
    expect(extractTargets(text, 'sentence')[0].year).toBeNull();
    expect(extractTargets(text, 'paragraph')[0].year).toBe(2025);
  });
});

describe('Jiaxing (000) 主要目标 paragraph', () => {
  const goal = mainGoalText(seed('000'))!;

  test('the paragraph is found, page break re-joined, and stops before the next section', () => {
    expect(goal.startsWith('到2025年')).toBe(true);
    expect(goal).toContain('“掌上办公之市”“掌上治理之市”。着力打造');
    expect(goal).not.toContain('以数字化改革提升政府履职能力');
  });

  test('every quantified target is extracted with its value, unit, comparator and year 2025', () => {
    const got = extractTargets(goal, 'paragraph').map((t) => [t.metric, t.value, t.unit, t.comparator, t.year]);
    expect(got).toEqual([
      ['一网通办率', 95, '%', '≥', 2025],
      ['跨省通办事项纳入长三角一网通办', 100, '%', '=', 2025],
      ['一网统管部门覆盖率', 100, '%', '=', 2025],
      ['掌上执法率', 100, '%', '=', 2025],
      ['重大应用', 10, '个', '=', 2025],
    ]);
  });
});

describe('other plans’ goal paragraphs', () => {
  test('Shaoxing (001): 万/亿 units and counts after their noun', () => {
    const got = extractTargets(mainGoalText(seed('001'))!, 'paragraph');
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: '场景化多业务协同应用', value: 100, unit: '个' }),
        expect.objectContaining({ metric: '第五代移动通信（5G）基站', value: 2, unit: '万个', comparator: '≥' }),
        expect.objectContaining({ metric: '数据交易量', value: 100, unit: '亿条' }),
      ]),
    );
  });

  test('province (004): each deadline paragraph gives its own year', () => {
    const got = extractTargets(mainGoalText(seed('004'))!, 'paragraph').filter((t) => t.metric === '掌上执法率');
    expect(got.map((t) => [t.value, t.year])).toEqual([
      [90, 2021],
      [95, 2022],
    ]);
  });
});

describe('targetGraph', () => {
  test('links task and plan targets with stable ids; plans without a source get none', () => {
    const graph: GraphData = {
      nodes: [
        { id: 'plan:A', labels: ['Plan'], properties: { title: 'A', sourceFile: 'a.txt' } },
        { id: 'plan:B', labels: ['Plan'], properties: { title: 'B', sourceFile: null } },
        { id: 'plan:A/1', labels: ['Task'], properties: { title: 't', text: '到2023年底掌上执法率达到100%。', planId: 'plan:A' } },
      ],
      relationships: [],
    };
    const out = targetGraph(graph, (f) => (f === 'a.txt' ? '一、总体要求\n（二）主要目标。到2025年，建成10个应用。\n二、任务' : null));
    expect(out.nodes.map((n) => n.id).sort()).toEqual(['plan:A#target1', 'plan:A/1#target1']);
    expect(out.relationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'HAS_TARGET', start: 'plan:A', end: 'plan:A#target1' }),
        expect.objectContaining({ type: 'HAS_TARGET', start: 'plan:A/1', end: 'plan:A/1#target1' }),
      ]),
    );
    expect(out.nodes.find((n) => n.id === 'plan:A/1#target1')!.properties).toMatchObject({ metric: '掌上执法率', value: 100, year: 2023 });
  });
});
