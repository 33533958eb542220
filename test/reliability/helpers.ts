import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../core/config';
import { relKey, type GraphData } from '../../graph/model';

/** A fresh temp dir, removed by the returned cleanup. */
export function tmpDir(name: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kg-rel-${name}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The product config on a private data dir, without the neural model (lean on 2 cores), on the
 * embedded store: NEO4J_URI (set by .ci/run for the Neo4j suites) only where `extra` says so.
 */
export function testConfig(dataDir: string, extra: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: 'test', KG_DATA_DIR: dataDir, KG_EMBEDDER: 'none', NEO4J_URI: '', ...extra });
}

/** Node ids and relationship keys, sorted: the identity of a graph. */
export function identity(g: GraphData): { nodes: string[]; relationships: string[] } {
  return { nodes: g.nodes.map((n) => n.id).sort(), relationships: g.relationships.map(relKey).sort() };
}
