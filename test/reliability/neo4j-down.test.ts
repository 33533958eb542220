/**
 * A real Neo4j stopped mid-run: the API answers 503 STORE_UNAVAILABLE (retriable, naming the
 * server) while it is down, and the same store, driver and app answer again once it is started
 * again, with the data it held. The server is a private one (its own ports and data folder,
 * started and stopped by the launcher of `npm run neo4j:local`), so no other suite sees it go.
 */
import request from 'supertest';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import { Neo4jStore } from '../../graph/neo4j-store';
import { createApp } from '../../server/app';
import { describePrivateNeo4j, privateNeo4j, type PrivateNeo4j } from '../graph/neo4j-server';
import { testConfig, tmpDir } from './helpers';

describePrivateNeo4j('Neo4j stopped mid-run, then started again', () => {
  const tmp = tmpDir('neo4j-down');
  let server: PrivateNeo4j;
  let seeds: Pipeline;

  beforeAll(async () => {
    server = await privateNeo4j();
    await server.start();
  }, 5 * 60_000);
  afterAll(async () => {
    await seeds?.close();
    await server?.dispose();
    tmp.cleanup();
  }, 2 * 60_000);

  test('503 STORE_UNAVAILABLE while it is down, the same answers once it is back', async () => {
    const { uri, password } = server.neo4j;
    const cfg = testConfig(tmp.dir, { NEO4J_URI: uri!, NEO4J_PASSWORD: password, NEO4J_CONNECTION_TIMEOUT_MS: '1000', NEO4J_MAX_RETRY_MS: '1000' });
    seeds = await bootstrap({ config: cfg, rebuild: true, persist: false });
    expect(seeds.store).toBeInstanceOf(Neo4jStore);
    const app = createApp({ store: seeds.store, search: seeds.search, config: cfg });
    const task = (await seeds.store.nodesByLabel('Task'))[0].id;
    const paths = [`/api/nodes/${encodeURIComponent(task)}`, `/api/nodes/${encodeURIComponent(task)}/neighbourhood`, `/api/search?q=${encodeURIComponent('数据共享')}`, '/api/analysis/domains'];
    const before = new Map<string, unknown>();
    for (const p of paths) {
      const res = await request(app).get(p);
      expect([p, res.status]).toEqual([p, 200]);
      before.set(p, res.body);
    }
    const counts = await seeds.store.counts();

    await server.stop(); // the real server process ends
    for (const p of paths) {
      const res = await request(app).get(p);
      expect([p, res.status]).toEqual([p, 503]);
      expect(res.body.error).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true });
      expect(res.body.error.message).toContain(uri);
      expect(res.headers['retry-after']).toBe('1');
    }
    await expect(seeds.store.upsert({ nodes: [], relationships: [] })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });

    await server.start(); // the same data folder and ports
    for (const p of paths) {
      const res = await request(app).get(p);
      expect([p, res.status]).toEqual([p, 200]);
      const strip = (body: unknown) => JSON.parse(JSON.stringify(body, (k, v) => (k === 'took_ms' ? undefined : v)));
      expect([p, strip(res.body)]).toEqual([p, strip(before.get(p))]);
    }
    expect(await seeds.store.counts()).toEqual(counts);
  }, 5 * 60_000);
});
