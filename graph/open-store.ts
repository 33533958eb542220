import path from 'node:path';
import { config as defaultConfig, type Config } from '../core/config';
import { MemoryStore } from './memory-store';
import { Neo4jStore } from './neo4j-store';
import { SNAPSHOT_FILE } from './snapshot';
import type { GraphStore } from './store';

/** Where the embedded store keeps its snapshot. */
export function snapshotPath(cfg: Pick<Config, 'dataDir'> = defaultConfig): string {
  return path.join(cfg.dataDir, SNAPSHOT_FILE);
}

export interface OpenOptions {
  /** The caller is about to replace the whole graph: the embedded store skips reading its snapshot (a damaged one must not block the rebuild that replaces it). */
  fresh?: boolean;
}

/**
 * The configured store: Neo4j when NEO4J_URI is set (STORE_UNAVAILABLE fast when it is down),
 * otherwise the embedded store loaded from `dataDir/graph.json`.
 */
export async function openStore(cfg: Config = defaultConfig, options: OpenOptions = {}): Promise<GraphStore> {
  if (cfg.neo4j.uri) return Neo4jStore.connect(cfg.neo4j);
  return options.fresh ? new MemoryStore({ file: snapshotPath(cfg) }) : MemoryStore.open({ file: snapshotPath(cfg) });
}
