/**
 * The real server on 127.0.0.1 under a short autocannon load (loopback only, 4 s, 8
 * connections) mixing questions, node lookups and bad input: no 5xx, no socket errors.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import autocannon from 'autocannon';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import { createApp } from '../../server/app';
import { testConfig, tmpDir } from './helpers';

describe('server under load', () => {
  const tmp = tmpDir('load');
  let pipeline: Pipeline;
  let server: Server;
  beforeAll(async () => {
    const base = testConfig(tmp.dir);
    // the limiter would answer 429 within a second at this rate; its own behaviour is tested in test/server
    const config = { ...base, server: { ...base.server, rateLimitPerMinute: 1e9 } };
    pipeline = await bootstrap({ config, rebuild: true });
    server = createApp({ store: pipeline.store, search: pipeline.search, config }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await pipeline.close();
    tmp.cleanup();
  });

  test('4 s at 8 connections: every answer 2xx or 4xx, none 5xx', async () => {
    const task = (await pipeline.store.nodesByLabel('Task'))[0].id;
    const paths = [
      `/api/search?q=${encodeURIComponent('数据共享平台建设')}`,
      `/api/search?q=${encodeURIComponent('市大数据局牵头哪些任务')}&k=5`,
      `/api/nodes/${encodeURIComponent(task)}`,
      `/api/nodes/${encodeURIComponent(task)}/neighbourhood?depth=2`,
      `/api/search?q=${encodeURIComponent('浙里办')}&depth=3`,
      '/api/search?q=',
      `/api/search?q=${'长'.repeat(300)}`,
      '/api/search?q=%E4%B8',
      '/api/nodes/no-such-node',
    ];
    const r = await autocannon({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: 8, duration: 4, requests: paths.map((path) => ({ method: 'GET' as const, path })) });
    expect(r.requests.total).toBeGreaterThan(20); // a real load even on a busy 2-core machine
    expect(r['5xx']).toBe(0);
    expect(r.errors).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r['2xx']).toBeGreaterThan(0);
    expect(r['4xx']).toBeGreaterThan(0); // the bad inputs were answered, as 400/404
  });
});
