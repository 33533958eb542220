/** The analysis API over a real MemoryStore holding the analysed seeds, through express. */
import express from 'express';
import request from 'supertest';
import { analyse, mergeGraphData } from '../../analysis/index';
import { config } from '../../core/config';
import type { GraphData } from '../../graph/model';
import { MemoryStore } from '../../graph/memory-store';
import { ingestDirectory } from '../../ingest/index';
import { errorMiddleware } from '../../server/http-errors';
import { analysisRouter } from '../../server/routes/analysis';

let app: express.Express;

beforeAll(async () => {
  const { graph } = (await ingestDirectory(config.seedsDir)) as { graph: GraphData };
  const store = new MemoryStore();
  await store.upsert(mergeGraphData(graph, analyse({ graph })));
  app = express();
  app.use(analysisRouter({ store }));
  app.use(errorMiddleware(() => {}));
});

test('domains: one row per plan, counts summing to its tasks', async () => {
  const res = await request(app).get('/api/analysis/domains').expect(200);
  expect(res.body.domains).toHaveLength(8);
  expect(res.body.plans).toHaveLength(5);
  for (const p of res.body.plans) expect(Object.values(p.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(p.total);
});

test('compare by domain and topic; unknown domain and missing parameters are 400 with a Chinese message', async () => {
  const byDomain = await request(app).get('/api/analysis/compare').query({ domain: '市场监管' }).expect(200);
  expect(byDomain.body.plans.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBeGreaterThanOrEqual(12);
  const byTopic = await request(app).get('/api/analysis/compare').query({ topic: '网络安全' }).expect(200);
  expect(byTopic.body.plans.filter((p: { count: number }) => p.count > 0).length).toBe(5);
  expect(byTopic.body.links.length).toBeGreaterThan(0);
  const bad = await request(app).get('/api/analysis/compare').query({ domain: '不存在' }).expect(400);
  expect(bad.body.error.code).toBe('BAD_REQUEST');
  expect(bad.body.error.message).toContain('未知职能领域');
  await request(app).get('/api/analysis/compare').expect(400);
});

test('unit workload across cities by unit type; unknown unit is 404', async () => {
  const res = await request(app).get('/api/analysis/units/workload').query({ name: '市大数据局' }).expect(200);
  const regions = res.body.units.map((u: { unit: { region: string } }) => u.unit.region);
  expect(regions).toEqual(expect.arrayContaining(['嘉兴市', '绍兴市', '金华市']));
  const total = res.body.units.reduce((s: number, u: { led: number; shared: number }) => s + u.led + u.shared, 0);
  expect(total).toBeGreaterThan(20);
  await request(app).get('/api/analysis/units/workload').query({ name: '市不存在局' }).expect(404);
});

test('shared applications and targets by year', async () => {
  const apps = await request(app).get('/api/analysis/applications/shared').expect(200);
  expect(apps.body.items.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['浙里办']));
  const targets = await request(app).get('/api/analysis/targets/by-year').expect(200);
  expect(targets.body.years.map((y: { year: number | null }) => y.year)).toEqual(expect.arrayContaining([2020, 2021, 2022, 2025]));
  expect(targets.body.total).toBeGreaterThan(40);
});

test('Chart.js is served locally for the page', async () => {
  const res = await request(app).get('/vendor/chart.js/chart.umd.min.js').expect(200);
  expect(res.text.length).toBeGreaterThan(100000);
});
