import { createError } from '../../core/errors';
import type { Config } from '../../core/config';
import { ingestDirectory } from '../../ingest';
import { MemoryStore } from '../memory-store';
import type { GraphData } from '../model';
import { openStore, snapshotPath } from '../open-store';
import { readSnapshot } from '../snapshot';

export type GraphSource = 'auto' | 'snapshot' | 'seeds' | 'store';

/**
 * The graph to export: `auto` reads the embedded store's snapshot (dataDir/graph.json) and falls
 * back to ingesting seedsDir when there is none; `store` reads the configured store (Neo4j when
 * NEO4J_URI is set). Always validated and sorted, as a store's exportAll gives it.
 */
export async function loadGraph(cfg: Config, source: GraphSource = 'auto'): Promise<{ graph: GraphData; from: string }> {
  if (source === 'store') {
    const store = await openStore(cfg);
    try {
      return { graph: await store.exportAll(), from: store.kind === 'neo4j' ? `neo4j ${cfg.neo4j.uri}` : snapshotPath(cfg) };
    } finally {
      await store.close();
    }
  }
  const file = snapshotPath(cfg);
  const snapshot = source === 'seeds' ? null : await readSnapshot(file);
  if (source === 'snapshot' && !snapshot) throw createError('NOT_FOUND', `没有图快照 / no graph snapshot at ${file}; run \`npm run kg -- ingest seeds\` first`);
  const store = new MemoryStore(); // validates and sorts, as exportAll of any store does
  await store.upsert(snapshot ?? (await ingestDirectory(cfg.seedsDir)).graph);
  return { graph: await store.exportAll(), from: snapshot ? file : `ingest of ${cfg.seedsDir}` };
}
