/**
 * Where a serving process's memory goes, step by step over a saved graph (run with
 * `node --expose-gc --import tsx bench/memory.ts DATA_DIR [NAME]`, writes bench/results/NAME.json):
 * RSS, V8 heap and ArrayBuffer bytes after opening the snapshot, loading jieba, building the
 * search (no model) and answering the dev questions, then a second keyword side (corpus, entity
 * linker, both BM25 channels) to price it alone; GC forced before each reading.
 */
import { loadConfig } from '../core/config';
import { MemoryStore } from '../graph/memory-store';
import { snapshotPath } from '../graph/open-store';
import { buildKeyword } from '../search/build';
import { createSearch } from '../search';
import { wordTokens } from '../search/tokenize';
import { devQueries } from './common/queries';
import { peakRssMb, writeResult } from './common/stats';

const MiB = 1048576;
const gc = (globalThis as { gc?: () => void }).gc;

export interface MemoryStep {
  step: string;
  rssMb: number;
  heapMb: number;
  arrayBuffersMb: number;
}

function reading(step: string): MemoryStep {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  const r = (b: number) => Math.round(b / MiB);
  return { step, rssMb: r(m.rss), heapMb: r(m.heapUsed), arrayBuffersMb: r(m.arrayBuffers) };
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with node --expose-gc');
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: node --expose-gc --import tsx bench/memory.ts DATA_DIR');
  const config = loadConfig({ ...process.env, KG_DATA_DIR: dataDir, KG_EMBEDDER: 'none' });
  const steps = [reading('Node + tsx')];
  const store = await MemoryStore.open({ file: snapshotPath(config) });
  steps.push(reading('graph snapshot opened (memory store)'));
  wordTokens('预热');
  steps.push(reading('jieba dictionaries'));
  const search = await createSearch({ store, config, embedder: null });
  for (const q of devQueries(config.root)) await search.search(q.q, { k: 10 });
  steps.push(reading('search built (no model), dev questions answered'));
  const keyword = await buildKeyword(store);
  const bm25 = { word: keyword.word.stats(), char: keyword.char.stats() };
  steps.push(reading('a second keyword side: corpus + entity linker + BM25 words and characters'));
  const result = { dataDir, tasks: keyword.corpus.tasks.length, bm25, steps, peakRssMb: peakRssMb() };
  const file = writeResult(process.argv[3] ?? 'memory', result);
  for (const s of steps) console.log(`${s.step.padEnd(90)} rss ${String(s.rssMb).padStart(5)}  heap ${String(s.heapMb).padStart(5)}  arrayBuffers ${String(s.arrayBuffersMb).padStart(4)} MiB`);
  for (const [name, s] of Object.entries(bm25)) console.log(`BM25 ${name}: ${s.docs} docs, ${s.terms} terms, ${s.postings} postings, ${(s.arrayBytes / MiB).toFixed(1)} MiB of typed arrays`);
  console.log(`peak RSS ${result.peakRssMb} MiB → ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
