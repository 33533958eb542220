import { ids, type GraphData, type GraphNode, type GraphRelationship } from '../../graph/model';

/** Hand-built graphs for the GraphStore contract: two plans, every label and relationship type. */
export const P1 = ids.plan('嘉政发〔2022〕18号');
export const P2 = ids.plan('金政发〔2022〕26号');
export const CITED = ids.plan('国发〔2022〕14号');
export const T1 = ids.task(P1, '1');
export const T2 = ids.task(P1, '二.(一).2');
export const T3 = ids.task(P2, '5');
export const U_DRC = ids.unit('嘉兴市', '市发展改革委');
export const U_DATA = ids.unit('嘉兴市', '市政务数据办');
export const U_JH = ids.unit('金华市', '市发展改革委');
export const APP = ids.application('浙里办');
export const SEC = ids.section(P1, '二.(一)');
export const REGION = ids.region('嘉兴市');
export const DOMAIN = ids.domain('公共服务');
export const TARGET = ids.target(T1, 1);

const node = (id: string, labels: GraphNode['labels'], properties: GraphNode['properties']): GraphNode => ({ id, labels, properties });
const rel = (type: GraphRelationship['type'], start: string, end: string, properties: GraphRelationship['properties'] = {}): GraphRelationship => ({ type, start, end, properties });

const task = (id: string, planId: string, path: string, title: string, years: number[]) =>
  node(id, ['Task'], {
    path,
    title,
    text: `${title}。\n（责任单位：市发展改革委、市政务数据办）\t"引号" 'single' \\反斜杠`,
    kind: 'task',
    section: ['二、主要任务', '（一）数字政府'],
    years,
    sourceFile: `${planId}.txt`,
    lineStart: 10,
    lineEnd: 12,
    planId,
  });

/** The Jiaxing plan's graph: one document as ingest would hand it over. */
export function planOne(): GraphData {
  return {
    nodes: [
      node(P1, ['Plan'], { title: '嘉兴市加快推进数字政府建设实施方案', issuer: '嘉兴市人民政府', docNumber: '嘉政发〔2022〕18号', date: '2022-06-01', region: '嘉兴市', level: 'city', sourceFile: '000.txt' }),
      node(CITED, ['Plan'], { title: '国务院关于加强数字政府建设的指导意见', issuer: null, docNumber: '国发〔2022〕14号', date: null, region: null, level: null, sourceFile: null, cited: true }),
      task(T1, P1, '1', '建设一体化数字资源系统', [2022, 2025]),
      task(T2, P1, '二.(一).2', '推进“浙里办”迭代升级', []),
      node(U_DRC, ['Unit'], { name: '市发展改革委', aliases: ['市发展改革委', '市发改委'], region: '嘉兴市', collective: false }),
      node(U_DATA, ['Unit'], { name: '市政务数据办', aliases: ['市政务数\n\n据办'], region: '嘉兴市', collective: false }),
      node(APP, ['Application'], { name: '浙里办', aliases: [], tier: '省级' }),
      node(SEC, ['Section'], { title: '（一）数字政府', path: '二.(一)' }),
      node(REGION, ['Region'], { name: '嘉兴市' }),
      node(DOMAIN, ['Domain'], { name: '公共服务' }),
      node(TARGET, ['Target'], { text: '到2025年，一网通办率达到 90%', year: 2025, value: 0.9 }),
    ],
    relationships: [
      rel('PART_OF', T1, P1),
      rel('PART_OF', T2, SEC),
      rel('PART_OF', SEC, P1),
      rel('IMPLEMENTS', P1, CITED),
      rel('RESPONSIBLE_FOR', U_DRC, T1, { role: 'lead', order: 1 }),
      rel('RESPONSIBLE_FOR', U_DATA, T1, { role: 'co', order: 2 }),
      rel('RESPONSIBLE_FOR', U_DATA, T2, { role: 'responsible', order: 1 }),
      rel('RESPONSIBLE_FOR', U_DATA, APP, { role: 'lead', order: 1 }),
      rel('IMPLEMENTS', APP, T2),
      rel('LISTS', P1, APP, { tier: '省级', no: 3 }),
      rel('IN_REGION', P1, REGION),
      rel('IN_REGION', U_DRC, REGION),
      rel('IN_DOMAIN', T1, DOMAIN),
      rel('HAS_TARGET', T1, TARGET),
    ],
  };
}

/** The Jinhua plan's graph: it reaches the first document's nodes (cross-document edges). */
export function planTwo(): GraphData {
  return {
    nodes: [
      node(P2, ['Plan'], { title: '金华市深化数字政府建设实施方案', issuer: '金华市人民政府', docNumber: '金政发〔2022〕26号', date: '2022-08-15', region: '金华市', level: 'city', sourceFile: '003.txt' }),
      task(T3, P2, '5', '迭代升级“浙里办”', [2023]),
      node(U_JH, ['Unit'], { name: '市发展改革委', aliases: ['市发改委'], region: '金华市', collective: false }),
    ],
    relationships: [
      rel('PART_OF', T3, P2),
      rel('IMPLEMENTS', P2, CITED),
      rel('RESPONSIBLE_FOR', U_JH, T3, { role: 'lead', order: 1 }),
      rel('IMPLEMENTS', APP, T3),
      rel('SIMILAR_TO', T3, T2, { score: 0.87, method: 'embedding' }),
    ],
  };
}
