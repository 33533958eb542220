/** core/pipeline.ts bootstrap (ingest → store → search → persist, reuse when unchanged) and `kg ingest`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../app/pipeline';
import { testConfig } from './helpers';

const SEEDS = path.join(__dirname, '../../seeds');
const ids = (r: { results: { node: { id: string } }[] }) => r.results.map((x) => x.node.id);

test('a second start reuses the persisted graph; a changed file forces a fresh ingest', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-seeds-'));
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
  const config = testConfig();
  const first = await bootstrap({ config, dir });
  expect(first.reused).toBe(false);
  expect(first.reports.map((r) => r.file)).toEqual(fs.readdirSync(SEEDS).sort());
  for (const r of first.reports) {
    expect(r.ok).toBe(true);
    expect(r.planTitle).toMatch(/方案/);
  }
  const counts = await first.store.counts();
  const answer = await first.search.search('居家养老', { k: 5 });
  await first.close();

  const second = await bootstrap({ config, dir });
  expect(second.reused).toBe(true);
  expect(second.timings.ingest).toBeUndefined();
  expect(await second.store.counts()).toEqual(counts);
  expect(ids(await second.search.search('居家养老', { k: 5 }))).toEqual(ids(answer));
  expect(second.reports).toEqual(first.reports);
  await second.close();

  fs.appendFileSync(path.join(dir, '004_bb281ce7d484c788.txt'), '\n');
  const third = await bootstrap({ config, dir });
  expect(third.reused).toBe(false);
  await third.close();
});

test('a missing directory is a typed INGEST_FAILED error', async () => {
  await expect(bootstrap({ config: testConfig(), dir: '/nonexistent/plans' })).rejects.toMatchObject({ code: 'INGEST_FAILED' });
});

test('`kg ingest DIR --json` reports every document and persists the graph', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cli-'));
  Object.assign(process.env, { KG_DATA_DIR: dataDir, KG_EMBEDDER: 'none', KG_LOG_LEVEL: 'silent', NEO4J_URI: '' }); // the embedded store, also when CI sets NEO4J_URI
  jest.resetModules(); // core/config reads the environment when first imported
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  try {
    const { formatTable } = await import('../../cli/commands/ingest');
    const { main } = await import('../../cli/main');
    expect(await main(['ingest', SEEDS, '--json'])).toBe(0);
    const body = JSON.parse(out.join('\n'));
    expect(body.reports).toHaveLength(5);
    expect(body.counts.nodes.Task).toBeGreaterThan(100);
    expect(fs.existsSync(path.join(dataDir, 'graph.json'))).toBe(true);
    const table = formatTable(body.reports).split('\n');
    expect(table).toHaveLength(2 + 5);
    expect(table[2]).toContain('000_4cb10dc33e04c09c.txt');
    expect(table[2]).toContain('嘉兴市加快推进数字政府建设实施方案');
  } finally {
    log.mockRestore();
  }
});

test('`kg search` prints the graph’s answers: the units with the most tasks, an application’s units, names with their region', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cli-search-'));
  Object.assign(process.env, { KG_DATA_DIR: dataDir, KG_SEEDS_DIR: SEEDS, KG_EMBEDDER: 'none', KG_LOG_LEVEL: 'silent', NEO4J_URI: '' });
  jest.resetModules();
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  try {
    const { main } = await import('../../cli/main');
    expect(await main(['search', '嘉兴哪个部门牵头的任务最多', '-k', '1'])).toBe(0);
    const ranking = out.join('\n');
    expect(ranking).toContain('【单位排名');
    expect(ranking).toMatch(/\n {3}1\. 嘉兴市政务数据办 \d+（共 \d+ 项）/); // 嘉兴市 + 市政务数据办, the 市 once
    out.length = 0;
    expect(await main(['search', '城市大脑由哪些单位负责', '-k', '1'])).toBe(0);
    expect(out.join('\n')).toMatch(/【应用】城市大脑: \d+ 项任务[^\n]*\n {3}负责单位 \/ units: 嘉兴市政务数据办\(牵头 \d+\)/);
  } finally {
    log.mockRestore();
  }
});
