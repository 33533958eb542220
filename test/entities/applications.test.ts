/**
 * Applications by grammar: precision over every Application node of the five seeds and the
 * other-plans set, judged by a reader in docs/application-judgements.json (a name not judged
 * fails, so the list stays complete), recall of the dev gold's clear applications, evidence on
 * every edge, and the grammar's general rules on sentences written for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ingestDirectory, parseDocument } from '../../ingest';
import { extractApplications } from '../../entities/applications';
import { appKey } from '../../entities/app-identity';
import type { GraphData } from '../../graph/model';
import { addUserWords } from '../../search/tokenize';

const ROOT = path.join(__dirname, '..', '..');
interface Judgement { id: string; name: string; real: boolean; reason: string }
const judged = new Map((JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/application-judgements.json'), 'utf8')) as Judgement[]).map((j) => [j.id, j]));

let graphs: GraphData[] = [];
beforeAll(async () => {
  graphs = [(await ingestDirectory(path.join(ROOT, 'seeds'))).graph, (await ingestDirectory(path.join(ROOT, 'eval/other-plans/docs'))).graph];
});

describe('application precision (judged)', () => {
  test('every Application node is judged, with a reason, and precision ≥ 0.95', () => {
    const apps = graphs.flatMap((g) => g.nodes.filter((n) => n.labels.includes('Application')));
    const unjudged = apps.filter((a) => !judged.has(a.id)).map((a) => `${a.id} (${String(a.properties.name)})`);
    expect(unjudged).toEqual([]);
    for (const a of apps) expect(judged.get(a.id)!.reason.length).toBeGreaterThan(5);
    const real = apps.filter((a) => judged.get(a.id)!.real).length;
    const precision = real / apps.length;
    console.log(`application precision ${real}/${apps.length} = ${precision.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  test('every Application→Task IMPLEMENTS edge carries evidence and confidence', () => {
    const edges = graphs.flatMap((g) => g.relationships.filter((r) => r.type === 'IMPLEMENTS' && r.start.startsWith('app:')));
    expect(edges.length).toBeGreaterThan(100);
    for (const e of edges) {
      expect(['quoted', 'suffix', 'list', 'dictionary', 'attachment']).toContain(e.properties.evidence);
      expect(e.properties.confidence).toBeGreaterThan(0);
      expect(e.properties.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('application recall (dev gold, clear applications)', () => {
  test('≥ 0.92 over both gold files', () => {
    let clear = 0;
    let found = 0;
    const missed: string[] = [];
    for (const f of fs.readdirSync(path.join(ROOT, 'eval/gold-dev')).filter((x) => x.endsWith('.json'))) {
      const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'eval/gold-dev', f), 'utf8')) as { file: string; tasks: { path: string; applications: { name: string; clear: boolean }[] }[] };
      const doc = parseDocument(gold.file, fs.readFileSync(path.join(ROOT, 'seeds', gold.file)));
      const byPath = new Map(doc.tasks.map((t) => [t.path, new Set(t.applications.map((a) => appKey(a.name)))]));
      for (const t of gold.tasks) {
        for (const a of t.applications.filter((x) => x.clear)) {
          clear++;
          if (byPath.get(t.path)?.has(appKey(a.name))) found++;
          else missed.push(`${gold.file} ${t.path}: ${a.name}`);
        }
      }
    }
    console.log(`clear application recall ${found}/${clear} = ${(found / clear).toFixed(3)}; missed: ${missed.join(' | ')}`);
    expect(found / clear).toBeGreaterThanOrEqual(0.92);
  });
});

describe('application grammar', () => {
  const names = (t: string, known: string[] = []) => extractApplications(t, known).map((a) => a.name);

  test('the name starts after the governing verb and keeps verbs inside it', () => {
    expect(names('贯通用好省社会矛盾风险防范化解应用，做好全省统一行政处罚办案系统建设')).toEqual(['省社会矛盾风险防范化解应用', '行政处罚办案系统']);
    expect(names('及时处置并反馈省网络安全协调指挥平台的风险信号')).toEqual(['省网络安全协调指挥平台']);
  });

  test('应用 / 平台 as verbs or modifiers are never names', () => {
    expect(names('加快应用推广和应用衔接，推动平台经济健康发展，规范平台建设')).toEqual([]);
    expect(names('以上虞区为第一批应用试点，做好应用')).toEqual([]);
    // the use of a thing in every step, or widely, names no application (found in a generated Word plan of 株洲)
    expect(names('实现医保电子凭证全流程应用，推动电子证照全场景应用和区块链技术深度应用')).toEqual([]);
    expect(names('建设“株洲智慧医保”应用，实现医保电子凭证全流程应用')).toEqual(['株洲智慧医保']);
  });

  test('等保 is one word; a category tail promotes nothing', () => {
    expect(names('推进等保测评和数据加密、数据脱敏等技术应用')).toEqual([]);
    expect(names('加快构建多规合一、空间利用、空间保护等空间治理应用')).toEqual([]);
    expect(names('建设社会治理领域数字化平台')).toEqual([]);
  });

  test('a class of systems by owner or status is no name (区级部门自建…, 非涉密…, 已上云…); a name beside them is', () => {
    expect(names('推进区级部门自建移动端应用整合，市级部门非涉密业务系统全部迁移上云')).toEqual([]);
    expect(names('实现已上云业务系统的平滑迁移，推动中小企业上云上平台')).toEqual([]);
    // a district's platform of one specific word is a kind, as a city's is (市级智慧养老服务平台)
    expect(names('建设区级智慧养老服务平台')).toEqual([]);
    expect(names('推广“扫码入企”检查系统，建设区基层治理指挥平台')).toEqual(['“扫码入企”检查系统', '区基层治理指挥平台']);
  });

  test('enumeration items on their own evidence: quoted, head, brand, dictionary, distributed head', () => {
    expect(names('迭代升级智能光伏、现代家具、经编等产业大脑')).toEqual(['智能光伏产业大脑', '现代家具产业大脑', '经编产业大脑']);
    expect(names('加快贯通公平在线、外卖在线等应用')).toEqual(['公平在线', '外卖在线']);
    expect(names('迭代完善“数字家庭医生”“搬家一件事”等特色品牌应用')).toEqual(['数字家庭医生', '搬家一件事']);
    // position in a list alone is no evidence; a short list's named items vouch for their siblings
    expect(names('集成行政审批、行政执法、知识产权保护等应用')).toEqual([]);
    expect(names('打造燃气安全在线、城市防内涝、地下市政基础设施等应用')).toEqual(['燃气安全在线', '城市防内涝', '地下市政基础设施']);
    expect(names('整合政府信息交换共享平台、公安数据中心等平台资源')).toEqual(['政府信息交换共享平台']);
    // quoted reforms in a list of reforms are not applications
    expect(names('深入推进“证照分离”、告知承诺制等改革')).toEqual([]);
  });

  test('a quoted name with a description after it is that name (brand, dictionary or its own head)', () => {
    expect(names('建设“浙政钉”政务协同办公系统')).toEqual(['浙政钉']);
    expect(names('完善“渝快政”协同办公平台')).toEqual(['渝快政']);
    expect(names('深化“雪亮工程”智能应用')).toEqual(['“雪亮工程”智能应用']);
  });

  test('other provinces’ platforms (wording of their plans)', () => {
    expect(names('依托“粤省事”“粤商通”“粤政易”等平台，推动政务服务“指尖办”')).toEqual(['粤省事', '粤商通', '粤政易']);
    expect(names('升级“随申办”移动端，建设“一网统管”城运系统')).toEqual(['随申办', '“一网统管”城运系统']);
    expect(names('建设“赣服通”5.0版，打造“赣政通”政务协同平台')).toEqual(['赣服通', '赣政通']);
    expect(names('建设“闽政通”APP和省网上办事大厅')).toEqual(['闽政通']);
    // a quoted name the next word says is an app, whatever the name ends in
    expect(names('迭代升级“江海通办”APP，整合各类移动端应用')).toEqual(['江海通办']);
    expect(names('推动区级部门应用全部整合至“顺易办”小程序')).toEqual(['顺易办']);
    expect(names('深入推进“证照分离”改革')).toEqual([]);
    expect(names('加快建设安全生产风险监测预警系统和自然灾害综合监测预警系统')).toEqual(['安全生产风险监测预警系统', '自然灾害综合监测预警系统']);
    expect(names('完善省一体化政务服务平台，推进城市运行管理服务平台建设')).toEqual([]);
  });

  test('one identity per application: quotes, trailing head, region/level prefix, version', () => {
    expect(appKey('“浙里督”系统')).toBe(appKey('浙里督'));
    expect(appKey('“互联网+监管”平台')).toBe(appKey('互联网+监管'));
    expect(appKey('浙江公平在线')).toBe(appKey('公平在线'));
    expect(appKey('省域空间治理数字化平台2.0')).toBe(appKey('省域空间治理数字化平台'));
    expect(appKey('金华市协同办公平台')).toBe(appKey('协同办公平台'));
    expect(appKey('市场主体“金管家”应用')).not.toBe(appKey('场主体金管家')); // 市场 is a word, not 市 + 场
    expect(appKey('城市大脑')).toBe('城市大脑');
  });

  test('every mention has evidence and a confidence; the attachment table wins', () => {
    const found = extractApplications('打造燃气安全在线、城市防内涝等应用', ['城市防内涝应用']);
    expect(found.map((a) => [a.name, a.evidence])).toEqual([['燃气安全在线', 'suffix'], ['城市防内涝应用', 'attachment']]);
    for (const a of found) expect(a.confidence).toBeGreaterThan(0.5);
  });
});

describe('independent of what search taught jieba', () => {
  test('the same applications before and after the graph vocabulary is inserted as user words', () => {
    const file = '003_a138fc7071c4ec27.txt';
    const read = () => parseDocument(file, fs.readFileSync(path.join(ROOT, 'seeds', file))).tasks.map((t) => t.applications.map((a) => `${a.name}:${a.evidence}`));
    const before = read();
    const names = graphs.flatMap((g) => g.nodes.filter((n) => n.labels.includes('Application') || n.labels.includes('Unit')).flatMap((n) => [String(n.properties.name), ...((n.properties.aliases as string[]) ?? [])]));
    expect(addUserWords(names)).toBeGreaterThan(100);
    expect(read()).toEqual(before);
  });
});
