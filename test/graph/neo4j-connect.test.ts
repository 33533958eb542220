/** No server to talk to: the real driver gives STORE_UNAVAILABLE quickly, never a hang (no Neo4j needed). */
import net from 'node:net';
import { config } from '../../core/config';
import { Neo4jStore, createDriver } from '../../graph/neo4j-store';
import { openStore } from '../../graph/open-store';
import { closedPort } from './closed-port';

describe('Neo4j unreachable: the real driver gives STORE_UNAVAILABLE, not a hang', () => {
  const neo4jConfig = (uri: string) => ({ uri, user: 'neo4j', password: 'secret', database: undefined, connectionTimeoutMs: 1000, maxRetryTimeMs: 500 });

  test('connecting to a closed localhost port', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const err = await Neo4jStore.connect(neo4jConfig(uri)).catch((e) => e);
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true });
    expect(err.message).toContain(uri);
    expect(Date.now() - started).toBeLessThan(10_000); // a guard against hanging, not a benchmark
  });

  test('openStore picks Neo4j when NEO4J_URI is set and fails the same way', async () => {
    const uri = `neo4j://127.0.0.1:${await closedPort()}`;
    await expect(openStore({ ...config, neo4j: neo4jConfig(uri) })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  test('a query after the server went away: the driver retries, then STORE_UNAVAILABLE', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const store = new Neo4jStore(createDriver(neo4jConfig(uri)), { where: uri });
    try {
      await expect(store.counts()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.upsert({ nodes: [], relationships: [] })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      await store.close();
    }
  });

  test('a port that accepts connections but never speaks Bolt', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const uri = `bolt://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      await expect(Neo4jStore.connect(neo4jConfig(uri))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
