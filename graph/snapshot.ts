import fs from 'node:fs';
import { createError } from '../core/errors';
import type { GraphData } from './model';
import { writeAtomic } from './atomic-file';
import { externalEndpoints, normaliseBatch } from './validate';

/** The snapshot format this build writes and the only one it reads. */
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_FORMAT = 'zj-govplan-kg/graph';
export const SNAPSHOT_FILE = 'graph.json';

const REBUILD = '请重建 / rebuild it with `npm run kg -- ingest seeds`';

interface SnapshotFile extends GraphData {
  format: string;
  version: number;
  savedAt: string;
}

/** Writes `data` atomically and verified (graph/atomic-file.ts): the old snapshot or the new one, never half. */
export async function writeSnapshot(file: string, data: GraphData): Promise<void> {
  const body: SnapshotFile = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, savedAt: new Date().toISOString(), ...data };
  await writeAtomic(file, JSON.stringify(body));
}

/** Reads a snapshot; null when the file does not exist. Refuses unknown versions and damage. */
export async function readSnapshot(file: string): Promise<GraphData | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw createError('SNAPSHOT_CORRUPT', `图快照已损坏（不是完整的 JSON）/ graph snapshot ${file} is corrupt or truncated; ${REBUILD}`, { cause: e });
  }
  const snap = parsed as Partial<SnapshotFile> | null;
  if (!snap || typeof snap !== 'object' || snap.format !== SNAPSHOT_FORMAT) {
    throw createError('SNAPSHOT_CORRUPT', `不是图快照 / ${file} is not a graph snapshot (format ${SNAPSHOT_FORMAT}); ${REBUILD}`);
  }
  if (snap.version !== SNAPSHOT_VERSION) {
    throw createError(
      'SNAPSHOT_VERSION',
      `图快照版本 ${String(snap.version)} 未知，本程序只读版本 ${SNAPSHOT_VERSION} / graph snapshot ${file} has version ${String(snap.version)}, this build reads version ${SNAPSHOT_VERSION}; ${REBUILD}`,
      { details: { found: snap.version, expected: SNAPSHOT_VERSION } },
    );
  }
  let data: GraphData;
  try {
    data = normaliseBatch([{ nodes: snap.nodes as GraphData['nodes'], relationships: snap.relationships as GraphData['relationships'] }]);
  } catch (e) {
    throw createError('SNAPSHOT_CORRUPT', `图快照内容无效 / graph snapshot ${file} holds invalid graph data (${(e as Error).message}); ${REBUILD}`, { cause: e });
  }
  const dangling = externalEndpoints(data); // a snapshot is a whole graph: every edge ends at one of its nodes
  if (dangling.length) {
    throw createError('SNAPSHOT_CORRUPT', `图快照中的关系指向不存在的节点 / graph snapshot ${file} has relationships to missing nodes (${dangling.slice(0, 3).join(', ')}); ${REBUILD}`, {
      details: { missing: dangling },
    });
  }
  return data;
}
