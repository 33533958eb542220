/**
 * KG_SEARCH_INDEX=neo4j through the product's pipeline: the dense candidates come from Neo4j's
 * vector index over the passages and the keyword ones from its cjk fulltext index; no HNSW file
 * is built. On the real server at NEO4J_URI (it clears that database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config, loadConfig } from '../../core/config';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import { createDriver } from '../../graph/neo4j-store';
import * as Q from '../../graph/cypher';
import { MemoryStore } from '../../graph/memory-store';
import { neo4jSearchIndexes } from '../../search/neo4j-indexes';
import { luceneQuery } from '../../search/neo4j-fulltext';
import { describeNeo4j } from '../graph/neo4j-server';
import { model } from '../prerequisites';
import devQueries from '../../eval/queries-dev.json';

test('KG_SEARCH_INDEX is memory or neo4j; neo4j needs the Neo4j store', () => {
  expect(loadConfig({}).searchIndex).toBe('memory');
  expect(loadConfig({ KG_SEARCH_INDEX: 'Neo4j' }).searchIndex).toBe('neo4j');
  expect(() => loadConfig({ KG_SEARCH_INDEX: 'elastic' })).toThrow(/KG_SEARCH_INDEX/);
  expect(() => neo4jSearchIndexes(new MemoryStore())).toThrow(expect.objectContaining({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('NEO4J_URI') }));
});

test('the fulltext query quotes and escapes every term, so a question cannot write Lucene syntax', () => {
  expect(luceneQuery(new Map([['数据共享', 1], ['共享', 0.3], ['a"b\\c', 1], ['OR', 1], ['', 1], ['零', 0]]))).toBe('"数据共享"^1 "共享"^0.3 "a\\"b\\\\c"^1 "OR"^1');
});

describeNeo4j('KG_SEARCH_INDEX=neo4j on a real server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-neo4j-search-index-'));
  let pipeline: Pipeline;
  beforeAll(async () => {
    // the embedding cache of test/graph/neo4j-store.test.ts, when it ran first: the model runs once per text
    const cache = path.join(os.tmpdir(), 'kg-neo4j-real-search', 'search', 'embeddings.json');
    if (fs.existsSync(cache)) fs.cpSync(cache, path.join(dataDir, 'search', 'embeddings.json'));
    pipeline = await bootstrap({ config: loadConfig({ ...process.env, NODE_ENV: 'test', KG_DATA_DIR: dataDir, KG_SEARCH_INDEX: 'neo4j' }), rebuild: true });
  }, 15 * 60_000);
  afterAll(async () => {
    await pipeline?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the passages are vectors in Neo4j, no HNSW file is written, and questions are answered from there', async () => {
    const files = fs.readdirSync(path.join(dataDir, 'search'));
    expect(files).not.toContain('vectors.hnsw');
    expect(pipeline.search.status().embedder.active).toBe(true);
    expect(files).toContain('vectors.neo4j.json');
    const driver = createDriver(config.neo4j);
    try {
      const res = await driver.session({ database: config.neo4j.database }).executeRead(async (tx) => tx.run(`MATCH (n:${Q.VECTOR_LABEL} {space: 'passages'}) RETURN count(n) AS n`));
      expect(Number(res.records[0].get('n'))).toBe(pipeline.search.status().vectors);
    } finally {
      await driver.close();
    }
    const q = devQueries[0] as { q: string; relevant: { file: string; path: string }[] };
    const res = await pipeline.search.search(q.q, { k: 10 });
    expect(res.results.length).toBe(10);
    const relevant = new Set(q.relevant.map((r) => `${r.file}#${r.path}`));
    const top = res.results[0].node.properties;
    expect(relevant.has(`${path.basename(String(top.sourceFile))}#${top.path}`)).toBe(true);
    expect(res.results.some((r) => r.why.word !== null || r.why.char !== null)).toBe(true); // fulltext candidates
    expect(res.results.some((r) => r.why.dense !== null)).toBe(true); // vector-index candidates
    // the candidates come from Neo4j: no in-process scan of the passages replaces its vector index
    expect((pipeline.search as unknown as { engine: { parts: { dense: { scan?: unknown } | null } } }).engine.parts.dense?.scan).toBeUndefined();
  });
}, model());
