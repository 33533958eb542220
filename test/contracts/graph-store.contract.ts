import type { KgError } from '../../core/errors';
import type { GraphData } from '../../graph/model';
import type { GraphStore } from '../../graph/store';
import { APP, CITED, DOMAIN, P1, P2, REGION, SEC, T1, T2, T3, TARGET, U_DATA, U_DRC, U_JH, planOne, planTwo } from './fixtures';

export interface ContractOptions {
  name: string;
  /** A store to test; the suite clears it before each test and closes it at the end. */
  create: () => Promise<GraphStore>;
  /** A reason to skip (printed as a SKIP line), or false to run. */
  skip?: string | false;
  /** Optional real graph (e.g. the ingested seeds) checked for round-trip and idempotence. */
  realGraph?: () => Promise<GraphData>;
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const code = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: KgError) => e.code);

/** The GraphStore contract, run against every implementation (memory always, Neo4j when NEO4J_URI is set). */
export function runGraphStoreContract({ name, create, skip, realGraph }: ContractOptions): void {
  if (skip) console.log(`SKIP: GraphStore contract for ${name}: ${skip}`);
  (skip ? describe.skip : describe)(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await create();
    });
    beforeEach(async () => {
      await store.clear();
      await store.upsertMany([planOne(), planTwo()]);
    });
    afterAll(async () => {
      await store?.close();
    });

    test('getNode returns the node as upserted; missing ids give null', async () => {
      const one = planOne();
      for (const n of one.nodes) expect(await store.getNode(n.id)).toEqual(n);
      expect(await store.getNode('plan:不存在')).toBeNull();
    });

    test('getNodes keeps the asked order, skips missing ids and repeats', async () => {
      expect(ids(await store.getNodes([T3, 'nope', P1, T3, U_DRC]))).toEqual([T3, P1, U_DRC]);
      expect(await store.getNodes([])).toEqual([]);
    });

    test('nodesByLabel and plans list by id, cited plans included', async () => {
      expect(ids(await store.nodesByLabel('Unit'))).toEqual([U_DRC, U_DATA, U_JH].sort());
      expect(ids(await store.plans())).toEqual([CITED, P1, P2].sort());
      expect(ids(await store.nodesByLabel('Target'))).toEqual([TARGET]);
    });

    test('re-upserting the same documents changes nothing', async () => {
      const before = await store.exportAll();
      const counts = await store.counts();
      await store.upsertMany([planOne(), planTwo()]);
      await store.upsert(planTwo());
      expect(await store.counts()).toEqual(counts);
      expect(await store.exportAll()).toEqual(before);
    });

    test('an upsert replaces properties (a removed key disappears)', async () => {
      const n = { id: U_DRC, labels: ['Unit' as const], properties: { name: '市发改委', aliases: [], region: '嘉兴市', collective: true } };
      await store.upsert({ nodes: [n], relationships: [{ type: 'RESPONSIBLE_FOR', start: U_DRC, end: T1, properties: { role: 'co', order: 3 } }] });
      expect(await store.getNode(U_DRC)).toEqual(n);
      expect((await store.unitsOfTask(T1)).find((u) => u.unit.id === U_DRC)).toMatchObject({ role: 'co', order: 3 });
    });

    test('nulls read back as null only where the model declares them', async () => {
      await store.upsert({ nodes: [{ id: 'app:x', labels: ['Application'], properties: { name: 'x', aliases: [], note: null } }], relationships: [] });
      expect(await store.getNode('app:x')).toEqual({ id: 'app:x', labels: ['Application'], properties: { name: 'x', aliases: [], tier: null } });
    });

    test('a relationship to a node that exists nowhere is refused and nothing is written', async () => {
      const before = await store.counts();
      const bad = { nodes: [{ id: 'unit:新', labels: ['Unit' as const], properties: { name: '新' } }], relationships: [{ type: 'RESPONSIBLE_FOR' as const, start: 'unit:新', end: 'plan:x/404', properties: {} }] };
      expect(await code(store.upsert(bad))).toBe('BAD_REQUEST');
      expect(await store.getNode('unit:新')).toBeNull();
      expect(await store.counts()).toEqual(before);
    });

    test('labels, types and property values outside the model are refused', async () => {
      const node = (labels: string[], properties: object) => ({ nodes: [{ id: 'x', labels, properties }], relationships: [] }) as unknown as GraphData;
      expect(await code(store.upsert(node(['Person'], {})))).toBe('BAD_REQUEST');
      expect(await code(store.upsert(node(['Plan`) DETACH DELETE n //'], {})))).toBe('BAD_REQUEST');
      expect(await code(store.upsert(node(['Plan'], { nested: { a: 1 } })))).toBe('BAD_REQUEST');
      expect(await code(store.upsert(node(['Plan'], { mixed: [1, 'a'] })))).toBe('BAD_REQUEST');
      const rel = { nodes: [], relationships: [{ type: 'KNOWS', start: P1, end: P2, properties: {} }] } as unknown as GraphData;
      expect(await code(store.upsert(rel))).toBe('BAD_REQUEST');
      expect(await store.getNode('x')).toBeNull();
    });

    test('tasksOfUnit gives tasks with roles; unitsOfTask lists lead first', async () => {
      const tasks = await store.tasksOfUnit(U_DATA);
      expect(tasks.map((t) => [t.task.id, t.role, t.order])).toEqual([[T1, 'co', 2], [T2, 'responsible', 1]].sort());
      expect(tasks[0].task).toEqual(planOne().nodes.find((n) => n.id === tasks[0].task.id));
      expect((await store.unitsOfTask(T1)).map((u) => [u.unit.id, u.role, u.order])).toEqual([[U_DRC, 'lead', 1], [U_DATA, 'co', 2]]);
      expect(await store.tasksOfUnit('unit:none')).toEqual([]);
    });

    test('applications of a task and tasks of an application', async () => {
      expect(ids(await store.applicationsOfTask(T2))).toEqual([APP]);
      expect(ids(await store.tasksOfApplication(APP))).toEqual([T2, T3].sort());
      expect(await store.applicationsOfTask(T1)).toEqual([]);
      expect(await store.tasksOfApplication(T1)).toEqual([]);
    });

    test('counts per label and per type', async () => {
      expect(await store.counts()).toEqual({
        nodes: { Plan: 3, Task: 3, Unit: 3, Application: 1, Section: 1, Region: 1, Domain: 1, Target: 1 },
        relationships: { PART_OF: 4, IMPLEMENTS: 4, RESPONSIBLE_FOR: 5, LISTS: 1, IN_REGION: 2, IN_DOMAIN: 1, HAS_TARGET: 1, SIMILAR_TO: 1 },
      });
    });

    test('neighbourhood walks both directions to the asked depth', async () => {
      const d1 = await store.neighbourhood(T1, 1);
      expect(ids(d1.nodes)).toEqual([T1, ...[DOMAIN, P1, TARGET, U_DATA, U_DRC].sort()]); // start, then each level in id order
      expect(d1.relationships.map((r) => `${r.start}|${r.type}|${r.end}`)).toEqual(
        [`${T1}|HAS_TARGET|${TARGET}`, `${T1}|IN_DOMAIN|${DOMAIN}`, `${T1}|PART_OF|${P1}`, `${U_DATA}|RESPONSIBLE_FOR|${T1}`, `${U_DRC}|RESPONSIBLE_FOR|${T1}`].sort(),
      );
      const d2 = await store.neighbourhood(T1, 2);
      expect(new Set(ids(d2.nodes))).toEqual(new Set([T1, DOMAIN, P1, TARGET, U_DATA, U_DRC, CITED, SEC, APP, REGION, T2]));
      expect(ids(await store.neighbourhood(T1, 0).then((g) => g.nodes))).toEqual([T1]);
    });

    test('neighbourhood filters by label and relationship type, and stops at limit', async () => {
      const units = await store.neighbourhood(T1, 2, { labels: ['Unit', 'Application'] });
      expect(ids(units.nodes)).toEqual([T1, ...[U_DATA, U_DRC].sort(), APP]); // the plan and domain are neither kept nor walked
      const parts = await store.neighbourhood(T2, 3, { relTypes: ['PART_OF'] });
      expect(ids(parts.nodes)).toEqual([T2, SEC, P1, T1]);
      expect(parts.relationships.every((r) => r.type === 'PART_OF')).toBe(true);
      const limited = await store.neighbourhood(T1, 3, { limit: 3 });
      expect(ids(limited.nodes)).toEqual([T1, DOMAIN, P1]);
      expect(limited.relationships.every((r) => ids(limited.nodes).includes(r.start) && ids(limited.nodes).includes(r.end))).toBe(true);
    });

    test('neighbourhood errors: unknown node, bad depth', async () => {
      expect(await code(store.neighbourhood('plan:none', 1))).toBe('NOT_FOUND');
      expect(await code(store.neighbourhood(T1, 4))).toBe('BAD_REQUEST');
      expect(await code(store.neighbourhood(T1, 1.5))).toBe('BAD_REQUEST');
    });

    test('exportAll round-trips through a cleared store', async () => {
      const all = await store.exportAll();
      expect(all.nodes).toHaveLength(14);
      expect(all.relationships).toHaveLength(19);
      await store.clear();
      expect(await store.counts()).toEqual({ nodes: {}, relationships: {} });
      await store.upsert(all);
      expect(await store.exportAll()).toEqual(all);
    });

    test('results are copies: mutating them leaves the store alone', async () => {
      const n = (await store.getNode(U_DRC))!;
      (n.properties.aliases as string[]).push('改了');
      n.labels.push('Plan');
      expect(await store.getNode(U_DRC)).toEqual(planOne().nodes.find((x) => x.id === U_DRC));
    });

    if (realGraph) {
      test('the real graph round-trips and re-upserting it changes nothing', async () => {
        const real = await realGraph();
        await store.clear();
        await store.upsert(real);
        const first = await store.exportAll();
        expect(first.nodes.length).toBe(new Set(real.nodes.map((n) => n.id)).size);
        await store.upsert(real);
        expect(await store.exportAll()).toEqual(first);
        const task = first.nodes.find((n) => n.labels.includes('Task'))!;
        const hood = await store.neighbourhood(task.id, 1);
        expect(ids(hood.nodes)).toContain(task.properties.planId);
      });
    }
  });
}
