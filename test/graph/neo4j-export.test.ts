/**
 * The graph exports imported into an empty Neo4j with Neo4j's own tools, as a researcher would:
 * the cypher export through cypher-shell -f, the CSV export through its import.sh (neo4j-admin
 * database import full, the server stopped). Both give the store's counts. A private server
 * (its own ports and data folder) from the launcher of `npm run neo4j:local`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap } from '../../app/pipeline';
import { toCsvFiles } from '../../graph/export/csv';
import { toCypherScript } from '../../graph/export/cypher';
import type { GraphData } from '../../graph/model';
import { Neo4jStore } from '../../graph/neo4j-store';
import type { GraphCounts } from '../../graph/store';
import { cypherShell } from '../../scripts/neo4j-local';
import { testConfig, tmpDir } from '../reliability/helpers';
import { describePrivateNeo4j, privateNeo4j, type PrivateNeo4j } from './neo4j-server';

const BIN = path.resolve(__dirname, '../../neo4j-local/bin');

describePrivateNeo4j('graph exports imported into an empty Neo4j by cypher-shell and neo4j-admin', () => {
  const tmp = tmpDir('neo4j-export');
  let server: PrivateNeo4j;
  let graph: GraphData;
  let counts: GraphCounts;

  beforeAll(async () => {
    const seeds = await bootstrap({ config: testConfig(tmp.dir), rebuild: true, persist: false }); // the analysed seeds (memory store)
    graph = await seeds.store.exportAll();
    counts = await seeds.store.counts();
    await seeds.close();
    server = await privateNeo4j();
    await server.start();
  }, 5 * 60_000);
  afterAll(async () => {
    await server?.dispose();
    tmp.cleanup();
  }, 2 * 60_000);

  const storeCounts = async () => {
    const store = await Neo4jStore.connect(server.neo4j);
    try {
      return { counts: await store.counts(), all: await store.exportAll() };
    } finally {
      await store.close();
    }
  };

  test('the cypher export through cypher-shell -f: the same counts and the same graph', async () => {
    const file = path.join(tmp.dir, 'graph.cypher');
    fs.writeFileSync(file, toCypherScript(graph));
    const before = await storeCounts();
    expect(before.counts).toEqual({ nodes: {}, relationships: {} }); // a fresh database
    const run = cypherShell(server.options, ['--fail-fast', '-f', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const after = await storeCounts();
    expect(after.counts).toEqual(counts);
    expect(after.all).toEqual(graph);
    // and again: the script MERGEs, so a second run changes nothing
    expect(cypherShell(server.options, ['-f', file]).status).toBe(0);
    expect((await storeCounts()).counts).toEqual(counts);
  }, 5 * 60_000);

  test('the CSV export through its import.sh (neo4j-admin database import full): the same counts', async () => {
    const dir = path.join(tmp.dir, 'import');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of toCsvFiles(graph)) fs.writeFileSync(path.join(dir, f.name), f.content);
    await server.stop(); // neo4j-admin imports into a stopped database
    const run = spawnSync('sh', [path.join(dir, 'import.sh')], {
      encoding: 'utf8',
      cwd: tmp.dir, // neo4j-admin writes its import.report here
      env: { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH}`, NEO4J_LOCAL_HOME: server.options.home },
    });
    expect([run.status, run.stderr.split('\n').filter((l) => /error|exception/i.test(l))]).toEqual([0, []]);
    expect(run.stdout).toMatch(/IMPORT DONE/);
    await server.start();
    const after = await storeCounts();
    expect(after.counts).toEqual(counts);
    expect(after.all.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
  }, 5 * 60_000);
});
