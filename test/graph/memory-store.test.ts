import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from '../../core/config';
import { ingestDirectory } from '../../ingest';
import { MemoryStore } from '../../graph/memory-store';
import { openStore, snapshotPath } from '../../graph/open-store';
import { SNAPSHOT_FORMAT, readSnapshot } from '../../graph/snapshot';
import { runGraphStoreContract } from '../contracts/graph-store.contract';
import { planOne, planTwo, T1 } from '../contracts/fixtures';

runGraphStoreContract({ name: 'memory', create: () => MemoryStore.open(), realGraph: seedsGraph });

async function seedsGraph() {
  return (await ingestDirectory(config.seedsDir)).graph;
}

describe('MemoryStore snapshot', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-mem-'));
    file = path.join(dir, 'data', 'graph.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('flush writes a versioned snapshot that a new store loads back', async () => {
    const a = await MemoryStore.open({ file });
    await a.upsertMany([planOne(), planTwo()]);
    await a.close();
    const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(snap).toMatchObject({ format: SNAPSHOT_FORMAT, version: 1 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['graph.json']); // no temp file left behind
    const b = await MemoryStore.open({ file });
    expect(await b.exportAll()).toEqual(await a.exportAll());
    expect((await b.unitsOfTask(T1)).map((u) => u.role)).toEqual(['lead', 'co']);
  });

  test('flush without changes does not rewrite the file', async () => {
    const a = await MemoryStore.open({ file });
    await a.upsert(planOne());
    await a.flush();
    const mtime = fs.statSync(file).mtimeMs;
    fs.utimesSync(file, new Date(0), new Date(0));
    await a.flush();
    expect(fs.statSync(file).mtimeMs).toBe(0);
    expect(mtime).toBeGreaterThan(0);
  });

  test('a missing file opens an empty store', async () => {
    const s = await MemoryStore.open({ file });
    expect(await s.counts()).toEqual({ nodes: {}, relationships: {} });
    await s.close();
    expect(fs.existsSync(file)).toBe(false); // nothing changed, nothing written
  });

  test('an unknown version is refused with SNAPSHOT_VERSION and a rebuild hint', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ format: SNAPSHOT_FORMAT, version: 2, nodes: [], relationships: [] }));
    await expect(MemoryStore.open({ file })).rejects.toMatchObject({ code: 'SNAPSHOT_VERSION', message: expect.stringContaining('npm run kg -- ingest seeds') });
  });

  test.each([
    ['truncated JSON', (s: string) => s.slice(0, Math.floor(s.length / 2))],
    ['empty file', () => ''],
    ['another JSON document', () => '{"hello":"world"}'],
    ['a node with an unknown label', (s: string) => s.replace('"labels":["Plan"]', '"labels":["Person"]')],
    ['a relationship to a node the snapshot lacks', (s: string) => s.replace('"start":"', '"start":"missing:')],
  ])('%s is refused with SNAPSHOT_CORRUPT', async (_name, damage) => {
    const a = await MemoryStore.open({ file });
    await a.upsert(planOne());
    await a.flush();
    fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')));
    const err = await readSnapshot(file).catch((e) => e);
    expect(err).toMatchObject({ code: 'SNAPSHOT_CORRUPT' });
    expect(err.message).toContain('npm run kg -- ingest seeds');
  });

  test('a write that fails before the rename leaves the previous snapshot intact and no temp file', async () => {
    const a = await MemoryStore.open({ file });
    await a.upsert(planOne());
    await a.flush();
    const before = fs.readFileSync(file, 'utf8');
    await a.upsert(planTwo());
    const rename = jest.spyOn(fs.promises, 'rename').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    try {
      await expect(a.flush()).rejects.toThrow('disk full');
    } finally {
      rename.mockRestore();
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['graph.json']);
    await a.flush(); // still dirty: the next flush writes the new state
    expect((await readSnapshot(file))!.nodes).toHaveLength(14);
  });

  test('openStore without NEO4J_URI opens the embedded store on dataDir/graph.json', async () => {
    const cfg = { ...config, dataDir: path.join(dir, 'data'), neo4j: { ...config.neo4j, uri: null } };
    expect(snapshotPath(cfg)).toBe(file);
    const a = await openStore(cfg);
    expect(a).toBeInstanceOf(MemoryStore);
    expect(a.describe()).toContain(file);
    await a.upsert(planOne());
    await a.close();
    const b = await openStore(cfg);
    expect((await b.counts()).nodes.Plan).toBe(2);
  });

  test('the seeds graph survives a snapshot round-trip intact', async () => {
    const graph = await seedsGraph();
    const a = await MemoryStore.open({ file });
    await a.upsert(graph);
    await a.close();
    const b = await MemoryStore.open({ file });
    expect(await b.exportAll()).toEqual(await a.exportAll());
    expect((await b.counts()).nodes.Task).toBeGreaterThan(100);
  });
});
