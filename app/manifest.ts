/**
 * The manifest of a built corpus (dataDir/manifest.json): which plan folder it was built from,
 * the sha256 of every file read there and the per-document reports, so an unchanged corpus is
 * reloaded instead of re-ingested.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createError } from '../core/errors';
import { writeAtomic } from '../graph/atomic-file';
import type { IngestReport } from '../ingest/types';

/** One document's line in the ingest summary. */
export interface DocumentSummary extends IngestReport {
  planTitle: string | null;
}

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'zj-govplan-kg/manifest';
const VERSION = 8; // 8: a plan's attachment task table (附件：重点任务分工表) gives the body's tasks their units, a notice whose plan is its attachment has that plan's tasks; 3: plans carry goalsLineStarts/goalsLineEnds (goal targets cite their lines); 4: target metrics read again (one verb for a list of counts, 新增); 5: unit keys on folded names (省財政廳 = 省财政厅), units of a plan without region scoped to it; 6: goals a task title states beside its text (table rows, 政府工作报告 breakdowns) are targets; 7: a plan whose text names no region takes its file name's (08_beijing.txt → 北京市); an older graph is rebuilt

export interface Manifest {
  format: string;
  version: number;
  dir: string; // the plan folder, absolute
  files: Record<string, string>; // file name → sha256 of its bytes
  embedder: string; // the model the analysis used ('none': character bigrams); another one → rebuild
  reports: DocumentSummary[];
  builtAt: string;
}

/** sha256 of every file ingest reads in `dir` (non-hidden, not a folder), so a changed, added or removed file forces a rebuild. */
export function fingerprint(dir: string): Record<string, string> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw createError('INGEST_FAILED', `目录不存在 / not a directory: ${dir}`);
  }
  const out: Record<string, string> = {};
  const names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && !e.isDirectory());
  const root = fs.realpathSync(dir);
  for (const f of names.map((e) => e.name).sort()) {
    // only what ingest reads is hashed: a FIFO would block here, a link out of the folder is refused by ingest
    const full = path.join(dir, f);
    const st = fs.statSync(full, { throwIfNoEntry: false });
    const real = st ? fs.realpathSync(full) : '';
    const inside = real !== '' && !path.relative(root, real).startsWith('..') && !path.isAbsolute(path.relative(root, real));
    out[f] = st?.isFile() && inside ? crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex') : `unread:${st ? (st.isFile() ? 'outside' : 'special') : 'missing'}`;
  }
  return out;
}

/** The manifest in `dataDir`, or null when absent, unreadable or of another format (a rebuild follows). */
export function readManifest(dataDir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dataDir, MANIFEST_FILE), 'utf8')) as Manifest;
    return m.format === FORMAT && m.version === VERSION && typeof m.dir === 'string' ? m : null;
  } catch {
    return null;
  }
}

export function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Writes the manifest atomically and verified (graph/atomic-file.ts: never half a manifest). */
export async function writeManifest(dataDir: string, m: Omit<Manifest, 'format' | 'version'>): Promise<void> {
  await writeAtomic(path.join(dataDir, MANIFEST_FILE), JSON.stringify({ format: FORMAT, version: VERSION, ...m }, null, 1));
}
