/**
 * A process killed with SIGKILL in the middle of writing the snapshot and the indexes leaves
 * files that load, and a search over them that answers exactly as one rebuilt from scratch
 * (so a torn index/key-table pair is rebuilt, never trusted).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MemoryStore } from '../../graph/memory-store';
import { snapshotPath } from '../../graph/open-store';
import { createSearch } from '../../search';
import { HashEmbedder } from '../search/hash-embedder';
import { identity, testConfig, tmpDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const QUERIES = ['数据共享', '市大数据局牵头的任务', '浙里办', '城市大脑', '一网通办'];

/** Starts the writer loop; after its `afterWrites`-th complete write waits `delayMs`, then SIGKILLs it. */
function killDuringWrites(dataDir: string, afterWrites: number, delayMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'ingest-loop.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let writes = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      writes += (d.toString().match(/written \d+/g) ?? []).length;
      if (writes === afterWrites) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(writes) : reject(new Error(`writer ended by itself (${code}): ${err}`))));
  });
}

async function answers(dataDir: string, store: MemoryStore): Promise<string[][]> {
  const search = await createSearch({ store, config: testConfig(dataDir), embedder: new HashEmbedder(64) });
  const out: string[][] = [];
  for (const q of QUERIES) out.push((await search.search(q, { k: 10 })).results.map((r) => r.node.id));
  return out;
}

describe('SIGKILL during the write loop', () => {
  const tmp = tmpDir('kill');
  afterAll(() => tmp.cleanup());

  // delays spread over one write cycle (≈ 0.3–1 s here): keyword build, embedding, HNSW, saves, snapshot
  test.each([[1, 0], [1, 90], [2, 170], [2, 330]])('killed after write %i + %i ms: previous snapshot and index load and answer', async (after, delay) => {
    const dataDir = path.join(tmp.dir, `run-${after}-${delay}`);
    const writes = await killDuringWrites(dataDir, after, delay);
    expect(writes).toBeGreaterThanOrEqual(after);

    const file = snapshotPath(testConfig(dataDir));
    const store = await MemoryStore.open({ file }); // throws SNAPSHOT_CORRUPT on a torn snapshot
    const graph = await store.exportAll();
    expect(graph.nodes.length).toBeGreaterThan(500);

    // a fresh copy of the surviving graph, indexed from nothing, is the reference
    const fresh = path.join(tmp.dir, `fresh-${after}-${delay}`);
    const reference = new MemoryStore();
    await reference.upsert(graph);
    expect(identity(await reference.exportAll())).toEqual(identity(graph));
    expect(await answers(dataDir, store)).toEqual(await answers(fresh, reference));
  });
});
