/**
 * The Neo4j store against a real server (NEO4J_URI; `.ci/run` starts one with npm run neo4j:local):
 * the GraphStore contract, then the analysed seeds loaded by the product's own pipeline (with the
 * embedding model): every read the search and the analysis make answers as on the memory store,
 * constraints, the cjk fulltext index, the vector index with the task embeddings, the cookbook
 * queries, and re-ingest changing nothing. It clears the database it uses.
 */
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { config, loadConfig, type Config } from '../../core/config';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import { createDriver, Neo4jStore, type DriverLike } from '../../graph/neo4j-store';
import * as Q from '../../graph/cypher';
import { ingestDirectory } from '../../ingest';
import { createApp } from '../../server/app';
import { runGraphStoreContract } from '../contracts/graph-store.contract';
import { analystQueries, paramsOf, readCypher } from './analyst-queries';
import { describeNeo4j } from './neo4j-server';
import { model } from '../prerequisites';
import { cypherShell, optionsFrom } from '../../scripts/neo4j-local';
import devQueries from '../../eval/queries-dev.json';

describeNeo4j('Neo4j store on a real server', () => {
  runGraphStoreContract({
    name: 'neo4j',
    create: () => Neo4jStore.connect(config.neo4j),
    realGraph: async () => (await ingestDirectory(config.seedsDir)).graph,
  });
});

/** Rows of a read query, as plain objects. */
async function rows(driver: DriverLike, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database: config.neo4j.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => (await tx.run(query, params)).records.map((r) => r as unknown as { toObject(): Record<string, unknown> }).map((r) => r.toObject()));
  } finally {
    await session.close();
  }
}

describeNeo4j('the analysed seeds in a real Neo4j', () => {
  // one embedding cache for both pipelines (and for reruns): the model runs once per text
  const dataDir = path.join(os.tmpdir(), 'kg-neo4j-real-search');
  const withModel = (extra: Record<string, string>): Config => loadConfig({ ...process.env, NODE_ENV: 'test', KG_DATA_DIR: dataDir, ...extra });
  let memory: Pipeline;
  let neo: Pipeline;
  let driver: DriverLike;

  beforeAll(async () => {
    memory = await bootstrap({ config: withModel({ NEO4J_URI: '' }), rebuild: true });
    neo = await bootstrap({ config: withModel({}), rebuild: true, persist: false });
    driver = createDriver(config.neo4j);
  }, 15 * 60_000);
  afterAll(async () => {
    await driver?.close();
    await neo?.close();
    await memory?.close();
  });

  test('the pipeline ran with the embedding model (the vector index gets real task embeddings)', () => {
    expect(neo.search.status().embedder.active).toBe(true);
    expect(neo.store).toBeInstanceOf(Neo4jStore);
  });

  test('the store holds what the memory store holds: counts and every node and relationship', async () => {
    expect(await neo.store.counts()).toEqual(await memory.store.counts());
    expect(await neo.store.exportAll()).toEqual(await memory.store.exportAll());
    const counts = await neo.store.counts();
    for (const label of ['Plan', 'Task', 'Unit', 'Application', 'Section', 'Region', 'Domain', 'Target']) expect(counts.nodes[label]).toBeGreaterThan(0);
    for (const type of ['PART_OF', 'RESPONSIBLE_FOR', 'IMPLEMENTS', 'SIMILAR_TO', 'IN_DOMAIN', 'HAS_TARGET', 'LISTS', 'IN_REGION']) expect(counts.relationships[type]).toBeGreaterThan(0);
  });

  test('every read the search and the analysis make answers as on the memory store (the same HTTP answers)', async () => {
    const onMemory = createApp({ store: memory.store, search: memory.search, config: memory.search ? withModel({ NEO4J_URI: '' }) : config });
    const onNeo4j = createApp({ store: neo.store, search: neo.search, config: withModel({}) });
    const task = (await neo.store.nodesByLabel('Task'))[0].id;
    const unit = (await neo.store.tasksOfUnit((await neo.store.nodesByLabel('Unit')).find((u) => u.properties.collective === false)!.id))[0];
    const app = (await neo.store.nodesByLabel('Application')).find((a) => a.id)!.id;
    const paths = [
      '/api/plans',
      '/api/units?q=大数据&limit=20',
      '/api/applications?q=浙里&limit=20',
      `/api/nodes/${encodeURIComponent(task)}`,
      `/api/nodes/${encodeURIComponent(task)}/neighbourhood?depth=2`,
      `/api/nodes/${encodeURIComponent(app)}/neighbourhood`,
      '/api/analysis/domains',
      '/api/analysis/compare?domain=公共服务',
      '/api/analysis/compare?topic=数据共享',
      '/api/analysis/units/workload?name=市大数据局',
      '/api/analysis/applications/shared',
      '/api/analysis/targets/by-year',
      '/api/stats',
      ...(devQueries as { q: string }[]).slice(0, 8).map((q) => `/api/search?q=${encodeURIComponent(q.q)}&k=10`),
      `/api/search?q=${encodeURIComponent('数据共享')}&unit=${encodeURIComponent(unit ? (await neo.store.unitsOfTask(unit.task.id))[0].unit.id : '')}`,
    ];
    for (const p of paths) {
      const [a, b] = await Promise.all([request(onMemory).get(p), request(onNeo4j).get(p)]);
      expect([p, b.status]).toEqual([p, a.status]);
      expect(a.status).toBeLessThan(500);
      const strip = (body: unknown) => JSON.parse(JSON.stringify(body, (k, v) => (k === 'took_ms' || k === 'store' ? undefined : v)));
      expect([p, strip(b.body)]).toEqual([p, strip(a.body)]);
    }
  });

  test('constraints: one id per node, enforced by the server', async () => {
    const names = (await rows(driver, 'SHOW CONSTRAINTS YIELD name, type RETURN name, type')).map((r) => `${r.name}:${r.type}`);
    for (const c of ['kg_node_id', 'plan_id', 'task_id', 'unit_id', 'application_id', 'section_id', 'region_id', 'domain_id', 'target_id']) expect(names).toContain(`${c}:UNIQUENESS`);
    const session = driver.session({ database: config.neo4j.database, defaultAccessMode: 'WRITE' });
    try {
      const task = (await neo.store.nodesByLabel('Task'))[0];
      const err = await session.executeWrite(async (tx) => tx.run(`CREATE (:${Q.NODE_LABEL}:Task {id: $id})`, { id: task.id })).catch((e: { code?: string }) => e);
      expect((err as { code?: string }).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    } finally {
      await session.close();
    }
  });

  test('APOC core is loaded, of the server release (what NEO4J_PLUGINS gives in compose)', async () => {
    const [r] = await rows(driver, 'CALL dbms.components() YIELD versions RETURN versions[0] AS neo4j, apoc.version() AS apoc, apoc.text.join($xs, $sep) AS joined', { xs: ['数据', '共享'], sep: '' });
    expect(r).toEqual({ neo4j: expect.stringMatching(/^5\.26\./), apoc: r.neo4j, joined: '数据共享' });
  });

  test('every index is ONLINE, the fulltext one with the cjk analyzer', async () => {
    const indexes = await rows(driver, 'SHOW INDEXES YIELD name, type, state, options RETURN name, type, state, options');
    const byName = new Map(indexes.map((i) => [i.name as string, i]));
    for (const i of indexes) expect([i.name, i.state]).toEqual([i.name, 'ONLINE']);
    expect(byName.get(Q.FULLTEXT_INDEX)).toMatchObject({ type: 'FULLTEXT', options: { indexConfig: { 'fulltext.analyzer': 'cjk' } } });
    for (const n of ['task_plan', 'task_path', 'unit_name', 'unit_region', 'application_name', 'plan_region', 'responsible_role']) expect(byName.has(n)).toBe(true);
  });

  test('the cjk fulltext index answers a Chinese query with the tasks that say it', async () => {
    const hits = await rows(driver, `CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score RETURN node.id AS id, node.title AS title, node.text AS text, score LIMIT 10`, { index: Q.FULLTEXT_INDEX, q: '"数据共享"' });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits.slice(0, 3)) expect(`${h.title}${h.text}`.replace(/\s/g, '')).toContain('数据共享');
    // bigrams: a word the analyzer never saw whole still finds its characters' pairs
    const elderly = await rows(driver, `CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.text AS text LIMIT 5`, { index: Q.FULLTEXT_INDEX, q: '养老服务' });
    expect(elderly.some((h) => String(h.text).includes('养老'))).toBe(true);
  });

  test('the vector index answers db.index.vector.queryNodes with the task embeddings', async () => {
    const [index] = await rows(driver, 'SHOW INDEXES YIELD name, type, state, options WHERE name = $name RETURN type, state, options', { name: Q.VECTOR_INDEX });
    expect(index).toMatchObject({ type: 'VECTOR', state: 'ONLINE', options: { indexConfig: { 'vector.similarity_function': 'COSINE' } } });
    const tasks = await rows(driver, `MATCH (t:Task) RETURN count(t.${Q.EMBEDDING_PROPERTY}) AS withVector, count(t) AS all`);
    expect(tasks[0].withVector).toBe(tasks[0].all);
    // a task's own embedding finds the task itself first
    const some = await rows(driver, `MATCH (t:Task) WITH t ORDER BY t.id SKIP 17 LIMIT 1 CALL db.index.vector.queryNodes($index, 5, t.${Q.EMBEDDING_PROPERTY}) YIELD node, score RETURN t.id AS asked, node.id AS id, score`, { index: Q.VECTOR_INDEX });
    expect(some[0].id).toBe(some[0].asked);
    expect(some[0].score as number).toBeGreaterThan(0.999);
    // a question embedded by the model finds the tasks the memory index finds
    const q = '老人看病、居家养老有哪些智能化手段';
    const vector = Array.from(await neo.search.engine['parts'].embedder!.embedQuery(q));
    const hits = await rows(driver, 'CALL db.index.vector.queryNodes($index, 10, $vector) YIELD node, score RETURN node.id AS id, node.text AS text, score', { index: Q.VECTOR_INDEX, vector });
    expect(hits).toHaveLength(10);
    expect(hits.slice(0, 5).some((h) => /养老|老年|医疗|健康/.test(String(h.text)))).toBe(true);
  });

  test.each([
    ['queries.cypher', 'queries.cypher'],
    ['analysis-queries.cypher', 'analysis-queries.cypher'],
  ])('every query of docs/neo4j/%s returns rows on the analysed seeds, with its :param values', async (_name, file) => {
    const text = readCypher(file);
    const params = paramsOf(text);
    const empty: string[] = [];
    for (const q of analystQueries(text)) {
      const got = await rows(driver, q.query.replace(/;$/, ''), params);
      if (!got.length) empty.push(q.title);
    }
    expect(empty).toEqual([]);
  });

  test.each(['queries.cypher', 'analysis-queries.cypher'])('cypher-shell runs docs/neo4j/%s as it stands, every statement', (file) => {
    const run = cypherShell({ ...optionsFrom(), password: config.neo4j.password, user: config.neo4j.user }, ['--fail-fast', '--format', 'plain', '-f', path.resolve(__dirname, '../../docs/neo4j', file)], 'pipe', config.neo4j.uri!);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const queries = analystQueries(readCypher(file));
    // every statement ran: the header of its result (with its first named RETURN column) was printed
    for (const q of queries) {
      const first = q.query.slice(q.query.lastIndexOf('RETURN')).match(/\bAS (\w+)/)?.[1];
      if (first) expect(run.stdout).toMatch(new RegExp(`^(\\w+, )*${first}(, |$)`, 'm'));
    }
  });

  test('re-ingesting is a no-op: the same counts and the same graph', async () => {
    const before = await neo.store.exportAll();
    const counts = await neo.store.counts();
    await neo.store.upsert(await memory.store.exportAll()); // the same analysed graph, written again
    await neo.store.upsert((await ingestDirectory(config.seedsDir)).graph); // and the ingest's part of it once more
    expect(await neo.store.counts()).toEqual(counts);
    expect(await neo.store.exportAll()).toEqual(before);
  });
}, model());
