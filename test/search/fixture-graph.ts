/**
 * A small hand-built graph in the model's shape (two cities, one province), for engine tests
 * that must not depend on the ingest parser.
 */
import type { GraphData, GraphNode, GraphRelationship } from '../../graph/model';

const plans = [
  { id: 'plan:嘉政发〔2022〕18号', title: '嘉兴市加快推进数字政府建设实施方案', region: '嘉兴市', docNumber: '嘉政发〔2022〕18号', file: '000.txt' },
  { id: 'plan:金政发〔2022〕26号', title: '金华市深化数字政府建设实施方案', region: '金华市', docNumber: '金政发〔2022〕26号', file: '003.txt' },
];

const tasks: [string, string, string, string, number[]][] = [
  // plan index, path, title, text, years
  ['0', '9', '提升公共安全保障能力', '提升公共安全保障能力。建设消防精密智控应用，推进火灾事故调查数字化，到2025年建成应急指挥平台。', [2025]],
  ['0', '21', '建设城市大脑', '建设城市大脑。迭代升级城市大脑数据底座，推动感知数据接入城市大脑。', []],
  ['0', '28', '强化数据安全', '强化数据安全。落实数据安全责任体系，开展敏感数据加密和脱敏，防止个人信息泄露。', []],
  ['1', '6', '打造智慧市场监管新模式', '打造智慧市场监管新模式。实施信用风险分级分类监管，健全守信激励和失信惩戒机制。', []],
  ['1', '8', '提升社会治安防控能力', '提升社会治安防控能力。深化雪亮工程建设，推进社区矫正数字化改革。', []],
  ['1', '23', '建设城市大脑', '建设城市大脑。建好金华城市大脑，推进養老服務數字化。', [2023]],
];

const units: [string, string, string[]][] = [
  // region, name, aliases
  ['嘉兴市', '市应急管理局', ['市应急局']],
  ['嘉兴市', '市大数据局', []],
  ['金华市', '市司法局', []],
  ['金华市', '市公安局', []],
  ['金华市', '市大数据局', []],
];

const resp: [number, number, string][] = [
  // task index, unit index, role
  [0, 0, 'responsible'],
  [1, 1, 'responsible'],
  [2, 1, 'responsible'],
  [3, 2, 'responsible'],
  [4, 3, 'lead'],
  [4, 2, 'co'],
  [5, 4, 'responsible'],
];

export function fixtureGraph(): GraphData {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  for (const p of plans) {
    nodes.push({ id: p.id, labels: ['Plan'], properties: { title: p.title, issuer: null, docNumber: p.docNumber, date: '2022-09-09', region: p.region, level: 'city', sourceFile: p.file } });
  }
  const taskIds = tasks.map(([pi, path, title, text, years]) => {
    const plan = plans[Number(pi)];
    const id = `${plan.id}/${path}`;
    nodes.push({ id, labels: ['Task'], properties: { path, title, text, kind: 'task', section: ['二、任务'], years, sourceFile: plan.file, lineStart: 1, lineEnd: 2, planId: plan.id } });
    relationships.push({ type: 'PART_OF', start: id, end: plan.id, properties: {} });
    return id;
  });
  const unitIds = units.map(([region, name, aliases]) => {
    const id = `unit:${region}/${name}`;
    nodes.push({ id, labels: ['Unit'], properties: { name, aliases, region, collective: false } });
    return id;
  });
  resp.forEach(([t, u, role], i) => relationships.push({ type: 'RESPONSIBLE_FOR', start: unitIds[u], end: taskIds[t], properties: { role, order: i + 1 } }));
  nodes.push({ id: 'app:城市大脑', labels: ['Application'], properties: { name: '城市大脑', aliases: [], tier: null } });
  relationships.push({ type: 'IMPLEMENTS', start: 'app:城市大脑', end: taskIds[1], properties: {} });
  relationships.push({ type: 'IMPLEMENTS', start: 'app:城市大脑', end: taskIds[5], properties: {} });
  return { nodes, relationships };
}
