import neo4j, { Neo4jError } from 'neo4j-driver';
import * as Q from '../../graph/cypher';
import { Neo4jStore } from '../../graph/neo4j-store';
import { APP, P1, T1, T2, U_DATA, U_DRC, planOne, planTwo } from '../contracts/fixtures';
import { FakeDriver, type Sent } from './fake-driver';

const ALL = new Set(Q.allStatements());
const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);
const rowsOf = (s: Sent) => s.params.rows as Record<string, unknown>[];
const driverError = (c: string, msg = c) => new Neo4jError(msg, c, 'N/A', 'N/A');

function setup(batchSize = 1000) {
  const driver = new FakeDriver();
  const store = new Neo4jStore(driver, { batchSize, database: 'kg', where: 'bolt://fake:7687' });
  return { driver, store };
}

describe('Neo4jStore against a recording fake driver', () => {
  const every: Sent[] = [];
  afterAll(() => {
    // Every statement any test sent is one the parser test checked, with every $param it uses sent.
    for (const s of every) {
      expect(ALL.has(s.query)).toBe(true);
      for (const [, name] of s.query.matchAll(/\$(\w+)/g)) expect(s.params).toHaveProperty(name);
    }
  });
  const track = (d: FakeDriver) => every.push(...d.sent);

  test('an upsert is one write transaction of batched UNWIND … MERGE statements, values only as parameters', async () => {
    const { driver, store } = setup(2);
    await store.upsertMany([planOne(), planTwo()]);
    track(driver);
    expect(new Set(driver.sent.map((s) => s.mode))).toEqual(new Set(['WRITE']));
    expect(driver.sessions).toEqual([{ database: 'kg', mode: 'WRITE', closed: true }]);
    const nodeRows = driver.sent.filter((s) => s.query.includes('MERGE (n:KgNode')).flatMap(rowsOf);
    const relRows = driver.sent.filter((s) => s.query.includes('MERGE (a)-[r:')).flatMap(rowsOf);
    expect(nodeRows).toHaveLength(14);
    expect(relRows).toHaveLength(19);
    for (const s of driver.sent) {
      expect(rowsOf(s).length).toBeLessThanOrEqual(2);
      expect(s.query.startsWith('UNWIND $rows AS row')).toBe(true);
      for (const text of ['嘉兴', '责任单位', 'plan:', '浙里办']) expect(s.query).not.toContain(text);
    }
    // the Task statement carries 3 rows in 2 chunks: batching by label, then by size
    expect(driver.sent.filter((s) => s.query === Q.mergeNodes(['Task'])).map((s) => rowsOf(s).length)).toEqual([2, 1]);
  });

  test('parameters are typed for Neo4j: whole numbers as integers, nulls dropped, floats kept', async () => {
    const { driver, store } = setup();
    await store.upsertMany([planOne(), planTwo()]);
    track(driver);
    const rows = driver.sent.flatMap(rowsOf) as { id?: string; start?: string; props: Record<string, unknown> }[];
    const t1 = rows.find((r) => r.id === T1)!.props;
    expect(neo4j.isInt(t1.lineStart)).toBe(true);
    expect((t1.years as unknown[]).every((y) => neo4j.isInt(y))).toBe(true);
    const cited = rows.find((r) => r.id === 'plan:国发〔2022〕14号')!.props;
    expect(cited).not.toHaveProperty('issuer');
    expect(cited.cited).toBe(true);
    const similar = rows.find((r) => r.start && r.props.method === 'embedding')!.props;
    expect(similar.score).toBe(0.87);
  });

  test('re-upserting sends the same MERGE statements with the same parameters', async () => {
    const { driver, store } = setup();
    await store.upsertMany([planOne(), planTwo()]);
    const first = driver.sent.map((s) => [s.query, s.params]);
    driver.sent.length = 0;
    await store.upsertMany([planOne(), planTwo()]);
    expect(driver.sent.map((s) => [s.query, s.params])).toEqual(first);
    for (const [q] of first) expect(q).toMatch(/\bMERGE\b/);
  });

  test('edges to nodes outside the batch are checked first; missing ones roll the transaction back', async () => {
    const { driver, store } = setup();
    driver.respond = (q, p) => (q === Q.MISSING_NODES ? [{ missing: (p.ids as string[]).filter((id) => id !== P1) }] : []);
    const two = planTwo();
    expect(await code(store.upsert(two))).toBe('BAD_REQUEST');
    track(driver);
    expect(driver.sent.map((s) => s.query)).toEqual([Q.MISSING_NODES]);
    expect(driver.sent[0].params.ids).toEqual(['app:浙里办', 'plan:国发〔2022〕14号', T2].sort());
    expect(driver.committed).toEqual([]);
  });

  test('reads map rows to model nodes: store label, embedding and id property removed, integers and nulls restored', async () => {
    const { driver, store } = setup();
    driver.respond = (q) =>
      q === Q.GET_NODES
        ? [
            { id: U_DRC, labels: ['KgNode', 'Unit'], props: { id: U_DRC, name: '市发展改革委', aliases: [], region: '嘉兴市', collective: false } },
            { id: APP, labels: ['Application', 'KgNode'], props: { id: APP, name: '浙里办', aliases: ['浙里办'], order: neo4j.int(3), embedding: [0.1, 0.2] } },
          ]
        : [];
    expect(await store.getNodes([APP, 'missing', U_DRC, APP])).toEqual([
      { id: APP, labels: ['Application'], properties: { name: '浙里办', aliases: ['浙里办'], order: 3, tier: null } },
      { id: U_DRC, labels: ['Unit'], properties: { name: '市发展改革委', aliases: [], region: '嘉兴市', collective: false } },
    ]);
    track(driver);
    expect(driver.sent[0]).toMatchObject({ query: Q.GET_NODES, mode: 'READ', params: { ids: [APP, 'missing', U_DRC] } });
  });

  test('unitsOfTask sorts by order and reads roles from the relationship', async () => {
    const { driver, store } = setup();
    const unit = (id: string, role: string, order: number) => ({ id, labels: ['KgNode', 'Unit'], props: { name: id }, rel: { role, order } });
    driver.respond = (q) => (q === Q.UNITS_OF_TASK ? [unit(U_DATA, 'co', 2), unit(U_DRC, 'lead', 1)] : []);
    expect((await store.unitsOfTask(T1)).map((u) => [u.unit.id, u.role, u.order])).toEqual([[U_DRC, 'lead', 1], [U_DATA, 'co', 2]]);
    track(driver);
  });

  test('neighbourhood runs the shared BFS: one relationshipsOf query per level, then the nodes', async () => {
    const { driver, store } = setup();
    const node = (id: string, label: string) => ({ id, labels: ['KgNode', label], props: {} });
    driver.respond = (q, p) => {
      if (q === Q.GET_NODES) return (p.ids as string[]).map((id) => node(id, id === T1 ? 'Task' : 'Unit'));
      if (q === Q.RELATIONSHIPS_OF) return (p.ids as string[]).includes(T1) ? [{ start: U_DRC, type: 'RESPONSIBLE_FOR', end: T1, props: { role: 'lead', order: 1 } }] : [];
      return [];
    };
    const g = await store.neighbourhood(T1, 2, { relTypes: ['RESPONSIBLE_FOR'] });
    track(driver);
    expect(g.nodes.map((n) => n.id)).toEqual([T1, U_DRC]);
    expect(driver.sent.filter((s) => s.query === Q.RELATIONSHIPS_OF).map((s) => s.params)).toEqual([
      { ids: [T1], types: ['RESPONSIBLE_FOR'] },
      { ids: [U_DRC], types: ['RESPONSIBLE_FOR'] },
    ]);
  });

  test.each(['ServiceUnavailable', 'SessionExpired'])('%s becomes STORE_UNAVAILABLE after the driver retries, naming the server', async (c) => {
    const { driver, store } = setup();
    for (let i = 0; i < 10; i++) driver.failures.set(i, driverError(c, 'connection lost'));
    const err = await store.counts().catch((e) => e);
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true, status: 503 });
    expect(err.message).toContain('bolt://fake:7687');
    expect(driver.sent.map((s) => s.attempt)).toEqual([1, 2, 3]); // the driver's retries, none added on top
    expect(driver.sessions.every((s) => s.closed)).toBe(true);
  });

  test.each([
    ['Neo.ClientError.Security.Unauthorized', 'STORE_UNAVAILABLE', 'NEO4J_PASSWORD'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'STORE_UNAVAILABLE', 'NEO4J_DATABASE'],
    ['Neo.ClientError.Statement.SyntaxError', 'INTERNAL', 'SyntaxError'],
  ])('%s maps to %s', async (c, expected, hint) => {
    const { driver, store } = setup();
    driver.failures.set(0, driverError(c));
    const err = await store.getNode(T1).catch((e) => e);
    expect(err.code).toBe(expected);
    expect(err.message).toContain(hint);
    expect(driver.sent).toHaveLength(1); // not retriable: no second attempt
  });

  test('a transient failure in the middle of an upsert is retried and the whole transaction re-runs', async () => {
    const { driver, store } = setup(5);
    await store.upsertMany([planOne(), planTwo()]);
    const clean = driver.committed.map((s) => [s.query, s.params]);
    const { driver: flaky, store: flakyStore } = setup(5);
    flaky.failures.set(3, driverError('Neo.TransientError.Transaction.DeadlockDetected', 'deadlock'));
    await flakyStore.upsertMany([planOne(), planTwo()]);
    track(flaky);
    expect(Math.max(...flaky.sent.map((s) => s.attempt))).toBe(2);
    expect(flaky.committed.map((s) => [s.query, s.params])).toEqual(clean);
  });

  test('connect-time failures surface as STORE_UNAVAILABLE from verify()', async () => {
    const { driver, store } = setup();
    driver.connectivityError = driverError('ServiceUnavailable', 'Failed to connect to server');
    expect(await code(store.verify())).toBe('STORE_UNAVAILABLE');
  });

  test('ensureSchema runs every constraint and index statement, each in its own write', async () => {
    const { driver, store } = setup();
    await store.ensureSchema();
    track(driver);
    expect(driver.committed.map((s) => s.query)).toEqual([...Q.SCHEMA]);
    expect(driver.sessions).toHaveLength(Q.SCHEMA.length);
    expect(Q.SCHEMA.filter((s) => s.includes('REQUIRE n.id IS UNIQUE'))).toHaveLength(9); // 8 labels + KgNode
    expect(Q.SCHEMA.join('\n')).toContain("`fulltext.analyzer`: 'cjk'");
  });

  test('setTaskEmbeddings creates the cosine vector index with an integer dimension, then writes vectors', async () => {
    const { driver, store } = setup(2);
    driver.respond = (q) => (q === Q.VECTOR_INDEX_DIMENSIONS ? [{ dimensions: 3 }] : []); // an index of another model's size
    const vectors = [T1, T2, 'plan:x/3'].map((id, i) => ({ id, vector: [i, 0.5, 0.25, 1] }));
    await store.setTaskEmbeddings(vectors);
    track(driver);
    const queries = driver.sent.map((s) => s.query);
    expect(queries).toEqual([Q.VECTOR_INDEX_DIMENSIONS, Q.DROP_VECTOR_INDEX, Q.CREATE_VECTOR_INDEX, Q.SET_EMBEDDINGS, Q.SET_EMBEDDINGS]);
    const dims = driver.sent[2].params.dimensions;
    expect(neo4j.isInt(dims) && (dims as { toNumber(): number }).toNumber()).toBe(4);
    expect(rowsOf(driver.sent[3])[0]).toEqual({ id: T1, vector: [0, 0.5, 0.25, 1] }); // plain floats, not integers
    driver.sent.length = 0;
    driver.respond = (q) => (q === Q.VECTOR_INDEX_DIMENSIONS ? [{ dimensions: 4 }] : []);
    await store.setTaskEmbeddings(vectors.slice(0, 1));
    expect(driver.sent.map((s) => s.query)).toEqual([Q.VECTOR_INDEX_DIMENSIONS, Q.SET_EMBEDDINGS]); // same size: index kept
    expect(await code(store.setTaskEmbeddings([{ id: T1, vector: [1, 2] }, { id: T2, vector: [1] }]))).toBe('BAD_REQUEST');
  });

  test('clear deletes in slices until nothing is left; close closes the driver', async () => {
    const { driver, store } = setup();
    const left = [10000, 42, 0];
    driver.respond = (q) => (q === Q.DELETE_SLICE ? [{ deleted: left.shift() }] : []);
    await store.clear();
    track(driver);
    expect(driver.sent.map((s) => s.query)).toEqual([Q.DELETE_SLICE, Q.DELETE_SLICE, Q.DELETE_SLICE]);
    await store.close();
    expect(driver.closed).toBe(true);
  });
});
