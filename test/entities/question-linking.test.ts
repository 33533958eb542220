/**
 * Questions read by the unit and application grammar (search/understand.ts → entities/): a unit
 * in any form links to the units of the region and level it names only; a region with no such
 * unit links nothing and says so; applications link only by specific names. On the seeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { seedStore } from '../../bench/lib/harness';
import { loadCorpus } from '../../search/corpus';
import { EntityLinker } from '../../search/understand';
import { planFolder } from '../search/plan-search';

let linker: EntityLinker;
beforeAll(async () => {
  linker = new EntityLinker(await loadCorpus(await seedStore(loadConfig().seedsDir)));
});
const units = (q: string) => linker.link(q).units.sort();

test('full, short, region-qualified and abbreviated forms link the one unit of that region', () => {
  expect(units('嘉兴发改委牵头哪些任务')).toEqual(['unit:嘉兴市/市发改委']);
  expect(units('嘉兴市发展和改革委员会负责什么')).toEqual(['unit:嘉兴市/市发改委']);
  expect(units('金华市市场监督管理局的任务')).toEqual(['unit:金华市/市市场监管局']);
  expect(units('嘉兴市住房和城乡建设局承担哪些任务')).toEqual(['unit:嘉兴市/市住建局']); // printed 市建设局
  expect(units('绍兴市政法委负责哪些任务')).toEqual(['unit:绍兴市/市委政法委']);
  expect(units('嘉兴市监局承担哪些数字化任务')).toEqual(['unit:嘉兴市/市市场监管局']); // 市监局: what people call it
});

test('a region before words that only end like an office (一网通办, 掌上办) is the region, not a missing unit', () => {
  const r = linker.link('北京 政务服务 一网通办');
  expect(r.units).toEqual([]);
  expect(r.notes.join(' ')).not.toContain('单位'); // no missing unit; 北京 is a region no seed is about
  expect(r.notes.join(' ')).toContain('已加载的方案中没有北京市的方案');
  const j = linker.link('嘉兴 政务服务 一网通办');
  expect(j.units).toEqual([]);
  expect(j.regions).toEqual(['嘉兴市']);
  expect(j.notes).toEqual([]);
});

test('a type word that begins a longer word (办 of 办事, 部 of 部署) ends no unit', () => {
  expect(units('对政府办事不满意想提建议')).toEqual([]);
  expect(units('市政府办部署了哪些任务').length).toBeGreaterThan(0); // 办 ends the office; 部署 is the verb after it
  expect(units('嘉兴市政府办负责哪些任务')).toEqual(['unit:嘉兴市/市政府办']);
});

test('牵头 alone asks for the lead, 配合 alone for co-units; 牵头或参与 asks for every role', () => {
  expect(linker.link('绍兴市大数据局牵头哪些任务').role).toBe('lead');
  expect(linker.link('绍兴市发改委配合哪些任务').role).toBe('co');
  expect(linker.link('绍兴市大数据局牵头或参与了哪些工作').role).toBeNull();
  expect(linker.link('绍兴市大数据局牵头和配合的任务').role).toBeNull();
});

test('a body named by its former name links to the body it became, and says so', () => {
  const r = linker.link('嘉兴环保局负责哪些数字化任务');
  expect(r.units).toEqual(['unit:嘉兴市/市生态环境局']);
  expect(r.notes.join(' ')).toContain('按现名“生态环境局”');
  // the former name of a body no plan of that region lists still links nothing
  expect(linker.link('宁波市环保局负责哪些任务').units).toEqual([]);
});

test('a county or county-level city that a plan lists as a unit links as that unit', () => {
  expect(units('嘉善县承担哪些任务')).toEqual(['unit:嘉兴市/嘉善县']);
  expect(units('平湖市政府负责什么')).toEqual(['unit:嘉兴市/平湖市']);
});

test('省 means the province: 省人社厅 is the province body, never a city 人社局', () => {
  expect(units('省人社厅协同哪些任务')).toEqual(['unit:浙江省/省人社厅']);
  expect(units('浙江省大数据发展管理局参与哪些任务')).toEqual(['unit:浙江省/省大数据局']);
});

test('a region with no such unit links nothing and says so; never another city’s unit', () => {
  const r = linker.link('宁波市发改委牵头哪些任务');
  expect(r.units).toEqual([]);
  expect(r.notes.join(' ')).toContain('宁波市');
  expect(linker.link('杭州市公安局有哪些分工').units).toEqual([]);
});

test('X部门 means that sector’s units, within the region or level named', () => {
  expect(units('金华公安部门有哪些任务')).toEqual(['unit:金华市/市公安局']);
  const all = units('公安部门有哪些任务');
  expect(all.length).toBeGreaterThanOrEqual(3);
  for (const id of all) expect(id).toMatch(/\/(?:市公安局|省公安厅)$/);
  expect(units('省生态环境部门牵头什么')).toEqual(['unit:浙江省/省生态环境厅']);
  expect(units('各部门有哪些任务')).toEqual([]);
});

test('applications link only by specific names', () => {
  expect(linker.link('城市大脑有哪些任务').apps.length).toBe(1);
  expect(linker.link('开放平台建设').apps).toEqual([]);
  expect(linker.link('推进公共数据开放平台').apps.every((id) => id.includes('公共数据开放'))).toBe(true);
});

test('held-out unit questions (eval/queries-units-extra.json): linked units hold every relevant task', async () => {
  const qs = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'eval', 'queries-units-extra.json'), 'utf8')) as { id: string; q: string; relevant: { file: string; path: string }[] }[];
  const corpus = await loadCorpus(await seedStore(loadConfig().seedsDir));
  let ok = 0;
  for (const q of qs) {
    const linked = new Set(linker.link(q.q).units);
    const covered = q.relevant.every((r) => corpus.tasks.some((t) => t.node.properties.sourceFile === r.file && t.node.properties.path === r.path && t.units.some((u) => linked.has(u.id))));
    if (covered && linked.size > 0) ok++;
    else console.log(`not covered: ${q.id} ${q.q} → ${[...linked].join(', ')}`);
  }
  console.log(`unit question linking: ${ok}/${qs.length} questions link units holding all their relevant tasks`);
  expect(ok).toBe(qs.length);
});

describe('with other cities’ plans loaded beside the seeds (eval/other-plans)', () => {
  let mixed: EntityLinker;
  let corpus: Awaited<ReturnType<typeof loadCorpus>>;
  beforeAll(async () => {
    const config = loadConfig();
    corpus = await loadCorpus(await seedStore([config.seedsDir, path.join(config.root, 'eval', 'other-plans', 'docs')]));
    mixed = new EntityLinker(corpus);
  }, 60_000);
  const filesOf = (unitId: string) => new Set((corpus.tasksOfUnit.get(unitId) ?? []).map((x) => String(corpus.byId.get(x.taskId)?.node.properties.sourceFile)));

  test('a unit printed in traditional characters is the same unit: 浙江省财政厅 holds the 省財政廳 tasks', () => {
    const [id, ...more] = mixed.link('浙江省财政厅牵头哪些工作').units;
    expect(more).toEqual([]);
    expect([...filesOf(id)]).toEqual(expect.arrayContaining(['004_bb281ce7d484c788.txt', '16_zhejiang.txt']));
  });

  test('a plan that names no region: its units link by name, and a named region that has none links them with a note', () => {
    expect(mixed.link('市信息化办公室牵头负责哪些工作').units).toEqual(['unit:未知地区·07_unknown-city.txt/市信息化办']);
    const r = mixed.link('上海市信息化办公室牵头负责哪些工作'); // no plan of 上海市 is loaded
    expect(r.units).toEqual(['unit:未知地区·07_unknown-city.txt/市信息化办']);
    expect(r.notes.join(' ')).toContain('未写明地区');
    // the Beijing excerpt names no region, its file name does (08_beijing.txt); 北京市 is a municipality: its bodies are 市…
    expect(mixed.link('北京市政府办公厅牵头的工作有哪些').units).toEqual(['unit:北京市/市政府办']);
    expect(mixed.link('嘉兴市政府办公室牵头哪些任务').units).toEqual(['unit:嘉兴市/市政府办']); // a region that has the unit: only its own
  });

  test('a region that holds loaded plans’ regions and has none of its own stands for them (舟山 → 嵊泗县, 山东 → 威海市)', () => {
    const zs = mixed.link('舟山有哪些方案');
    expect(zs.regions).toEqual(['嵊泗县']);
    expect(zs.notes.join(' ')).toContain('舟山市：已加载的方案中属于该地区的是嵊泗县的方案');
    expect(zs.residual).not.toContain('舟山');
    expect(mixed.link('山东的数字政府建设').regions).toEqual(['威海市']);
    expect(mixed.link('浙江的一网通办').regions).toEqual(['浙江省']); // a region with its own plan is that plan's
  });

  test('a plan’s issuer names the plans it issued, where no unit has that name', () => {
    const ss = mixed.link('嵊泗县人民政府办公室发的文件');
    expect(ss.plans.map((id) => corpus.plans.get(id)?.properties.issuer)).toEqual(['嵊泗县人民政府办公室']);
    expect(ss.notes.join(' ')).not.toContain('未关联');
    const wh = mixed.link('威海市人民政府办公室印发了什么');
    expect(wh.plans.length).toBe(2); // the Weihai office issued both Weihai plans
    expect(mixed.link('嘉兴市人民政府的方案').plans).toEqual(['plan:嘉政发〔2022〕18号']);
    // a unit of that name is the unit
    const unit = mixed.link('嘉兴市人民政府办公室负责哪些任务');
    expect(unit.units).toEqual(['unit:嘉兴市/市政府办']);
    expect(unit.plans).toEqual([]);
  });

  test('a bare 市… name links a municipality’s body too (北京市 is province-level, its bodies are 市…)', () => {
    expect(mixed.link('市政府办公厅牵头了哪些工作').units).toEqual(expect.arrayContaining(['unit:北京市/市政府办', 'unit:嘉兴市/市政府办']));
  });

  test('a loaded plan’s region typed in pinyin is that region (hangzhou, Weihai); other Latin words are not', () => {
    expect(mixed.link('hangzhou城西科创大走廊 负责单位').regions).toEqual(['杭州市']);
    expect(mixed.link('Weihai 5G基站建设').regions).toEqual(['威海市']);
    expect(mixed.link('shanghai 政务服务').regions).toEqual([]); // no plan of 上海市 is loaded
    expect(mixed.link('smart city 数据共享').regions).toEqual([]);
    expect(mixed.link('hangzhouweihai').regions).toEqual([]); // inside a longer Latin word
    expect(mixed.link('hangzhou和weihai的数字政府').crossPlan).toBe(true);
  });
});

describe('a city bureau’s branch in a district (分局)', () => {
  let district: EntityLinker;
  beforeAll(async () => {
    const dir = planFolder('branch', { 'shunde.txt': [
      '佛山市顺德区2025年数字政府建设工作要点',
      '一、重点工作',
      '1.优化涉企行政检查，推行“综合查一次”。（牵头单位：区司法局；配合单位：区市场监督管理局、佛山市公安局顺德分局）',
      '2.推进生态环境非现场监管。（牵头单位：区生态环境分局；配合单位：供电局顺德分局）',
      '3.推行“拿地即开工”。（牵头单位：区住房城乡建设和水利局；配合单位：佛山市自然资源局顺德分局）',
    ] });
    district = new EntityLinker(await loadCorpus(await seedStore(dir)));
  });

  test('is named as printed, by its district and body, or as the bureau the district has', () => {
    const police = district.link('佛山市公安局顺德分局的任务').units;
    expect(police).toHaveLength(1);
    expect(district.link('顺德公安分局参与哪些工作').units).toEqual(police);
    expect(district.link('顺德区公安分局负责什么').units).toEqual(police);
    const bureau = district.link('顺德公安局负责什么');
    expect(bureau.units).toEqual(police);
    expect(bureau.notes.join(' ')).toContain('按分局关联');
    expect(district.link('顺德生态环境分局负责什么').units).toHaveLength(1);
    expect(district.link('顺德自然资源分局配合哪些任务').units).toHaveLength(1);
    // a bureau the district has itself is no branch
    expect(district.link('顺德区司法局负责什么').units).toHaveLength(1);
    expect(district.link('顺德区司法局负责什么').notes.join(' ')).not.toContain('分局');
  });
});
