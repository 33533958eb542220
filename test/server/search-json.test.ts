/**
 * The search response as written by the server: the same JSON as `JSON.stringify(response)`
 * (neighbourhoods from their serialised memo), task summaries in neighbourhoods, and a memo
 * that follows the graph (an upsert shows up in the next answer).
 */
import request from 'supertest';
import { ids } from '../../graph/model';
import { createApp } from '../../server/app';
import { searchJson } from '../../server/search-json';
import { taskNeighbourhood } from '../../search/neighbourhood';
import { closePipeline, realDeps, realPipeline } from './helpers';

afterAll(closePipeline);

const Q = '一网通办 政务服务';

test('searchJson is JSON.stringify of the response, also on a second (memoised) answer', async () => {
  const p = await realPipeline();
  for (let i = 0; i < 2; i++) {
    const out = await p.search.search(Q, { k: 10 });
    expect(out.results.length).toBeGreaterThan(5);
    expect(JSON.parse(searchJson(out))).toEqual(JSON.parse(JSON.stringify(out)));
    expect(searchJson(out)).toBe(JSON.stringify(out));
  }
});

test('neighbourhood task nodes are summaries: no text, the rest of their properties kept', async () => {
  const p = await realPipeline();
  const { results } = await p.search.search(Q, { k: 10 });
  let others = 0;
  for (const r of results) {
    const tasks = r.neighbourhood.nodes.filter((n) => n.labels.includes('Task'));
    expect(tasks.map((n) => n.id)).toContain(r.node.id);
    for (const t of tasks) {
      expect(t.properties).not.toHaveProperty('text');
      for (const key of ['title', 'path', 'planId', 'sourceFile']) expect(t.properties).toHaveProperty(key);
      if (t.id !== r.node.id) others++;
    }
    expect(r.node.properties.text).toEqual(expect.any(String)); // the result's own task is whole
  }
  expect(others).toBeGreaterThan(0); // similar tasks of other plans are there
});

test('memoised neighbourhoods are frozen and follow upserts (revision)', async () => {
  const p = await realPipeline();
  const [task] = await p.store.nodesByLabel('Task');
  const first = await taskNeighbourhood(p.store, task, [], 1);
  expect(await taskNeighbourhood(p.store, task, [], 1)).toBe(first); // memoised
  expect(Object.isFrozen(first.nodes[0].properties)).toBe(true);
  expect(() => (first.nodes as unknown[]).push(null)).toThrow(TypeError);
  const app = ids.application('测试用备忘应用');
  await p.store.upsert({
    nodes: [{ id: app, labels: ['Application'], properties: { name: '测试用备忘应用', aliases: [], tier: null } }],
    relationships: [{ type: 'IMPLEMENTS', start: app, end: task.id, properties: {} }],
  });
  const after = await taskNeighbourhood(p.store, task, [], 1);
  expect(after).not.toBe(first);
  expect(after.nodes.map((n) => n.id)).toContain(app);
  expect(after.relationships).toContainEqual(expect.objectContaining({ type: 'IMPLEMENTS', start: app, end: task.id }));
});

test('GET /api/search answers the same JSON, without an ETag', async () => {
  const deps = await realDeps();
  const res = await request(createApp(deps)).get('/api/search').set('Accept-Encoding', 'identity').query({ q: Q, k: 5 }).expect(200).expect('content-type', /application\/json; charset=utf-8/);
  expect(res.headers.etag).toBeUndefined();
  expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
  const direct = await deps.search.search(Q, { k: 5 });
  expect(res.body.results.map((r: { node: { id: string } }) => r.node.id)).toEqual(direct.results.map((r) => r.node.id));
  expect(res.body.results[0].neighbourhood).toEqual(JSON.parse(JSON.stringify(direct.results[0].neighbourhood)));
});
