/** Hand-built inputs for the classifier, the scorer, alignment selection and the views. */
import { selectAlignments, scoreCrossPlanPairs, unitType } from '../../analysis/align';
import { classifyTask } from '../../analysis/domains';
import { implementsGraph } from '../../analysis/implements';
import { sharedApplications, targetsByYear, unitWorkload, planComparison } from '../../analysis/views';
import type { GraphData, GraphNode, GraphRelationship } from '../../graph/model';

const task = (plan: string, path: string, title: string, text: string, section: string[] = []): GraphNode => ({
  id: `${plan}/${path}`,
  labels: ['Task'],
  properties: { path, title, text, kind: 'task', section, years: [], sourceFile: `${plan}.txt`, lineStart: 1, lineEnd: 1, planId: plan },
});
const plan = (id: string, level: 'city' | 'province', region: string): GraphNode => ({ id, labels: ['Plan'], properties: { title: id, level, region, sourceFile: null } });
const unit = (id: string, name: string, region: string): GraphNode => ({ id, labels: ['Unit'], properties: { name, aliases: [name], region, collective: false } });
const rel = (type: GraphRelationship['type'], start: string, end: string, properties: GraphRelationship['properties'] = {}): GraphRelationship => ({ type, start, end, properties });

describe('classifyTask', () => {
  test('a heading naming a function decides, innermost first', () => {
    expect(classifyTask({ section: ['二、提升履职能力', '（二）提升市场监管能力'], title: '建设养老平台', text: '养老 养老', kind: 'task' })).toMatchObject({ domain: '市场监管', source: 'section' });
  });
  test('without one, title keywords outweigh body keywords', () => {
    expect(classifyTask({ section: ['三、助推发展'], title: '撬动数字经济发展', text: '推进数据开放、数据共享', kind: 'task' })).toMatchObject({ domain: '经济调节', source: 'title' });
  });
  test('a safeguard heading is a prior that strong security text overrides', () => {
    expect(classifyTask({ section: ['四、保障措施'], title: '加强组织领导', text: '成立专班', kind: 'measure' }).domain).toBe('组织保障');
    expect(classifyTask({ section: ['五、全方位保障'], title: '强化安全监管责任', text: '等级保护、密码评估、网络安全、数据安全', kind: 'task' }).domain).toBe('数据与平台支撑');
  });
  test('responsibility clauses do not vote; nothing matched falls back by kind', () => {
    expect(classifyTask({ section: [], title: '打造区域协调发展应用', text: '（牵头单位：省发展改革委；协同单位：推进工作领导小组成员单位、领导小组、领导小组）', kind: 'task' }).domain).toBe('经济调节');
    expect(classifyTask({ section: [], title: '其他', text: '无', kind: 'measure' })).toMatchObject({ domain: '组织保障', source: 'default' });
  });
});

describe('unitType', () => {
  test('the same body across cities and levels shares a type', () => {
    expect(unitType('市大数据局')).toBe(unitType('市政务数据办'));
    expect(unitType('省大数据局')).toBe(unitType('市大数据局'));
    expect(unitType('省生态环境厅')).toBe(unitType('市生态环境局'));
    expect(unitType('市公安局')).not.toBe(unitType('市司法局'));
  });
});

// Two cities and a province; A1~B1 and A2~B2 by text, shared unit and app.
const graph: GraphData = {
  nodes: [
    plan('plan:A', 'city', '甲市'),
    plan('plan:B', 'city', '乙市'),
    plan('plan:P', 'province', '浙江省'),
    task('plan:A', '1', '守住网络安全底线', '健全网络安全责任体系，建设政务网络安全运营中心。'),
    task('plan:A', '2', '深化智慧养老服务', '建设智慧养老服务平台，推广居家养老上门服务。'),
    task('plan:B', '1', '提升网络安全保障能力', '网络安全运营中心常态化运作，强化政务网络安全监管。'),
    task('plan:B', '2', '完善养老服务体系', '智慧养老服务平台覆盖全市，推进居家养老。'),
    task('plan:P', '1', '加强网络安全保障', '提升网络安全主动防御能力，建设网络安全运营中心。'),
    unit('unit:甲市/市大数据局', '市大数据局', '甲市'),
    unit('unit:乙市/市政务数据办', '市政务数据办', '乙市'),
    { id: 'app:智慧养老服务平台', labels: ['Application'], properties: { name: '智慧养老服务平台', aliases: [], tier: null } },
    { id: 'plan:A/1#target1', labels: ['Target'], properties: { metric: '覆盖率', value: 100, unit: '%', comparator: '=', year: 2025, text: '' } },
    { id: 'plan:B#target1', labels: ['Target'], properties: { metric: '应用', value: 10, unit: '个', comparator: '=', year: null, text: '' } },
  ],
  relationships: [
    rel('RESPONSIBLE_FOR', 'unit:甲市/市大数据局', 'plan:A/1', { role: 'responsible', order: 1 }),
    rel('RESPONSIBLE_FOR', 'unit:乙市/市政务数据办', 'plan:B/1', { role: 'lead', order: 1 }),
    rel('RESPONSIBLE_FOR', 'unit:乙市/市政务数据办', 'plan:B/2', { role: 'co', order: 2 }),
    rel('IMPLEMENTS', 'app:智慧养老服务平台', 'plan:A/2'),
    rel('IMPLEMENTS', 'app:智慧养老服务平台', 'plan:B/2'),
    rel('HAS_TARGET', 'plan:A/1', 'plan:A/1#target1'),
    rel('HAS_TARGET', 'plan:B', 'plan:B#target1'),
  ],
};

describe('pair scoring and alignment selection', () => {
  test('without embeddings the method says char-bigram-tfidf; shared units and apps are recorded', () => {
    const pairs = scoreCrossPlanPairs(graph);
    expect(pairs[0].method).toBe('char-bigram-tfidf');
    const ab1 = pairs.find((p) => p.a === 'plan:A/1' && p.b === 'plan:B/1')!;
    expect(ab1.sharedUnits).toEqual(['数据局']);
    const ab2 = pairs.find((p) => p.a === 'plan:A/2' && p.b === 'plan:B/2')!;
    expect(ab2.sharedApplications).toEqual(['智慧养老服务平台']);
    expect(ab1.score).toBeGreaterThan(pairs.find((p) => p.a === 'plan:A/1' && p.b === 'plan:B/2')!.score);
  });

  test('with embeddings for every task the method is embedding (centred cosine)', () => {
    const v = (x: number[]) => Float32Array.from(x);
    const emb = new Map([
      ['plan:A/1', v([1, 0, 0.1])],
      ['plan:A/2', v([0, 1, 0.1])],
      ['plan:B/1', v([0.9, 0.1, 0.1])],
      ['plan:B/2', v([0.1, 0.9, 0.1])],
      ['plan:P/1', v([0.8, 0, 0.1])],
    ]);
    const pairs = scoreCrossPlanPairs(graph, emb);
    expect(pairs.every((p) => p.method === 'embedding')).toBe(true);
    const best = pairs.filter((p) => p.a === 'plan:A/2' && p.b.startsWith('plan:B/')).sort((x, y) => y.score - x.score)[0];
    expect(best.b).toBe('plan:B/2');
  });

  test('selection keeps mutual best matches above the threshold only', () => {
    const mk = (a: string, b: string, score: number) => ({ a, b, score, similarity: score, method: 'embedding' as const, sharedUnits: [], sharedApplications: [] });
    const planOf = (id: string) => id.split('/')[0];
    const pairs = [mk('A/1', 'B/1', 0.9), mk('A/2', 'B/1', 0.8), mk('A/2', 'B/2', 0.5), mk('A/3', 'B/3', 0.2)];
    // A/2's best in B is B/1, whose best in A is A/1: A/2 pairs with nothing at k=1.
    expect(selectAlignments(pairs, planOf, 0.3).map((p) => `${p.a}-${p.b}`)).toEqual(['A/1-B/1']);
    expect(selectAlignments(pairs, planOf, 0.3, 2).map((p) => `${p.a}-${p.b}`)).toEqual(['A/1-B/1', 'A/2-B/1', 'A/2-B/2']);
  });

  test('city tasks implement the provincial task they share most with, with evidence in words', () => {
    const edges = implementsGraph(graph, { threshold: 0.1 }).relationships;
    const e = edges.find((r) => r.start === 'plan:A/1')!;
    expect(e).toMatchObject({ type: 'IMPLEMENTS', end: 'plan:P/1' });
    expect((e.properties.evidence as string[])[0]).toMatch(/^字面相似度 /);
    expect((e.properties.sharedTerms as string[]).some((t) => t.includes('网络安全'))).toBe(true);
    expect(edges.some((r) => r.start.startsWith('plan:P'))).toBe(false);
  });
});

describe('views over hand-built graph data', () => {
  test('unitWorkload finds the same unit type across cities, led vs shared', () => {
    const w = unitWorkload(graph, '市大数据局');
    const byRegion = Object.fromEntries(w.units.map((u) => [u.unit.region, [u.led, u.shared]]));
    expect(byRegion).toEqual({ 甲市: [1, 0], 乙市: [1, 1] });
  });

  test('sharedApplications lists apps named by two plans', () => {
    expect(sharedApplications(graph).map((a) => [a.name, a.planCount])).toEqual([['智慧养老服务平台', 2]]);
  });

  test('targetsByYear groups by year with null last, owners resolved to plans', () => {
    const years = targetsByYear(graph);
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2025, 1],
      [null, 1],
    ]);
    expect((years[1].targets[0] as { plan: { planId: string } }).plan.planId).toBe('plan:B');
  });

  test('planComparison by topic returns matching tasks per plan, provincial plan first', () => {
    const c = planComparison(graph, { topic: '网络安全' });
    expect(c.plans.map((p) => [p.planId, p.tasks.map((t) => t.path)])).toEqual([
      ['plan:P', ['1']],
      ['plan:A', ['1']],
      ['plan:B', ['1']],
    ]);
  });
});
