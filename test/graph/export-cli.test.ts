import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../cli/commands/export';
import { config } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import { snapshotPath } from '../../graph/open-store';
import { planOne } from '../contracts/fixtures';

describe('npm run kg -- export', () => {
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

  test('without a snapshot it ingests the seeds and writes versioned JSON', async () => {
    const out = path.join(dir, 'out', 'graph.json');
    expect(await run(['--format', 'json', '--out', out])).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json.version).toBe(1);
    expect(json.nodes.filter((n: { labels: string[] }) => n.labels.includes('Plan')).length).toBeGreaterThanOrEqual(5);
    expect(json.relationships[0]).toEqual({ type: expect.any(String), start: expect.any(String), end: expect.any(String), properties: expect.any(Object) });
    expect(stderr.join('\n')).toContain(`ingest of ${config.seedsDir}`);
  });

  test('with a snapshot it exports the embedded store’s graph, in every format', async () => {
    const store = await MemoryStore.open({ file: snapshotPath(config) });
    await store.upsert(planOne());
    await store.close();
    expect(await run(['--format', 'cypher', '--out', path.join(dir, 'g.cypher')])).toBe(0);
    expect(stderr.join('\n')).toContain(`11 nodes, 14 relationships from ${snapshotPath(config)}`);
    expect(fs.readFileSync(path.join(dir, 'g.cypher'), 'utf8')).toContain("'嘉兴市加快推进数字政府建设实施方案'");
    expect(await run(['--format', 'graphml', '--out', path.join(dir, 'g.graphml')])).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'g.graphml'), 'utf8')).toContain('<graphml');
    expect(await run(['--format', 'csv', '--out', path.join(dir, 'csv')])).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'csv')).sort();
    expect(files).toEqual(expect.arrayContaining(['import.sh', 'nodes_Plan.csv', 'nodes_Task.csv', 'rels_RESPONSIBLE_FOR.csv']));
    expect(fs.statSync(path.join(dir, 'csv', 'import.sh')).mode & 0o111).toBeTruthy();
  });

  test('usage errors exit 2 with the usage text', async () => {
    expect(await run(['--format', 'xml'])).toBe(2);
    expect(await run(['--format', 'csv'])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
    expect(stderr.join('\n')).toContain('--format json|csv|cypher|graphml');
  });

  test('--from snapshot without a snapshot says how to make one', async () => {
    await expect(run(['--from', 'snapshot', '--format', 'json', '--out', path.join(dir, 'x.json')])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('npm run kg -- ingest seeds'),
    });
  });
});
