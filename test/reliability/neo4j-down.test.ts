/**
 * Neo4j unreachable → 503 STORE_UNAVAILABLE, and answers again once it is back.
 *
 * What is real: the Neo4jStore, the real neo4j-driver connecting to a closed localhost port (the
 * driver's own ServiceUnavailable after its retries), the error mapping and the HTTP app.
 * What is emulated (no Neo4j server can run here): "Neo4j is back" swaps the driver behind the
 * store for an in-process stand-in that answers the store's node/relationship queries from the
 * seeds graph. So this covers the error path and the store's recovery without restart (no
 * state is kept across a failure); it does not cover a real server's reconnection, which needs
 * NEO4J_URI (test/graph/neo4j-store.test.ts).
 */
import request from 'supertest';
import { bootstrap } from '../../app/pipeline';
import * as Q from '../../graph/cypher';
import type { GraphData } from '../../graph/model';
import { createDriver, Neo4jStore, type DriverLike, type SessionLike } from '../../graph/neo4j-store';
import { createApp } from '../../server/app';
import { FakeDriver } from '../graph/fake-driver';
import { testConfig, tmpDir } from './helpers';
import { closedPort } from '../graph/closed-port';


/** Answers GET_NODES and RELATIONSHIPS_OF from a graph, the columns the store reads. */
function standIn(g: GraphData): FakeDriver {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const fake = new FakeDriver();
  fake.respond = (query, params) => {
    if (query === Q.GET_NODES) {
      return (params.ids as string[]).filter((id) => byId.has(id)).map((id) => ({ id, labels: byId.get(id)!.labels, props: byId.get(id)!.properties }));
    }
    if (query === Q.RELATIONSHIPS_OF) {
      const ids = new Set(params.ids as string[]);
      return g.relationships.filter((r) => ids.has(r.start) || ids.has(r.end)).map((r) => ({ start: r.start, type: r.type, end: r.end, props: r.properties }));
    }
    return [];
  };
  return fake;
}

/** A driver whose target can be switched: down (real driver, closed port) or back (stand-in). */
class SwitchDriver implements DriverLike {
  constructor(public target: DriverLike) {}
  session(c: Parameters<DriverLike['session']>[0]): SessionLike {
    return this.target.session(c);
  }
  verifyConnectivity() {
    return this.target.verifyConnectivity();
  }
  close() {
    return this.target.close();
  }
}

describe('Neo4j store unreachable', () => {
  const tmp = tmpDir('neo4j');
  afterAll(() => tmp.cleanup());

  test('503 STORE_UNAVAILABLE while down, 200 once back', async () => {
    const base = testConfig(tmp.dir);
    const seeds = await bootstrap({ config: base, rebuild: true, persist: false });
    const graph = await seeds.store.exportAll();
    const task = graph.nodes.find((n) => n.labels.includes('Task'))!.id;
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const down = createDriver({ ...base.neo4j, uri, connectionTimeoutMs: 500, maxRetryTimeMs: 300 });
    const driver = new SwitchDriver(down);
    const store = new Neo4jStore(driver, { where: uri });
    await expect(Neo4jStore.connect({ ...base.neo4j, uri, connectionTimeoutMs: 500, maxRetryTimeMs: 300 })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const app = createApp({ store, search: seeds.search, config: base });

    for (const path of [`/api/nodes/${encodeURIComponent(task)}`, `/api/nodes/${encodeURIComponent(task)}/neighbourhood`]) {
      const res = await request(app).get(path);
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true });
      expect(res.body.error.message).toContain(uri);
      expect(res.headers['retry-after']).toBe('1');
    }

    driver.target = standIn(graph); // "Neo4j is back"
    const node = await request(app).get(`/api/nodes/${encodeURIComponent(task)}/neighbourhood`);
    expect(node.status).toBe(200);
    expect(node.body.nodes.map((n: { id: string }) => n.id)).toContain(task);
    expect(node.body.relationships.length).toBeGreaterThan(0);

    await down.close();
    await seeds.close();
  });
});
