/**
 * The VectorIndex contract against Neo4j's own vector index (KG_SEARCH_INDEX=neo4j), on the real
 * server at NEO4J_URI; each index made here is a space of its own, dropped at the end.
 */
import { config } from '../../core/config';
import { createDriver, type DriverLike } from '../../graph/neo4j-store';
import { Neo4jVectorIndex } from '../../search/neo4j-vector-index';
import { describeNeo4j } from '../graph/neo4j-server';
import { randomUnitVectors, runVectorIndexContract } from './vector-index.contract';

describeNeo4j('Neo4jVectorIndex on a real server', () => {
  let driver: DriverLike | null = null;
  const made: Neo4jVectorIndex[] = [];
  const make = (dims: number) => {
    driver ??= createDriver(config.neo4j);
    const index = new Neo4jVectorIndex(driver, dims, { space: `t${process.pid}_${made.length}`, database: config.neo4j.database });
    made.push(index);
    return index;
  };
  afterAll(async () => {
    for (const index of made) await index.drop().catch(() => undefined);
    await driver?.close();
  });

  runVectorIndexContract('neo4j', make);

  test('spaces do not see each other, and a dropped space is empty', async () => {
    const [a, b] = [make(8), make(8)];
    const vecs = randomUnitVectors(20, 8, 3);
    a.addMany(vecs.slice(0, 10).map((vector, i) => ({ key: `a${i}`, vector })));
    b.addMany(vecs.slice(10).map((vector, i) => ({ key: `b${i}`, vector })));
    expect((await a.search(vecs[15], 10)).every((h) => h.key.startsWith('a'))).toBe(true);
    expect((await b.search(vecs[3], 10)).every((h) => h.key.startsWith('b'))).toBe(true);
    await a.drop();
    expect(a.size).toBe(0);
    expect(await a.search(vecs[0], 5)).toEqual([]);
  });
});
