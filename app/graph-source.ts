/**
 * The graph `kg export` writes. `auto` (default) is exactly the graph the server would serve:
 * the same `bootstrap` (the saved corpus when its files are unchanged, otherwise a fresh build
 * of the plan folder, with the model when there is one). `snapshot` reads the embedded store's
 * file only; `store` reads the configured store as it stands (Neo4j when NEO4J_URI is set).
 */
import { createError } from '../core/errors';
import type { Config } from '../core/config';
import { MemoryStore } from '../graph/memory-store';
import type { GraphData } from '../graph/model';
import { openStore, snapshotPath } from '../graph/open-store';
import { readSnapshot } from '../graph/snapshot';
import { bootstrap, type PipelineProgress } from './pipeline';

export type GraphSource = 'auto' | 'snapshot' | 'store';
export const GRAPH_SOURCES: readonly GraphSource[] = ['auto', 'snapshot', 'store'];

export async function loadGraph(cfg: Config, source: GraphSource = 'auto', onProgress?: (p: PipelineProgress) => void): Promise<{ graph: GraphData; from: string }> {
  if (source === 'auto') {
    const p = await bootstrap({ config: cfg, onProgress });
    try {
      return { graph: await p.store.exportAll(), from: `${p.reused ? 'the saved graph of' : 'a fresh build of'} ${p.dir}` };
    } finally {
      await p.close();
    }
  }
  if (source === 'store') {
    const store = await openStore(cfg);
    try {
      return { graph: await store.exportAll(), from: store.describe() };
    } finally {
      await store.close();
    }
  }
  const file = snapshotPath(cfg);
  const snapshot = await readSnapshot(file);
  if (!snapshot) throw createError('NOT_FOUND', `没有图快照 / no graph snapshot at ${file}; run \`npm run kg -- ingest\` first`);
  const store = new MemoryStore(); // validates and sorts, as exportAll of any store does
  await store.upsert(snapshot);
  return { graph: await store.exportAll(), from: file };
}
