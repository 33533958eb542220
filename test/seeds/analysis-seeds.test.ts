/**
 * The analysis on the real seeds: alignment pairs that must exist, domain labels of the 市场监管
 * sections, the plans' goal targets, city -> province IMPLEMENTS with evidence.
 */
import { config } from '../../core/config';
import type { GraphData, GraphNode } from '../../graph/model';
import { analyse, alignTasks, domainDistribution, domainGraph, embedTasks, implementsGraph, mergeGraphData, type TaskEmbeddings } from '../../analysis/index';
import { ingestDirectory } from '../../ingest/index';
import { createEmbedder } from '../../search/embedder-factory';
import { model as modelPrerequisite, testIf } from '../prerequisites';

let graph: GraphData;
let analysed: GraphData;
const byFile = (g: GraphData, prefix: string, p: string): GraphNode =>
  g.nodes.find((n) => n.labels.includes('Task') && String(n.properties.sourceFile).startsWith(prefix) && n.properties.path === p)!;

beforeAll(async () => {
  graph = ((await ingestDirectory(config.seedsDir)) as { graph: GraphData }).graph;
  analysed = analyse({ graph }); // no embeddings: the char-bigram fallback
});

// The network-security tasks of the four city plans (file prefix -> paths).
const SECURITY: Record<string, string[]> = { '000': ['28'], '001': ['五.(一)', '五.(二)'], '002': ['三.(四).1', '三.(四).2'], '003': ['29'] };

function expectSecurityAligned(similar: GraphData['relationships']) {
  const ids = Object.fromEntries(Object.entries(SECURITY).map(([f, paths]) => [f, new Set(paths.map((p) => byFile(graph, f, p).id))]));
  const files = Object.keys(SECURITY);
  const missing: string[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      const [a, b] = [ids[files[i]], ids[files[j]]];
      const linked = similar.some((r) => (a.has(r.start) && b.has(r.end)) || (b.has(r.start) && a.has(r.end)));
      if (!linked) missing.push(`${files[i]}-${files[j]}`);
    }
  }
  expect(missing).toEqual([]);
}

describe('alignment on the seeds', () => {
  test('char-bigram fallback: the network-security tasks of all four city plans align with each other', () => {
    const similar = analysed.relationships.filter((r) => r.type === 'SIMILAR_TO');
    expect(similar.every((r) => r.properties.method === 'char-bigram-tfidf')).toBe(true);
    expectSecurityAligned(similar);
  });

  test('edges join tasks of different plans only, once per pair', () => {
    const similar = analysed.relationships.filter((r) => r.type === 'SIMILAR_TO');
    const plan = (id: string) => graph.nodes.find((n) => n.id === id)!.properties.planId;
    expect(similar.length).toBeGreaterThan(20);
    expect(similar.filter((r) => plan(r.start) === plan(r.end))).toEqual([]);
    const keys = similar.map((r) => [r.start, r.end].sort().join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  const withModel = testIf('embedding alignment on the seeds', modelPrerequisite());
  withModel('embeddings: the network-security tasks align, and the same-named economic tasks too', async () => {
    const { embedder } = await createEmbedder(config);
    let embeddings: TaskEmbeddings;
    try {
      embeddings = await embedTasks(graph, embedder!);
    } finally {
      await embedder!.close?.();
    }
    const similar = alignTasks(graph, { embeddings }).relationships;
    expect(similar.every((r) => r.properties.method === 'embedding')).toBe(true);
    expectSecurityAligned(similar);
    const a = byFile(graph, '000', '3').id;
    const b = byFile(graph, '003', '3').id; // both 强化经济政策统筹协调
    expect(similar.some((r) => [r.start, r.end].sort().join('|') === [a, b].sort().join('|'))).toBe(true);
  });
});

describe('domains on the seeds', () => {
  test('every task under a 市场监管 / 互联网+监管 section is labelled 市场监管', () => {
    const domains = domainGraph(graph);
    const under = graph.nodes.filter((n) => n.labels.includes('Task') && (n.properties.section as string[]).some((h) => /市场监管|互联网\+监管/.test(h)));
    // 000, 001, 003: (二) 市场监管, tasks 4-6; 002: (二) 深化“互联网+监管”改革, 3 tasks
    expect(under.length).toBe(12);
    const label = (id: string) => domains.relationships.find((r) => r.start === id)!.end;
    expect(under.filter((t) => label(t.id) !== 'domain:市场监管').map((t) => t.id)).toEqual([]);
  });

  test('every task gets exactly one domain; the distribution covers every plan with tasks', () => {
    const tasks = graph.nodes.filter((n) => n.labels.includes('Task'));
    const inDomain = analysed.relationships.filter((r) => r.type === 'IN_DOMAIN');
    expect(inDomain.length).toBe(tasks.length);
    const dist = domainDistribution(mergeGraphData(graph, analysed));
    expect(dist.length).toBe(5);
    for (const p of dist) expect(Object.values(p.counts).reduce((a, b) => a + b, 0)).toBe(p.total);
  });
});

describe('targets on the seeds', () => {
  test("Jiaxing's plan node carries its 主要目标 targets with their values", () => {
    const plan = graph.nodes.find((n) => n.labels.includes('Plan') && String(n.properties.sourceFile).startsWith('000'))!;
    const targets = analysed.relationships
      .filter((r) => r.type === 'HAS_TARGET' && r.start === plan.id)
      .map((r) => analysed.nodes.find((n) => n.id === r.end)!.properties);
    expect(targets.map((t) => [t.metric, t.value, t.unit, t.year])).toEqual([
      ['一网通办率', 95, '%', 2025],
      ['跨省通办事项纳入长三角一网通办', 100, '%', 2025],
      ['一网统管部门覆盖率', 100, '%', 2025],
      ['掌上执法率', 100, '%', 2025],
      ['重大应用', 10, '个', 2025],
    ]);
  });

  test('task targets carry the task deadline (Jiaxing 9: 预警信息共享率 100% by 2025)', () => {
    const task = byFile(graph, '000', '9');
    const t = analysed.relationships.filter((r) => r.start === task.id && r.type === 'HAS_TARGET').map((r) => analysed.nodes.find((n) => n.id === r.end)!.properties);
    expect(t).toEqual(expect.arrayContaining([expect.objectContaining({ value: 100, unit: '%', year: 2025, metric: expect.stringContaining('预警信息共享率') })]));
  });
});

describe('city -> provincial IMPLEMENTS on the seeds', () => {
  test('Jiaxing 28 (network security) carries out the province’s 加强安全保障, with evidence', () => {
    const edges = implementsGraph(graph).relationships;
    const from = byFile(graph, '000', '28').id;
    const e = edges.find((r) => r.start === from)!;
    expect(e.end).toBe(byFile(graph, '004', '四.(二)').id);
    expect(e.properties.basis).toBe('province-in-corpus'); // the cities cite 浙政发〔2022〕20号, not in the corpus
    expect((e.properties.sharedTerms as string[]).join()).toContain('网络安全');
    // only city tasks start IMPLEMENTS edges, only provincial tasks end them
    const level = (taskId: string) => graph.nodes.find((n) => n.id === graph.nodes.find((t) => t.id === taskId)!.properties.planId)!.properties.level;
    expect(edges.every((r) => level(r.start) === 'city' && level(r.end) === 'province')).toBe(true);
  });
});
