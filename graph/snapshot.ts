import fs from 'node:fs';
import path from 'node:path';
import { createError } from '../core/errors';
import type { GraphData } from './model';
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

/**
 * Writes `data` atomically: a temp file beside the target, fsynced, then renamed over it, so a
 * crash leaves either the old or the new snapshot, never half of one.
 */
export async function writeSnapshot(file: string, data: GraphData): Promise<void> {
  const body: SnapshotFile = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, savedAt: new Date().toISOString(), ...data };
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fh = await fs.promises.open(tmp, 'w');
  try {
    await fh.writeFile(JSON.stringify(body));
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

async function fsyncDir(dir: string): Promise<void> {
  // The rename is durable only once the directory entry is; not every platform allows it.
  try {
    const dh = await fs.promises.open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    /* directories cannot be fsynced on some systems (Windows) */
  }
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
