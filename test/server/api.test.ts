/** The JSON API over the real seeds graph and search, in-process (supertest). */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { GraphNode } from '../../graph/model';
import { createApp } from '../../server/app';
import { closePipeline, realDeps, realPipeline, someTaskWithUnits } from './helpers';

let app: ReturnType<typeof createApp>;
const Q = '老人看病、居家养老有哪些智能化手段';

beforeAll(async () => {
  app = createApp(await realDeps());
});
afterAll(closePipeline);

const compact = (s: string) => s.replace(/\s+/g, '');

describe('GET /api/search', () => {
  test('answers a Chinese question with tasks, provenance, highlights and neighbourhoods', async () => {
    const res = await request(app).get('/api/search').query({ q: `  ${Q}  `, k: 5 }).expect(200).expect('content-type', /json/);
    expect(res.body.query).toBe(Q);
    expect(res.body.took_ms).toBeGreaterThanOrEqual(0);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.length).toBeLessThanOrEqual(5);
    for (const r of res.body.results) {
      const p = r.node.properties;
      expect(r.node.labels).toContain('Task');
      for (const key of ['sourceFile', 'path', 'title', 'text', 'lineStart', 'lineEnd']) expect(p).toHaveProperty(key);
      // the citation points at lines of the original file that hold the task's text
      const lines = fs.readFileSync(path.join(__dirname, '../../seeds', p.sourceFile), 'utf8').split(/\r?\n/);
      const cited = compact(lines.slice(p.lineStart - 1, p.lineEnd).join(''));
      expect(cited).toContain(compact(p.text).slice(0, 8));
      expect(r.neighbourhood.nodes.map((n: GraphNode) => n.id)).toContain(r.node.id);
      for (const h of r.highlights) expect(h.end).toBeGreaterThan(h.start);
    }
    const scores = res.body.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('the plan, unit, application and year filters hold for every result', async () => {
    const p = await realPipeline();
    const taskId = await someTaskWithUnits(p);
    const task = (await p.store.getNode(taskId))!;
    const planId = String(task.properties.planId);
    const unit = (await p.store.unitsOfTask(taskId))[0].unit.id;
    const byPlan = await request(app).get('/api/search').query({ q: '数据', plan: planId, k: 20 }).expect(200);
    expect(byPlan.body.results.length).toBeGreaterThan(0);
    for (const r of byPlan.body.results) expect(r.node.properties.planId).toBe(planId);
    const byUnit = await request(app).get('/api/search').query({ q: '建设', unit, k: 20 }).expect(200);
    expect(byUnit.body.results.length).toBeGreaterThan(0);
    for (const r of byUnit.body.results) {
      expect((await p.store.unitsOfTask(r.node.id)).map((u) => u.unit.id)).toContain(unit);
    }
    const year = (task.properties.years as number[])[0] ?? (await p.store.nodesByLabel('Task')).flatMap((t) => t.properties.years as number[])[0];
    const byYear = await request(app).get('/api/search').query({ q: '建设', year, k: 20 }).expect(200);
    expect(byYear.body.results.length).toBeGreaterThan(0);
    for (const r of byYear.body.results) expect(r.node.properties.years).toContain(year);
    const apps = await p.store.nodesByLabel('Application');
    const app0 = (await Promise.all(apps.map(async (a) => ((await p.store.tasksOfApplication(a.id)).length ? a : null)))).find(Boolean)!;
    const byApp = await request(app).get('/api/search').query({ q: String(app0.properties.name), application: app0.id }).expect(200);
    expect(byApp.body.results.length).toBeGreaterThan(0);
    for (const r of byApp.body.results) {
      expect((await p.store.applicationsOfTask(r.node.id)).map((a) => a.id)).toContain(app0.id);
    }
  });

  test('POST with a JSON body gives the same answer as GET', async () => {
    const get = await request(app).get('/api/search').query({ q: Q, k: 3 }).expect(200);
    const post = await request(app).post('/api/search').send({ q: Q, k: 3 }).expect(200);
    expect(post.body.results.map((r: { node: GraphNode }) => r.node.id)).toEqual(get.body.results.map((r: { node: GraphNode }) => r.node.id));
  });

  test.each([
    [{ q: '' }, 'QUERY_EMPTY'],
    [{ q: '   ' }, 'QUERY_EMPTY'],
    [{}, 'QUERY_EMPTY'],
    [{ q: '数'.repeat(201) }, 'QUERY_TOO_LONG'],
    [{ q: '数据', k: '0' }, 'BAD_REQUEST'],
    [{ q: '数据', k: '51' }, 'BAD_REQUEST'],
    [{ q: '数据', k: 'ten' }, 'BAD_REQUEST'],
    [{ q: '数据', k: '1.5' }, 'BAD_REQUEST'],
    [{ q: '数据', depth: '4' }, 'BAD_REQUEST'],
    [{ q: '数据', year: '二〇二二' }, 'BAD_REQUEST'],
    [{ q: ['数据', '平台'] }, 'BAD_REQUEST'],
    [{ q: '数据', k: ['1', '2'] }, 'BAD_REQUEST'],
  ])('refuses %j with 400 %s', async (query, code) => {
    const res = await request(app).get('/api/search').query(query).expect(400);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), retriable: false } });
  });

  test('200 characters are accepted, counted as characters not bytes', async () => {
    await request(app).get('/api/search').query({ q: '数字政府'.repeat(50) }).expect(200);
  });

  test('Cypher in q is only text: the graph is unchanged and no endpoint runs queries', async () => {
    const p = await realPipeline();
    const before = await p.store.counts();
    await request(app).get('/api/search').query({ q: 'MATCH (n) DETACH DELETE n' }).expect(200);
    expect(await p.store.counts()).toEqual(before);
    for (const url of ['/api/cypher', '/api/query', '/api/db/neo4j/tx']) {
      const res = await request(app).post(url).send({ statement: 'MATCH (n) RETURN n' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('nodes and listings', () => {
  test('GET /api/nodes/:id gives a task with its units (role, order) and applications', async () => {
    const p = await realPipeline();
    const id = await someTaskWithUnits(p);
    const res = await request(app).get(`/api/nodes/${encodeURIComponent(id)}`).expect(200);
    expect(res.body.node.id).toBe(id);
    expect(res.body.units.length).toBeGreaterThan(1);
    for (const u of res.body.units) expect(['lead', 'co', 'responsible']).toContain(u.role);
    expect(Array.isArray(res.body.applications)).toBe(true);
  });

  test('unknown ids are 404, traversal-looking ids are just unknown ids', async () => {
    for (const id of ['nope', '../../etc/passwd', '..%2F..%2Fpackage.json']) {
      const res = await request(app).get(`/api/nodes/${encodeURIComponent(id)}`).expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  test('neighbourhood grows with depth and is refused outside 1..3', async () => {
    const p = await realPipeline();
    const id = await someTaskWithUnits(p);
    const url = `/api/nodes/${encodeURIComponent(id)}/neighbourhood`;
    const d1 = await request(app).get(url).query({ depth: 1 }).expect(200);
    const d2 = await request(app).get(url).query({ depth: 2 }).expect(200);
    expect(d1.body.nodes.map((n: GraphNode) => n.id)).toContain(id);
    expect(d2.body.nodes.length).toBeGreaterThan(d1.body.nodes.length);
    const units = (await p.store.unitsOfTask(id)).map((u) => u.unit.id);
    expect(d1.body.nodes.map((n: GraphNode) => n.id)).toEqual(expect.arrayContaining(units));
    for (const depth of ['0', '4', 'x', '-1']) await request(app).get(url).query({ depth }).expect(400);
  });

  test('plans, units and applications listings', async () => {
    const plans = await request(app).get('/api/plans').expect(200);
    const withTasks = plans.body.plans.filter((p: { tasks: number }) => p.tasks > 0);
    expect(withTasks).toHaveLength(5);
    const sources = withTasks.map((p: { node: GraphNode }) => p.node.properties.sourceFile).sort();
    expect(sources).toEqual(fs.readdirSync(path.join(__dirname, '../../seeds')).filter((f) => f.endsWith('.txt')).sort());
    const units = await request(app).get('/api/units').query({ q: '大数据' }).expect(200);
    expect(units.body.items.length).toBeGreaterThan(0);
    for (const u of units.body.items) expect([u.properties.name, ...u.properties.aliases].join('|')).toContain('大数据');
    const apps = await request(app).get('/api/applications').query({ q: '浙里', limit: 3 }).expect(200);
    expect(apps.body.items.length).toBeLessThanOrEqual(3);
    expect(apps.body.total).toBeGreaterThanOrEqual(apps.body.items.length);
    await request(app).get('/api/units').query({ limit: '101' }).expect(400);
  });

  test('stats and health report the real store, index and the missing model', async () => {
    const p = await realPipeline();
    const stats = await request(app).get('/api/stats').expect(200);
    expect(stats.body.nodes).toEqual((await p.store.counts()).nodes);
    const years = new Set((await p.store.nodesByLabel('Task')).flatMap((t) => t.properties.years as number[]));
    expect(stats.body.years).toEqual([...years].sort());
    expect(stats.body.years.length).toBeGreaterThan(0);
    const health = await request(app).get('/api/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.store.description).toBe(p.store.describe());
    expect(health.body.store.nodes).toBeGreaterThan(100);
    expect(health.body.index.keywordDocs).toBeGreaterThan(50);
    expect(health.body.embedder.active).toBe(false);
    expect(health.body.note).toMatch(/关键词/);
  });
});

describe('GET /api/source/:file', () => {
  test('serves the exact original lines of a seed file', async () => {
    const file = '000_4cb10dc33e04c09c.txt';
    const lines = fs.readFileSync(path.join(__dirname, '../../seeds', file), 'utf8').split(/\r?\n/);
    const res = await request(app).get(`/api/source/${file}`).query({ from: 30, to: 34 }).expect(200);
    expect(res.body.lines).toEqual([30, 31, 32, 33, 34].map((n) => ({ n, text: lines[n - 1] })));
    expect(res.body.totalLines).toBe(lines.length);
  });

  test('only whitelisted seed names; traversal and unknown names are 404, bad ranges 400', async () => {
    for (const f of ['..%2Fpackage.json', '..%2F..%2Fetc%2Fpasswd', 'package.json', '%2Fetc%2Fpasswd', '000_4cb10dc33e04c09c.txt%00']) {
      const res = await request(app).get(`/api/source/${f}`);
      expect([400, 404]).toContain(res.status);
      expect(res.body.error).toBeDefined();
    }
    await request(app).get('/api/source/000_4cb10dc33e04c09c.txt').query({ from: 10, to: 5 }).expect(400);
    await request(app).get('/api/source/000_4cb10dc33e04c09c.txt').query({ from: 1, to: 400 }).expect(400);
    await request(app).get('/api/source/000_4cb10dc33e04c09c.txt').query({ from: 99999 }).expect(400);
  });
});

describe('GET /neo4j/style.grass', () => {
  test('serves the Neo4j Browser style to another origin (Browser on :7474 loads it on connect)', async () => {
    const res = await request(app).get('/neo4j/style.grass').set('Origin', 'http://localhost:7474').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.text).toBe(fs.readFileSync(path.join(__dirname, '../../docs/neo4j/style.grass'), 'utf8'));
    for (const label of ['Plan', 'Task', 'Unit', 'Application']) expect(res.text).toContain(`node.${label}`);
  });
});
