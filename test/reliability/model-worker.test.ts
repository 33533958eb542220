/**
 * The supervised model process under load (the real bge-small-zh worker, real HTTP server):
 * SIGKILL it, then SIGSTOP it, while autocannon sends questions. Every answer is a 200 (never a
 * 503): keyword + graph with `interpretation.mode` and a note saying so while the model is down;
 * /api/health says `degraded` with the reason; the worker is restarted (a stopped one is
 * killed after the per-call deadline and replaced) and hybrid answers come back.
 * Under CI=true a missing model fails; otherwise the suite skips with the reason.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import autocannon from 'autocannon';
import { MemoryStore } from '../../graph/memory-store';
import { createSearch, type Search } from '../../search';
import { createEmbedder } from '../../search/embedder-factory';
import { SupervisedEmbedder } from '../../search/supervised-embedder';
import type { TransformersEmbedder } from '../../search/transformers-embedder';
import { createApp } from '../../server/app';
import { describeIf, model } from '../prerequisites';
import { fixtureGraph } from '../search/fixture-graph';
import { testConfig, tmpDir } from './helpers';

const tmp = tmpDir('model-worker');
afterAll(() => tmp.cleanup());
const config = (() => {
  const base = testConfig(tmp.dir, { KG_EMBEDDER: '', KG_EMBED_TIMEOUT_MS: '1000' });
  return { ...base, server: { ...base.server, rateLimitPerMinute: 1e9 } };
})();

const until = async (cond: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describeIf('model-worker supervision', model())('supervised model worker under load', () => {
  let search: Search;
  let embedder: SupervisedEmbedder;
  let server: Server;
  let base: string;
  const pid = () => (embedder.current as TransformersEmbedder | null)?.pid;
  const health = async () => (await fetch(`${base}/api/health`)).json() as Promise<{ status: string; reasons: string[]; embedder: { health?: { state: string; restarts: number } } }>;
  const modes = async (q: string) => ((await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).json()) as { interpretation: { mode: string; notes: string[] } }).interpretation;

  beforeAll(async () => {
    const chosen = await createEmbedder(config);
    if (!(chosen.embedder instanceof SupervisedEmbedder)) throw new Error(`no supervised model: ${chosen.status.reason}`);
    embedder = chosen.embedder;
    const store = new MemoryStore();
    await store.upsert(fixtureGraph());
    search = await createSearch({ store, config, embedder, embedderStatus: chosen.status });
    server = createApp({ store, search, config }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await search?.close();
  });

  // each request a new question: the query LRU cannot answer for the model
  let n = 0;
  const load = (seconds: number) => autocannon({
    url: base, connections: 8, duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(`敏感数据加密脱敏 ${n++}`)}` }) }],
  });

  test.each([['SIGKILL'], ['SIGSTOP']] as const)('%s on the worker under load: no 5xx, keyword answers while down, restarted', async (signal) => {
    expect((await modes('防止个人信息泄露')).mode).toMatch(/(^|\+)hybrid$/);
    const before = pid()!;
    const restarts = embedder.health().restarts;
    const running = load(4);
    await new Promise((r) => setTimeout(r, 700));
    process.kill(before, signal);
    // while it is down: 200, keyword + graph, said in the mode and the notes; health degraded
    await until(async () => (await health()).status === 'degraded', 3000);
    const h = await health();
    expect(h.reasons.join(' ')).toMatch(/嵌入模型|embedding model/);
    const r = await running;
    expect(r.errors).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r['5xx']).toBe(0);
    expect(r.non2xx).toBe(0);
    expect(r.requests.total).toBeGreaterThan(20);
    await until(() => embedder.health().state === 'up', 20_000);
    expect(pid()).not.toBe(before);
    expect(embedder.health().restarts).toBe(restarts + 1);
    expect((await health()).status).toBe('ok');
    expect((await modes('防止个人信息泄露 恢复')).mode).toMatch(/(^|\+)hybrid$/);
    if (signal === 'SIGSTOP') {
      // the stopped process was killed, not left behind
      await until(() => { try { process.kill(before, 0); return false; } catch { return true; } }, 3000);
    }
  }, 60_000);

  test('overload (more queries than the deadline allows) drops the late ones but never replaces a working process', async () => {
    const before = pid();
    const restarts = embedder.health().restarts;
    const results = await Promise.allSettled(Array.from({ length: 3000 }, (_, i) => embedder.embedQuery(`数据共享平台建设第${i}项`)));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const f of failed) expect(f.reason).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect(failed.length).toBeGreaterThan(0); // it was overloaded: the 1 s deadline dropped the late ones
    expect(results.length - failed.length).toBeGreaterThan(0);
    expect(embedder.health()).toMatchObject({ state: 'up', restarts });
    expect(pid()).toBe(before);
    expect((await embedder.embedQuery('城市大脑')).length).toBe(embedder.dimensions);
  }, 60_000);

  test('while the worker is down a search says keyword + graph in its mode and notes', async () => {
    const before = pid()!;
    process.kill(before, 'SIGKILL');
    await until(() => embedder.health().state !== 'up', 3000);
    const i = await modes('防止个人信息泄露 停机');
    expect(i.mode).toMatch(/(^|\+)keyword$/);
    expect(i.notes.join(' ')).toMatch(/仅关键词\+图谱|keyword \+ graph only/);
    await until(() => embedder.health().state === 'up', 20_000);
  }, 30_000);
});
