import net from 'node:net';
import { config } from '../../core/config';
import { ingestDirectory } from '../../ingest';
import { Neo4jStore, createDriver } from '../../graph/neo4j-store';
import { openStore } from '../../graph/open-store';
import { runGraphStoreContract } from '../contracts/graph-store.contract';
import { analystQueries, paramsOf } from './analyst-queries';
import { closedPort } from './closed-port';

// The same contract as the memory store, against a real server. It clears the database it uses.
runGraphStoreContract({
  name: 'neo4j',
  create: () => Neo4jStore.connect(config.neo4j),
  realGraph: async () => (await ingestDirectory(config.seedsDir)).graph,
  skip: config.neo4j.uri ? false : 'no Neo4j server here; set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run it (it clears that database)',
});

// The analyst queries of docs/neo4j/queries.cypher run on the seeds loaded by the real store.
if (!config.neo4j.uri) console.log('SKIP: docs/neo4j/queries.cypher on a real Neo4j: no Neo4j server here; set NEO4J_URI to run it (it clears that database)');
(config.neo4j.uri ? describe : describe.skip)('docs/neo4j/queries.cypher on a real Neo4j with the seeds', () => {
  let store: Neo4jStore;
  let driver: ReturnType<typeof createDriver>;
  beforeAll(async () => {
    store = await Neo4jStore.connect(config.neo4j);
    await store.clear();
    const { graph } = await ingestDirectory(config.seedsDir);
    await store.upsert(graph);
    const tasks = graph.nodes.filter((n) => n.labels.includes('Task'));
    await store.setTaskEmbeddings(tasks.map((t, i) => ({ id: t.id, vector: [1, (i % 7) / 7, (i % 3) / 3, 0.5] })));
    driver = createDriver(config.neo4j);
  });
  afterAll(async () => {
    await store?.close();
    await driver?.close();
  });

  test.each(analystQueries().map((q) => [q.title, q.query]))('%s', async (_title, query) => {
    const session = driver.session({ database: config.neo4j.database, defaultAccessMode: 'READ' });
    try {
      const rows = await session.executeRead(async (tx) => (await tx.run(query.replace(/;$/, ''), paramsOf())).records);
      expect(Array.isArray(rows)).toBe(true);
    } finally {
      await session.close();
    }
  });
});


describe('Neo4j down: the real driver gives STORE_UNAVAILABLE, not a hang', () => {
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
