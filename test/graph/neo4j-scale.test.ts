/**
 * A ×10 corpus (bench/generate-corpus.ts: the seeds re-issued for other cities, run through the
 * real parser) written to a real Neo4j in many UNWIND batches: the store then holds exactly what
 * the memory store holds, and writing it all again changes nothing. It clears the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { config } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import type { GraphData } from '../../graph/model';
import { createDriver, Neo4jStore } from '../../graph/neo4j-store';
import { ingestDirectory } from '../../ingest';
import { describeNeo4j } from './neo4j-server';

describeNeo4j('a ×10 corpus in batches on a real Neo4j', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-neo4j-x10-'));
  let graph: GraphData;
  let store: Neo4jStore;
  const memory = new MemoryStore();

  beforeAll(async () => {
    generateCorpus(config.seedsDir, dir, 10);
    graph = (await ingestDirectory(dir)).graph;
    await memory.upsert(graph);
    store = new Neo4jStore(createDriver(config.neo4j), { database: config.neo4j.database, where: config.neo4j.uri!, batchSize: 250 });
    await store.verify();
    await store.ensureSchema();
    await store.clear();
  }, 10 * 60_000);
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every batch lands: the same counts and the same graph as the memory store, and a second write is a no-op', async () => {
    const tasks = graph.nodes.filter((n) => n.labels.includes('Task')).length;
    expect(tasks).toBeGreaterThan(1000); // ten times the seeds' 150: many batches of 250 per label
    await store.upsertMany([graph]);
    const counts = await memory.counts();
    expect(await store.counts()).toEqual(counts);
    expect(await store.exportAll()).toEqual(await memory.exportAll());
    await store.upsertMany([graph]);
    expect(await store.counts()).toEqual(counts);
  }, 10 * 60_000);
});
