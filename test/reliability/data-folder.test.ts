/**
 * The data folder's failures: a second start over unchanged files writes nothing (so a read-only
 * folder serves from its files); a write that does not read back whole (a full disk) is
 * WRITE_FAILED and leaves the old file; a start over a folder that cannot be written serves from
 * memory; stray temp files of dead processes are removed at start (a live writer's are kept); an
 * embedding cache with an unknown header (`{}`, another version, not JSON) is rebuilt; a graph
 * analysed with another embedder than the current one is rebuilt.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { bootstrap } from '../../app/pipeline';
import { cleanStrayTemps, writeAtomic } from '../../graph/atomic-file';
import { MemoryStore } from '../../graph/memory-store';
import { createSearch } from '../../search';
import { EMBEDDING_CACHE_VERSION, EmbeddingCache } from '../../search/embedding-cache';
import { describeIf, model } from '../prerequisites';
import { HashEmbedder } from '../search/hash-embedder';
import { fixtureGraph } from '../search/fixture-graph';
import { testConfig, tmpDir } from './helpers';

const tmp = tmpDir('data-folder');
afterAll(() => tmp.cleanup());

/** Every file under `dir` with its size and mtime: what a start may not change. */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    const st = fs.statSync(p);
    out[path.relative(dir, p)] = `${st.size}@${st.mtimeMs}`;
  }
  return out;
}

describe('starts over a built data folder', () => {
  const dataDir = path.join(tmp.dir, 'built');
  beforeAll(async () => {
    await (await bootstrap({ config: testConfig(dataDir) })).close();
  });

  test('a second start over unchanged plans writes nothing (a read-only folder serves from its files)', async () => {
    const before = listing(dataDir);
    const p = await bootstrap({ config: testConfig(dataDir) });
    expect(p.reused).toBe(true);
    expect((await p.search.search('数据共享')).results.length).toBeGreaterThan(0);
    await p.close();
    expect(listing(dataDir)).toEqual(before);
  });

  test('a start that must write but cannot serves from memory; an explicit rebuild fails with WRITE_FAILED', async () => {
    const dir = path.join(tmp.dir, 'unwritable');
    fs.cpSync(dataDir, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'manifest.json')); // forces a rebuild, whose saves then fail
    const rename = jest.spyOn(fsp, 'rename').mockRejectedValue(Object.assign(new Error('read-only file system'), { code: 'EROFS' }));
    try {
      const messages: string[] = [];
      const p = await bootstrap({ config: testConfig(dir), onProgress: (e) => messages.push(e.message) });
      expect(messages.join('\n')).toMatch(/serving from memory.*EROFS/);
      expect((await p.search.search('数据共享')).results.length).toBeGreaterThan(0);
      // closing tries the snapshot once more and says it could not (server/main.ts logs it and exits)
      await expect(p.close()).rejects.toMatchObject({ code: 'WRITE_FAILED' });
      await expect(bootstrap({ config: testConfig(dir), rebuild: true })).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    } finally {
      rename.mockRestore();
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // no temp left behind
  });

  test('stray temp files of dead processes are removed at start; a live process\'s are kept', async () => {
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    const strays = [`.graph.json.${dead}.3.tmp`, `search/vectors.hnsw.tmp-${dead}`, `search/embeddings.json.tmp-${dead}-1700000000000`, `manifest.json.${dead}.tmp`];
    for (const s of strays) {
      fs.mkdirSync(path.dirname(path.join(dataDir, s)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, s), 'half a file');
    }
    const live = path.join(dataDir, `.graph.json.${process.pid}.9.tmp`);
    fs.writeFileSync(live, 'being written');
    await (await bootstrap({ config: testConfig(dataDir) })).close();
    for (const s of strays) expect(fs.existsSync(path.join(dataDir, s))).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    fs.rmSync(live);
  });

  test('a graph analysed with another embedder is rebuilt', async () => {
    const file = path.join(dataDir, 'manifest.json');
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { embedder: string };
    expect(m.embedder).toBe('none');
    fs.writeFileSync(file, JSON.stringify({ ...m, embedder: 'Xenova/bge-small-zh-v1.5' }));
    const p = await bootstrap({ config: testConfig(dataDir) });
    expect(p.reused).toBe(false);
    await p.close();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).embedder).toBe('none');
    const again = await bootstrap({ config: testConfig(dataDir) });
    expect(again.reused).toBe(true);
    await again.close();
  });
});

describe('verified writes', () => {
  test('a write that reads back short (a full disk) is WRITE_FAILED and the old file stays', async () => {
    const file = path.join(tmp.dir, 'verified', 'x.json');
    await writeAtomic(file, JSON.stringify({ old: true }));
    const real = fsp.open;
    const open = jest.spyOn(fsp, 'open').mockImplementation(async (p, flags, mode) => {
      const fh = await real(p, flags, mode);
      if (flags === 'w') fh.writeFile = async (data: unknown) => void (await real.call(fsp, p, 'w').then(async (h) => { await h.write((data as Buffer).subarray(0, 10)); await h.close(); }));
      return fh;
    });
    try {
      await expect(writeAtomic(file, JSON.stringify({ new: 'x'.repeat(1000) }))).rejects.toMatchObject({ code: 'WRITE_FAILED', message: expect.stringMatching(/read back 10/) });
    } finally {
      open.mockRestore();
    }
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ old: true });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['x.json']);
  });

  test('cleanStrayTemps leaves other files alone and survives a missing folder', async () => {
    const dir = path.join(tmp.dir, 'clean');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'graph.json'), '{}');
    fs.writeFileSync(path.join(dir, 'notes.tmp.txt'), 'x');
    expect(await cleanStrayTemps(dir)).toEqual([]);
    expect(await cleanStrayTemps(path.join(dir, 'absent'))).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['graph.json', 'notes.tmp.txt']);
  });
});

describe('embedding cache with an unknown header', () => {
  const embedder = new HashEmbedder(64);
  test.each([
    ['{}', '{}'],
    ['another version', JSON.stringify({ version: 99, model: embedder.model, dimensions: 64, entries: {} })],
    ['version 1 (vectors that depended on their batch)', JSON.stringify({ version: 1, model: embedder.model, dimensions: 64, entries: { a: 'AAAA' } })],
    ['entries not an object', JSON.stringify({ version: EMBEDDING_CACHE_VERSION, model: embedder.model, dimensions: 64, entries: 'x' })],
    ['not JSON', 'garbage'],
    ['an array', '[]'],
  ])('%s: the cache starts empty, the search is built and the file rewritten', async (name, text) => {
    const dir = path.join(tmp.dir, `cache-${name.replace(/\W+/g, '-')}`);
    const file = path.join(dir, 'search', 'embeddings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const cache = new EmbeddingCache(file, embedder.model, 64);
    await cache.load();
    expect(cache.size).toBe(0);
    const store = new MemoryStore();
    await store.upsert(fixtureGraph());
    const search = await createSearch({ store, config: testConfig(dir), embedder });
    expect((await search.search('城市大脑')).results.length).toBeGreaterThan(0);
    await search.save();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; entries: Record<string, string> };
    expect(saved.version).toBe(EMBEDDING_CACHE_VERSION);
    expect(Object.keys(saved.entries).length).toBeGreaterThan(5);
  });
});

// The same with the model (its vector index and embedding cache are the files a start rewrote).
describeIf('data-folder tests with the model', model())('with the model, on one plan', () => {
  const seeds = path.join(tmp.dir, 'one-plan');
  const dataDir = path.join(tmp.dir, 'model-built');
  const config = (model: boolean) => testConfig(dataDir, { KG_EMBEDDER: model ? '' : 'none', KG_SEEDS_DIR: seeds });
  beforeAll(() => {
    fs.mkdirSync(seeds);
    const first = fs.readdirSync(config(false).root + '/seeds').sort()[0];
    fs.copyFileSync(path.join(config(false).root, 'seeds', first), path.join(seeds, first));
  });

  test('a graph built without the model is rebuilt when the model arrives; a second start then writes nothing', async () => {
    await (await bootstrap({ config: config(false) })).close();
    const p = await bootstrap({ config: config(true) });
    expect(p.reused).toBe(false);
    expect(p.search.status().embedder.active).toBe(true);
    await p.close();
    expect(fs.existsSync(path.join(dataDir, 'search', 'vectors.hnsw'))).toBe(true);
    const before = listing(dataDir);
    const again = await bootstrap({ config: config(true) });
    expect(again.reused).toBe(true);
    expect((await again.search.search('数据共享')).interpretation.mode).toMatch(/hybrid$/);
    await again.close();
    expect(listing(dataDir)).toEqual(before);
  }, 120_000);
});
