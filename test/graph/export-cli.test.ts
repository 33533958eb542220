/**
 * `npm run kg -- export`: the graph it writes is the graph the server serves (the same
 * composition root, app/), for KG_SEEDS_DIR and after `kg ingest DIR`; every format; usage errors.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { bootstrap } from '../../app/pipeline';
import { main } from '../../cli/main';
import { config, loadConfig } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import type { GraphData } from '../../graph/model';
import { snapshotPath } from '../../graph/open-store';
import { createApp } from '../../server/app';
import { planOne } from '../contracts/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** The real CLI in its own process, as a user runs it. */
function kg(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, KG_LOG_LEVEL: 'silent', NEO4J_URI: '', ...env }, maxBuffer: 64 << 20 });
}

function countsOf(g: GraphData): { nodes: Record<string, number>; relationships: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const n of g.nodes) for (const l of n.labels) nodes[l] = (nodes[l] ?? 0) + 1;
  for (const r of g.relationships) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  return { nodes, relationships };
}

describe('kg export = the graph the server serves', () => {
  let tmp: string;
  let plans: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-export-contract-'));
    plans = path.join(tmp, 'plans'); // a user's own folder of plans, not seeds/
    fs.mkdirSync(plans);
    for (const f of ['000_4cb10dc33e04c09c.txt', '001_c58432d889cd2317.txt', '004_bb281ce7d484c788.txt']) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(plans, f));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('KG_SEEDS_DIR=DIR export has the counts of /api/stats; `kg ingest DIR` then `kg export` gives the same graph', async () => {
    const env = { KG_EMBEDDER: 'none' }; // the same code path with the model, minus a minute of embedding
    const first = path.join(tmp, 'first.json');
    await kg(['export', '--format', 'json', '--out', first], { ...env, KG_SEEDS_DIR: plans, KG_DATA_DIR: path.join(tmp, 'd1') });
    const exported = JSON.parse(fs.readFileSync(first, 'utf8')) as GraphData;
    const counts = countsOf(exported);
    // the analysis is part of the served graph: domains, targets and cross-plan links are there
    expect(counts.nodes.Domain).toBeGreaterThan(0);
    expect(counts.relationships.SIMILAR_TO).toBeGreaterThan(0);

    const served = await bootstrap({ config: loadConfig({ ...process.env, NEO4J_URI: '', ...env, KG_SEEDS_DIR: plans, KG_DATA_DIR: path.join(tmp, 'd2'), NODE_ENV: 'test' }), persist: false });
    try {
      const stats = (await request(createApp({ store: served.store, search: served.search, config: loadConfig({ NODE_ENV: 'test' }) })).get('/api/stats')).body;
      expect({ nodes: stats.nodes, relationships: stats.relationships }).toEqual(counts);
    } finally {
      await served.close();
    }

    const d3 = path.join(tmp, 'd3');
    await kg(['ingest', plans], { ...env, KG_DATA_DIR: d3 });
    const second = path.join(tmp, 'second.json');
    const { stderr } = await kg(['export', '--out', second], { ...env, KG_DATA_DIR: d3 });
    expect(stderr).toContain(`the saved graph of ${plans}`);
    expect(JSON.parse(fs.readFileSync(second, 'utf8'))).toEqual(exported);
  }, 120000);

  test('every command answers --help with its usage and rejects unknown flags', async () => {
    const help = await kg(['search', '--help'], {});
    expect(help.stdout).toContain('用法 / usage: npm run kg -- search');
    expect(help.stdout).not.toContain('查询 / query'); // it printed the usage, it did not search for "--help"
    for (const cmd of ['ingest', 'export']) expect((await kg([cmd, '-h'], {})).stdout).toContain(`npm run kg -- ${cmd}`);
    await expect(kg(['search', '数据安全', '--bogus'], {})).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--bogus') });
    await expect(kg(['search', '数据', '--k', 'many'], {})).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--k') });
    await expect(kg(['ingest', 'a', 'b'], {})).rejects.toMatchObject({ code: 2 });
    await expect(kg(['nosuch'], {})).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('未知命令 / unknown command') });
  }, 60000);
});

describe('kg export formats (in process)', () => {
  let dir: string;
  let stderr: string[];
  const saved = { dataDir: config.dataDir };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
    config.dataDir = path.join(dir, 'data'); // the command reads the process config
    stderr = [];
    jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  });
  afterEach(() => {
    config.dataDir = saved.dataDir;
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('--from snapshot exports the embedded store’s graph, in every format', async () => {
    const store = await MemoryStore.open({ file: snapshotPath(config) });
    await store.upsert(planOne());
    await store.close();
    const exportOf = (...args: string[]) => main(['export', '--from', 'snapshot', ...args]);
    expect(await exportOf('--format', 'cypher', '--out', path.join(dir, 'g.cypher'))).toBe(0);
    expect(stderr.join('\n')).toContain(`11 nodes, 14 relationships from ${snapshotPath(config)}`);
    expect(fs.readFileSync(path.join(dir, 'g.cypher'), 'utf8')).toContain("'嘉兴市加快推进数字政府建设实施方案'");
    expect(await exportOf('--format', 'graphml', '--out', path.join(dir, 'g.graphml'))).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'g.graphml'), 'utf8')).toContain('<graphml');
    expect(await exportOf('--format', 'csv', '--out', path.join(dir, 'csv'))).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'csv')).sort();
    expect(files).toEqual(expect.arrayContaining(['import.sh', 'nodes_Plan.csv', 'nodes_Task.csv', 'rels_RESPONSIBLE_FOR.csv']));
    expect(fs.statSync(path.join(dir, 'csv', 'import.sh')).mode & 0o111).toBeTruthy();
  });

  test('usage errors exit 2 with the usage text', async () => {
    expect(await main(['export', '--format', 'xml'])).toBe(2);
    expect(await main(['export', '--format', 'csv'])).toBe(2);
    expect(await main(['export', '--bogus'])).toBe(2);
    expect(stderr.join('\n')).toContain('--format json|csv|cypher|graphml');
  });

  test('--from snapshot without a snapshot says how to make one', async () => {
    await expect(main(['export', '--from', 'snapshot', '--format', 'json', '--out', path.join(dir, 'x.json')])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('npm run kg -- ingest'),
    });
  });
});
