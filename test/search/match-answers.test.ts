/**
 * On the real seeds (keyword + graph, no model): `match` on out-of-domain and in-domain
 * questions, typos and traditional characters, short jargon by exact match, graph answers
 * (targets, a unit's tasks by role, the plan of a document number), total and paging, and the
 * injected parts of createSearch (expansion, vector index, options).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { createSearch, NO_EXPANSION } from '../../search';
import { loadExpansion, tableExpansion } from '../../search/expand';
import { ExactIndex } from '../../search/exact-index';
import { classifyMatch } from '../../search/match';
import { SEARCH_DEFAULTS } from '../../search/options';
import { HashEmbedder } from './hash-embedder';
import { seedPipeline } from './seed-pipeline';

const ROOT = path.join(__dirname, '../..');
const questions = (file: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', file), 'utf8')) as { questions: { q: string }[] }).questions.map((x) => x.q);
const dev = (JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'queries-dev.json'), 'utf8')) as { q: string }[]).map((x) => x.q);

const seeds = seedPipeline('kg-match-');

const top = async (q: string, n = 3) => (await seeds.search.search(q)).results.slice(0, n).map((r) => `${String(r.node.properties.title)} ${String(r.node.properties.text)}`);

describe('match: strong | weak | none', () => {
  test('at least 90 % of the out-of-domain questions get none, with no results and nearest topics', async () => {
    const qs = questions('queries-ood.json');
    expect(qs.length).toBeGreaterThanOrEqual(40);
    const res = await Promise.all(qs.map((q) => seeds.search.search(q)));
    const none = res.filter((r) => r.match === 'none');
    console.log(`out-of-domain none: ${none.length}/${qs.length} (keyword + graph)`);
    expect(none.length / qs.length).toBeGreaterThanOrEqual(0.9);
    for (const r of none) {
      expect(r.results).toEqual([]);
      expect(r.total).toBe(0);
      expect(r.nearest.length).toBeGreaterThan(0);
    }
  });

  test('at most 3 % of the in-domain questions (dev and the extra set) get none', async () => {
    const qs = [...dev, ...questions('queries-indomain-extra.json')];
    const res = await Promise.all(qs.map((q) => seeds.search.search(q)));
    const none = res.filter((r) => r.match === 'none').map((r) => r.query);
    console.log(`in-domain none: ${none.length}/${qs.length} (keyword + graph) ${none.join(' | ')}`);
    expect(none.length / qs.length).toBeLessThanOrEqual(0.03);
  });

  test('the plans’ vocabulary is measured within the question’s words: a run of plan words is no foreign question', async () => {
    // 燃气泄漏火灾隐患: every word is the plans', only the bigrams across words (气泄, 灾隐) are not
    const r = await seeds.search.search('燃气泄漏、、火灾隐患   怎么提前 预警？？');
    expect(r.interpretation.evidence.vocabulary).toBeGreaterThan(0.6);
    expect(r.match).not.toBe('none');
    expect(r.results.slice(0, 3).some((x) => String(x.node.properties.text).includes('燃气'))).toBe(true);
  });

  test('coverage too is measured within the question’s words: a plan word beside a word the plans never use still counts', async () => {
    // 医保 is the plans' word, 报销 is not; the bigram across them (保报) is nobody's word and weighs nothing
    const r = await seeds.search.search('医保报销');
    expect(r.interpretation.evidence.coverage).toBeGreaterThan(SEARCH_DEFAULTS.match.noneCoverage);
    expect(r.match).not.toBe('none');
    expect(r.results.slice(0, 3).some((x) => String(x.node.properties.text).includes('医保'))).toBe(true);
  });

  test('the kinds of plan a question names are no topic for the gate: everyday plans are none', async () => {
    for (const q of ['马拉松训练计划怎么安排', '婚礼策划方案']) expect([q, (await seeds.search.search(q)).match]).toEqual([q, 'none']);
    for (const q of ['数字化改革方案', '数据开放的工作计划']) expect([q, (await seeds.search.search(q)).match]).not.toEqual([q, 'none']);
  });

  test('a Latin acronym the plans print is their word (IRS, GIS: jieba without HMM spells them letter by letter); Latin the plans never use is none, whatever the cosine', async () => {
    for (const q of ['IRS', 'GIS']) {
      const r = await seeds.search.search(q);
      expect([q, r.interpretation.evidence.vocabulary, r.match]).toEqual([q, 1, 'strong']);
      expect(String(r.results[0].node.properties.text).toLowerCase()).toContain(q.toLowerCase());
    }
    expect((await seeds.search.search('zxcvbnm 12345')).match).toBe('none');
    // with the model, bge-small-zh put that string at 0.58 from a task printing VOCs
    const gibberish = { linked: false, coverage: 0, vocabulary: 0, expansionHits: 0, expansionWords: 0, cosine: 0.58, chars: 12, chinese: false };
    expect(classifyMatch(gibberish, SEARCH_DEFAULTS.match)).toBe('none');
    expect(classifyMatch({ ...gibberish, chinese: true }, SEARCH_DEFAULTS.match)).not.toBe('none'); // Chinese is the model's to judge
  });

  test('expansions explain the question word by word: the terms of one everyday word are one word (宠物医院 → 医疗 就医 健康 医保)', async () => {
    const r = await seeds.search.search('家里的猫咪突然不爱吃饭还老是躲起来，是不是生病了要不要带去宠物医院？');
    const e = r.interpretation.evidence;
    expect(r.interpretation.expansion.table).toEqual(expect.arrayContaining(['医疗', '就医']));
    expect(e.expansionHits).toBeGreaterThanOrEqual(3);
    expect(e.expansionWords).toBeLessThan(e.expansionHits);
    expect(e.expansionWords).toBeLessThanOrEqual(2); // 医院 and 生病, the same four terms
    // with the model, a foreign question under the cosine floor is none unless expansions explain three of its words
    const pet = { linked: false, coverage: 0.094, vocabulary: 0.267, expansionHits: 4, expansionWords: 1, cosine: 0.484, chars: 23, chinese: true };
    expect(classifyMatch(pet, SEARCH_DEFAULTS.match)).toBe('none');
    expect(classifyMatch({ ...pet, expansionWords: 3 }, SEARCH_DEFAULTS.match)).not.toBe('none');
  });

  test('a linked unit or application is strong; an empty question after its question words is none', async () => {
    expect((await seeds.search.search('绍兴市公安局在方案里有哪些分工')).match).toBe('strong');
    expect((await seeds.search.search('浙里办')).match).toBe('strong');
    expect((await seeds.search.search('怎么办呢？')).match).toBe('none');
  });
});

describe('fusion that fits the question', () => {
  test('one-character typos of plan words are read as the plan word and find its tasks', async () => {
    const r = await seeds.search.search('浙里半');
    expect(r.interpretation.corrections).toEqual([{ from: '浙里半', to: '浙里办' }]);
    expect((await top('浙里半')).every((t) => t.includes('浙里办'))).toBe(true);
    const d = await seeds.search.search('数子化改革');
    expect(d.interpretation.corrections).toEqual([{ from: '数子化', to: '数字化' }]);
    expect((await top('数子化改革')).every((t) => t.includes('数字化'))).toBe(true);
    // a plan word and a one-character word that sounds like the missing character: a pinyin-input typo
    expect((await seeds.search.search('一网通半')).interpretation.corrections).toEqual([{ from: '一网通半', to: '一网通办' }]);
    expect((await top('一网通半 怎么推进')).some((t) => t.includes('一网通办'))).toBe(true);
    // a coined name a plan quotes once (“干事画像”) is a plan word too; two words that sound like it (感事|画像) are its typo
    expect((await seeds.search.search('感事画像')).interpretation.corrections).toEqual([{ from: '感事画像', to: '干事画像' }]);
    expect((await top('感事画像', 1))[0]).toContain('干事画像');
  });

  test('no correction of real words next to function characters, inside other words or made of words', async () => {
    for (const q of dev) expect((await seeds.search.search(q)).interpretation.corrections).toEqual([]);
    // 市场监督 is two words the plans do not write together (they say 市场监管): no typo, and the unit stays linked
    const r = await seeds.search.search('金华市市场监督管理局负责哪些工作');
    expect(r.interpretation.corrections).toEqual([]);
    expect(r.interpretation.entities.find((e) => e.type === 'unit')?.id).toBe('unit:金华市/市市场监管局');
    // a whole word with a one-character word at the span's edge is plain text: 满意|想, 嘉兴|到, 城市|建设|上
    for (const q of ['对政府办事不满意想吐槽', '嘉兴到2025年要建成多少个未来社区', '无废城市建设上有哪些数字化应用', '金华市统计局在数字政府建设中承担什么任务']) {
      expect((await seeds.search.search(q)).interpretation.corrections).toEqual([]);
    }
    // a span holding an application named as written is no typo of another one (浙里办|日活, not 浙里办票)
    const app = await seeds.search.search('浙里办日活用户要达到多少');
    expect(app.interpretation.corrections).toEqual([]);
    expect(app.interpretation.entities.filter((e) => e.type === 'application').map((e) => e.text)).toEqual(['浙里办']);
    // inside a run that is no word (雪|量|工程) the typo is still read: 雪量工程 → 雪亮工程
    expect((await seeds.search.search('雪量工程 街头摄像头')).interpretation.corrections).toEqual([{ from: '雪量工程', to: '雪亮工程' }]);
  });

  test('traditional characters find the same tasks as simplified', async () => {
    const ids = async (q: string) => (await seeds.search.search(q)).results.map((r) => r.node.id);
    expect(await ids('數字政府建設')).toEqual(await ids('数字政府建设'));
    expect(await ids('政務雲')).toEqual(await ids('政务云'));
  });

  test('a coined term the question holds is highlighted whole in the results', async () => {
    const r = await seeds.search.search('一网通办怎么推进');
    const withTerm = r.results.filter((x) => String(x.node.properties.text).includes('一网通办'));
    expect(withTerm.length).toBeGreaterThan(0);
    for (const x of withTerm) {
      const text = String(x.node.properties.text);
      const spans = x.highlights.filter((h) => h.field === 'text').map((h) => text.slice(h.start, h.end));
      expect(spans.some((s) => s.includes('一网通办'))).toBe(true);
    }
  });

  test('short coined terms found verbatim rank the tasks that use them first', async () => {
    const tasks = await seeds.pipeline.store.nodesByLabel('Task');
    for (const term of ['一件事', '最多跑一次', '雪亮工程', '双碳', '掌上执法']) {
      const holding = tasks.filter((t: { properties: Record<string, unknown> }) => `${String(t.properties.title)}${String(t.properties.text)}`.replace(/[“”"\s]/g, '').includes(term)).length;
      expect(holding).toBeGreaterThan(0);
      const first = await top(term, Math.min(3, holding));
      for (const t of first) expect(t.replace(/[“”"\s]/g, '')).toContain(term);
    }
  });
});

describe('answers from the graph, total and paging', () => {
  test('a target question lists the targets of that year with value, unit, plan and source', async () => {
    const r = await seeds.search.search('2025年要达到什么目标');
    const a = r.answers.find((x) => x.type === 'targets');
    expect(a).toBeDefined();
    if (a?.type !== 'targets') return;
    expect(a.total).toBeGreaterThan(5);
    expect(a.items.length).toBe(SEARCH_DEFAULTS.answers.targets);
    for (const t of a.items) {
      expect(t.year).toBe(2025);
      expect(t.metric).not.toBe('');
      expect(t.plan?.title).toMatch(/方案/);
      expect(t.source.file).toMatch(/\.txt$/);
    }
    expect(new Set(a.items.map((t) => t.plan?.id)).size).toBeGreaterThan(1); // every plan in turn
    // a target stated in a task cites the task's lines, one of a plan's goals paragraph the lines of
    // its paragraph: every item has source lines, and those lines of the file hold the target's clause
    for (const t of a.items) {
      expect(t.source.lineStart).not.toBeNull();
      const lines = fs.readFileSync(path.join(ROOT, 'seeds', path.basename(t.source.file!)), 'utf8').split(/\r?\n/);
      const cited = lines.slice(t.source.lineStart! - 1, t.source.lineEnd!).join('').replace(/\s+/g, '');
      expect(cited).toContain(t.text.replace(/\s+/g, ''));
    }
    expect(a.items.some((t) => t.owner.startsWith('plan:'))).toBe(true); // goals-paragraph targets are among them
  });

  test('a unit’s count question gets no targets; a unit’s target question gets the targets of its tasks; a measured metric named is a target question', async () => {
    const counts = await seeds.search.search('金华市大数据局和市发改委分别牵头多少项');
    expect(counts.answers.map((a) => a.type)).toEqual(['unit', 'unit']);
    const own = (await seeds.search.search('绍兴市大数据局要达到什么目标')).answers.find((a) => a.type === 'targets');
    if (own?.type !== 'targets') throw new Error('no targets');
    const unit = 'unit:绍兴市/市大数据局';
    const tasksOfUnit = new Set((await seeds.pipeline.store.tasksOfUnit(unit)).map((x) => x.task.id));
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((t) => tasksOfUnit.has(t.owner))).toBe(true);
    const rate = (await seeds.search.search('嘉兴2025年一网通办率')).answers.find((a) => a.type === 'targets');
    expect(rate?.type === 'targets' && rate.items.map((t) => `${t.metric} ${t.comparator}${t.value}${t.unit}`)[0]).toBe('一网通办率 ≥95%');
    // a metric that names a thing, not a measure, makes no target question
    expect((await seeds.search.search('有哪些重大应用')).answers.filter((a) => a.type === 'targets')).toEqual([]);
  });

  test('a topic narrows the targets to those about it', async () => {
    const r = await seeds.search.search('一网通办率要达到多少');
    const a = r.answers.find((x) => x.type === 'targets');
    if (a?.type !== 'targets') throw new Error('no target answer');
    for (const t of a.items) expect(`${t.metric}${t.text}`).toMatch(/一网通办|通办/);
  });

  test('a plan named by its kind or its title’s words is no topic: its targets answer, and they are a strong match', async () => {
    const targetsOf = async (q: string) => {
      const r = await seeds.search.search(q);
      const a = r.answers.find((x) => x.type === 'targets');
      if (a?.type !== 'targets') throw new Error(`no target answer for ${q}`);
      return { r, plans: new Set(a.items.map((t) => t.plan?.title)) };
    };
    const jh = await targetsOf('金华的方案有哪些目标');
    expect([...jh.plans]).toEqual(['金华市深化数字政府建设实施方案']);
    expect(jh.r.match).toBe('strong');
    // the question asks for 金华's plan: its tasks are the results, with no note that 金华 says little on it
    expect(jh.r.results.every((x) => x.node.properties.planId === 'plan:金政发〔2022〕26号')).toBe(true);
    expect(jh.r.interpretation.notes.join(' ')).not.toContain('没有与此直接相关');
    expect([...(await targetsOf('金华数字政府方案的目标')).plans]).toEqual(['金华市深化数字政府建设实施方案']);
    // of 嘉兴's two plans, the one whose title the question's words are
    expect([...(await targetsOf('嘉兴数字政府建设实施方案的主要目标是什么')).plans]).toEqual(['嘉兴市加快推进数字政府建设实施方案']);
    expect([...(await targetsOf('嘉兴数字化转型方案的目标')).plans]).toEqual(['2020年嘉兴市政府数字化转型工作实施方案']);
  });

  test('a year no target of the region is of: the targets whose plan states no year, the card claiming no year', async () => {
    const r = await seeds.search.search('金华到2025年的主要目标有哪些');
    const a = r.answers.find((x) => x.type === 'targets');
    if (a?.type !== 'targets') throw new Error('no target answer');
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items.every((t) => t.plan?.title === '金华市深化数字政府建设实施方案' && t.year === null)).toBe(true);
    expect(a.years).toEqual([]);
  });

  test('a target question across plans gives each plan’s targets in turn', async () => {
    const r = await seeds.search.search('各地到2025年的主要目标');
    const a = r.answers.find((x) => x.type === 'targets');
    if (a?.type !== 'targets') throw new Error('no target answer');
    const plans = a.items.map((t) => t.plan?.id);
    expect(new Set(plans.slice(0, 2)).size).toBe(2); // not one plan's list first
    for (let i = 1; i < plans.length; i++) if (plans[i] === plans[i - 1]) expect(new Set(plans.slice(i)).size).toBe(1);
  });

  test('a unit question gives the unit and its tasks with counts by role', async () => {
    const r = await seeds.search.search('绍兴市公安局在方案里有哪些分工');
    const a = r.answers.find((x) => x.type === 'unit');
    if (a?.type !== 'unit') throw new Error('no unit answer');
    expect(a.unit).toMatchObject({ name: '市公安局', region: '绍兴市' });
    const tasks = (await seeds.pipeline.store.tasksOfUnit(a.unit.id)).length;
    expect(a.byRole.lead + a.byRole.co + a.byRole.responsible).toBe(tasks);
    expect(a.total).toBe(tasks);
  });

  test('a unit question\'s total counts the unit\'s tasks, not tasks whose text says 负责 or 分工; its name expands no everyday word', async () => {
    for (const q of ['绍兴发改委有哪些分工', '嘉兴市人力社保局负责哪些任务', '省人社厅协同哪些任务']) {
      const r = await seeds.search.search(q);
      const a = r.answers.find((x) => x.type === 'unit');
      if (a?.type !== 'unit') throw new Error(`no unit answer for ${q}`);
      const tasks = (await seeds.pipeline.store.tasksOfUnit(a.unit.id)).length;
      // the graph answers it with no topic word of its own: just the unit's tasks, no page of other candidates
      expect(r.total).toBe(tasks);
      expect(r.results.length).toBe(Math.min(tasks, SEARCH_DEFAULTS.limits.kDefault));
      expect(r.interpretation.expansion.table).toEqual([]); // 社保 of 人力社保局 is part of the name
    }
    expect((await seeds.search.search('社保怎么交')).interpretation.expansion.table).toContain('社会保障');
    // with no unit named, 参与 is a topic word: its tasks count
    expect((await seeds.search.search('引导社会力量参与')).total).toBeGreaterThan((await seeds.search.search('引导社会力量')).total);
  });

  test('an application question gives its tasks, plans and responsible units, those that lead most first', async () => {
    const r = await seeds.search.search('城市大脑由哪些单位负责');
    const a = r.answers.find((x) => x.type === 'application');
    if (a?.type !== 'application') throw new Error('no application answer');
    expect(a.application.name).toBe('城市大脑');
    const graph = await seeds.pipeline.store.exportAll();
    const implementing = graph.relationships.filter((x) => x.type === 'IMPLEMENTS' && x.start === a.application.id).map((x) => x.end);
    expect(a.total).toBe(implementing.length);
    expect(a.plans.reduce((n, p) => n + p.tasks, 0)).toBe(implementing.length);
    // every unit listed is responsible for one of those tasks, as often as it says
    for (const u of a.units) {
      const own = graph.relationships.filter((x) => x.type === 'RESPONSIBLE_FOR' && x.start === u.id && implementing.includes(x.end));
      expect(own.length).toBe(u.tasks);
      expect(u.leads).toBeLessThanOrEqual(u.tasks);
    }
    const order = a.units.map((u) => [u.leads, u.tasks]);
    expect(order).toEqual([...order].sort((x, y) => y[0] - x[0] || y[1] - x[1]));
    expect(a.units[0].leads).toBeGreaterThan(0);
  });

  test('a question for the units with the most tasks ranks them in the region named, by the role asked', async () => {
    const graph = await seeds.pipeline.store.exportAll();
    const jx = new Set(graph.nodes.filter((n) => n.labels.includes('Plan') && n.properties.region === '嘉兴市').map((n) => n.id));
    const r = await seeds.search.search('嘉兴哪个部门牵头的任务最多');
    const a = r.answers.find((x) => x.type === 'units');
    if (a?.type !== 'units') throw new Error('no units answer');
    expect(a).toMatchObject({ role: 'lead', regions: ['嘉兴市'] });
    expect(a.items.every((u) => u.region === '嘉兴市')).toBe(true);
    expect(a.items.map((u) => u.leads)).toEqual([...a.items.map((u) => u.leads)].sort((x, y) => y - x));
    // the first unit's counts are the graph's: its RESPONSIBLE_FOR edges to tasks of 嘉兴's plans
    const first = a.items[0];
    const tasksOf = graph.relationships.filter((x) => x.type === 'RESPONSIBLE_FOR' && x.start === first.id).map((x) => graph.nodes.find((n) => n.id === x.end)!);
    expect(first.tasks).toBe(tasksOf.filter((t) => jx.has(String(t.properties.planId))).length);
    // without 牵头 the ranking is by all tasks; a named unit or application has its own card instead
    const all = (await seeds.search.search('任务最多的单位')).answers.find((x) => x.type === 'units');
    expect(all?.type === 'units' && all.items.map((u) => u.tasks)).toEqual(all?.type === 'units' && [...all.items.map((u) => u.tasks)].sort((x, y) => y - x));
    expect((await seeds.search.search('哪个单位负责的城市大脑任务最多')).answers.map((x) => x.type)).not.toContain('units');
    expect((await seeds.search.search('最多跑一次改革')).answers.map((x) => x.type)).not.toContain('units');
  });

  test('a question about the plans themselves answers with them: a region’s, all of them in one list, or the one a title names', async () => {
    const when = await seeds.search.search('绍兴的方案是什么时候印发的');
    expect(when.match).toBe('strong'); // the graph answers it, though the plans never write 什么时候
    const [card] = when.answers;
    expect(card).toMatchObject({ type: 'plan', plan: { region: '绍兴市', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect((await seeds.search.search('金华有哪些方案')).answers.map((a) => a.type === 'plan' && a.plan.region)).toEqual(['金华市']);
    expect((await seeds.search.search('嘉兴的方案有哪些')).answers.map((a) => a.type === 'plan' && a.plan.region)).toEqual(['嘉兴市', '嘉兴市']);
    // the year asked: the plans whose title or date holds it
    expect((await seeds.search.search('2020年的方案有哪些')).answers.map((a) => a.type === 'plan' && a.plan.title)).toEqual(['2020年嘉兴市政府数字化转型工作实施方案']);
    const all = (await seeds.search.search('一共有几份方案')).answers.find((a) => a.type === 'plans');
    const plans = (await seeds.pipeline.store.exportAll()).nodes.filter((n) => n.labels.includes('Plan') && n.properties.cited !== true);
    expect(all?.type === 'plans' && all.items.map((p) => p.id).sort()).toEqual(plans.map((p) => p.id).sort());
    const titled = await seeds.search.search('嘉兴市加快推进数字政府建设实施方案的文号是什么');
    expect(titled.answers[0]).toMatchObject({ type: 'plan', plan: { docNumber: '嘉政发〔2022〕18号' } });
    // a topic beside the words of such a question makes it a question about that topic
    for (const q of ['减肥方案什么时候开始', '周末有什么计划', '嘉兴数据安全有多少项任务']) {
      expect((await seeds.search.search(q)).answers.filter((a) => a.type === 'plan' || a.type === 'plans')).toEqual([]);
    }
  });

  test('counting a region’s tasks answers with its plans and their task counts, not with targets', async () => {
    const r = await seeds.search.search('嘉兴的方案有多少项任务');
    expect(r.answers.filter((x) => x.type === 'targets')).toEqual([]);
    const plans = r.answers.flatMap((x) => (x.type === 'plan' ? [x] : []));
    expect(plans.map((p) => p.plan.region)).toEqual(['嘉兴市', '嘉兴市']);
    for (const p of plans) expect(p.tasks).toBe((await seeds.pipeline.store.exportAll()).nodes.filter((n) => n.labels.includes('Task') && n.properties.planId === p.plan.id).length);
    // a unit's count is its unit card; a target question keeps its targets
    expect((await seeds.search.search('绍兴市大数据局牵头多少项任务')).answers.map((x) => x.type)).toEqual(['unit']);
    expect((await seeds.search.search('嘉兴到2025年要建成多少个未来社区')).answers.map((x) => x.type)).toContain('targets');
  });

  test('牵头 on a unit card counts the tasks it leads by the unit tier’s rule; a name of several regions’ units shows those that lead most', async () => {
    // 嘉兴's plans print only 责任单位: the unit listed first leads
    const jx = (await seeds.search.search('嘉兴市政务数据办牵头哪些任务')).answers.find((a) => a.type === 'unit');
    if (jx?.type !== 'unit') throw new Error('no unit answer');
    expect(jx.byRole.lead).toBe(0);
    expect(jx.total).toBeGreaterThan(0);
    expect(jx.tasks.length).toBeGreaterThan(0);
    // `leads` counts them (what the card shows as 牵头), and each listed task says it leads
    expect(jx.leads).toBe(jx.total);
    expect(jx.ledAs).toEqual({ co: 0, responsible: jx.leads }); // all of them listed first under 责任单位
    expect(jx.tasks.every((t) => t.leads && t.role === 'responsible')).toBe(true);
    const cards = (await seeds.search.search('市政府办公厅牵头了哪些工作')).answers.flatMap((a) => (a.type === 'unit' ? [a] : []));
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.every((c) => c.total > 0)).toBe(true);
    expect(cards.map((c) => c.total)).toEqual([...cards.map((c) => c.total)].sort((x, y) => y - x));
  });

  test('where a plan marks no lead, the unit listed first leads by convention and its tasks rank first', async () => {
    const r = await seeds.search.search('嘉兴市监局承担哪些数字化任务');
    const unit = r.interpretation.entities.find((e) => e.type === 'unit')?.id;
    expect(unit).toBe('unit:嘉兴市/市市场监管局');
    const tasks = await seeds.pipeline.store.tasksOfUnit(unit!);
    expect(tasks.every((t) => t.role !== 'lead')).toBe(true); // the 嘉兴 plans print 责任单位 only
    const first = new Set<string>();
    for (const t of tasks) if ((await seeds.pipeline.store.unitsOfTask(t.task.id)).sort((a, b) => a.order - b.order)[0]?.unit.id === unit) first.add(t.task.id);
    expect(first.size).toBeGreaterThan(0);
    expect(first.size).toBeLessThan(tasks.length);
    // every task that lists the unit first comes before every task that lists it among others
    const ranks = r.results.map((x) => x.node.id).filter((id) => tasks.some((t) => t.task.id === id));
    const lastFirst = Math.max(...ranks.map((id, i) => (first.has(id) ? i : -1)));
    const firstOther = ranks.findIndex((id) => !first.has(id));
    expect(firstOther === -1 || lastFirst < firstOther).toBe(true);
    // and the answer card lists them first too
    const card = r.answers.find((a) => a.type === 'unit');
    if (card?.type !== 'unit') throw new Error('no unit answer');
    const listedFirst = card.tasks.map((t) => first.has(t.id));
    expect(listedFirst.slice(0, first.size).every(Boolean)).toBe(true);
    expect(listedFirst.slice(first.size).some(Boolean)).toBe(false);
  });

  test('a bare unit name beside a plan named (by document number or title) is that plan’s region’s unit', async () => {
    for (const q of ['绍政发〔2022〕26号里市大数据局负责什么', '绍政发[2022]26号市大数据局', '绍兴市加快推进数字政府建设实施方案中市大数据局的任务']) {
      const r = await seeds.search.search(q);
      expect([q, r.interpretation.entities.filter((e) => e.type === 'unit').map((e) => e.id)]).toEqual([q, ['unit:绍兴市/市大数据局']]);
    }
    // alone it still names every region's
    expect((await seeds.search.search('市大数据局负责什么')).interpretation.entities.filter((e) => e.type === 'unit').length).toBeGreaterThan(1);
  });

  test('a document number (in any bracket style) names its plan', async () => {
    for (const q of ['嘉政发〔2022〕18号', '嘉政发[2022]18号', '嘉政发（2022）18号有哪些任务']) {
      const r = await seeds.search.search(q);
      expect(r.answers[0]).toMatchObject({ type: 'plan', plan: { docNumber: '嘉政发〔2022〕18号', title: '嘉兴市加快推进数字政府建设实施方案' } });
      expect(r.results.every((x) => x.node.properties.planId === 'plan:嘉政发〔2022〕18号')).toBe(true);
    }
    expect((await seeds.search.search('嘉政发〔2022〕99号')).answers.filter((a) => a.type === 'plan')).toEqual([]);
  });

  test('a unit no loaded plan of its region names is said so, and the text results are a weak match at most', async () => {
    for (const q of ['嘉兴市大数据局负责哪些任务', '宁波市发改委牵头了哪些工作']) {
      const r = await seeds.search.search(q);
      expect(r.interpretation.entities.filter((e) => e.type === 'unit')).toEqual([]);
      expect(r.interpretation.notes.join(' ')).toContain('未关联');
      expect([q, r.match]).toEqual([q, 'weak']);
    }
    // beside a unit that is linked, the other is only said so
    const both = await seeds.search.search('嘉兴市大数据局和市发改委分别负责几项任务');
    expect(both.answers.some((a) => a.type === 'unit')).toBe(true);
    expect(both.match).toBe('strong');
  });

  test('a region no loaded plan is about is said so and answers weak at most; regions in or above the plans’ are not', async () => {
    for (const q of ['广州的一网通办怎么推进', '上海市的城市大脑']) {
      const r = await seeds.search.search(q);
      expect(r.match).toBe('weak');
      expect(r.results.length).toBeGreaterThan(0); // the topic, from other regions
      expect(r.interpretation.notes.join(' ')).toMatch(/已加载的方案中没有(广州|上海)市的方案/);
    }
    for (const q of ['嘉善县的数字化改革任务', '浙江的一网通办怎么推进', '嘉兴的城市大脑']) {
      const r = await seeds.search.search(q);
      expect(r.interpretation.notes.join(' ')).not.toContain('已加载的方案中没有');
      expect(r.match).not.toBe('none');
    }
  });

  test('the year of a document number is no year of the question', async () => {
    const r = await seeds.search.search('嘉政发〔2022〕18号');
    expect(r.interpretation.entities.filter((e) => e.type === 'year')).toEqual([]);
    const y = await seeds.search.search('嘉政发〔2022〕18号 2025年的目标');
    expect(y.interpretation.entities.filter((e) => e.type === 'year').map((e) => e.value)).toEqual([2025]);
  });

  test('a document number no loaded plan has is said so; alone it is no answer, beside a topic the topic is searched', async () => {
    for (const q of ['浙政办发〔2021〕99号有哪些任务', '嘉政发〔2022〕99号']) {
      const r = await seeds.search.search(q);
      expect(r.match).toBe('none');
      expect(r.results).toEqual([]);
      expect(r.interpretation.notes.join(' ')).toContain('已加载的方案中没有文号');
    }
    const topic = await seeds.search.search('请问浙政办发〔2021〕99号里数据安全的任务');
    expect(topic.interpretation.notes.join(' ')).toContain('浙政办发〔2021〕99号');
    expect(topic.match).not.toBe('none');
    expect(topic.results.slice(0, 3).some((x) => String(x.node.properties.text).includes('数据安全'))).toBe(true);
  });

  test('total counts matching tasks; offset pages without overlap; offset past the end is empty', async () => {
    const q = '数据共享';
    const p1 = await seeds.search.search(q, { k: 10 });
    const p2 = await seeds.search.search(q, { k: 10, offset: 10 });
    expect(p1.total).toBeGreaterThan(10);
    expect(p2.total).toBe(p1.total);
    // the same total for every k and page, and paging ends at it
    expect((await seeds.search.search(q, { k: 3 })).total).toBe(p1.total);
    const last = await seeds.search.search(q, { k: 10, offset: p1.total - 4 });
    expect(last.total).toBe(p1.total);
    expect(last.results).toHaveLength(4);
    expect((await seeds.search.search(q, { k: 10, offset: p1.total })).results).toEqual([]);
    // a question few tasks match still lists a page of its best candidates, and its total says so
    const few = await seeds.search.search('嘉兴市人力社保局负责哪些任务', { k: 20 });
    expect(few.results).toHaveLength(few.total);
    expect(p2.offset).toBe(10);
    expect(p2.results.map((r) => r.node.id).filter((id) => p1.results.some((x) => x.node.id === id))).toEqual([]);
    const all = await seeds.search.search(q, { k: 50 });
    expect([...p1.results, ...p2.results].map((r) => r.node.id)).toEqual(all.results.slice(0, 20).map((r) => r.node.id));
    expect((await seeds.search.search(q, { offset: 200 })).results).toEqual([]);
    await expect(seeds.search.search(q, { offset: 201 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(seeds.search.search('数'.repeat(SEARCH_DEFAULTS.limits.queryMaxChars + 1))).rejects.toMatchObject({ code: 'QUERY_TOO_LONG' });
  });
});

describe('createSearch with injected parts', () => {
  test('expansion is injected: the table, none, or another table', async () => {
    const config = loadConfig({ KG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kg-inject-')) });
    const q = '老百姓看病难不难';
    const withTable = await (await createSearch({ store: seeds.pipeline.store, config, embedder: null })).search(q);
    const without = await (await createSearch({ store: seeds.pipeline.store, config, embedder: null, expansion: NO_EXPANSION })).search(q);
    // a table term these plans never use (another province's app) is left out
    const custom = await (await createSearch({ store: seeds.pipeline.store, config, embedder: null, expansion: tableExpansion([{ forms: ['看病'], terms: ['医保', '爱山东'] }]) })).search(q);
    expect(withTable.interpretation.expansion.table).toEqual(expect.arrayContaining(['医疗', '群众']));
    expect(without.interpretation.expansion.table).toEqual([]);
    expect(custom.interpretation.expansion.table).toEqual(['医保']);
  });

  test('a malformed expansion file is refused with a clear error', () => {
    const file = path.join(seeds.dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'other', version: 1, entries: [] }));
    expect(() => loadExpansion(file)).toThrow(/扩展词表格式不符/);
    fs.writeFileSync(file, '{');
    expect(() => loadExpansion(file)).toThrow(/无法读取/);
  });

  test('the vector index is injected (an exact scan instead of HNSW) and options replace the defaults', async () => {
    const config = loadConfig({ KG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kg-inject-')) });
    const made: ExactIndex[] = [];
    const s = await createSearch({
      store: seeds.pipeline.store,
      config,
      embedder: new HashEmbedder(),
      vectorIndex: (d) => { const x = new ExactIndex(d); made.push(x); return x; },
      options: { limits: { ...SEARCH_DEFAULTS.limits, kMax: 5 } },
    });
    expect(made.length).toBeGreaterThan(0);
    expect(made.some((x) => x.size > 0)).toBe(true);
    expect((await s.search('数据共享', { k: 5 })).results.length).toBe(5);
    await expect(s.search('数据共享', { k: 6 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await s.close();
  });
});
