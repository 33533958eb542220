/**
 * The one way files in the data folder are written: a temp file beside the target, fsynced,
 * read back and checked (size and sha256) before it is renamed over the target, so a full disk
 * or a crash leaves the old file or the new one, never a truncated one reported as saved.
 * Temp files are named `.<name>.<pid>.<n>.tmp`; `cleanStrayTemps` removes those of dead processes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createError } from '../core/errors';

let counter = 0;

/** A temp path beside `file`, unique to this process. */
export function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function fsyncDir(dir: string): Promise<void> {
  try {
    const dh = await fs.open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    /* directories cannot be fsynced on some systems (Windows) */
  }
}

function writeFailed(file: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  return createError('WRITE_FAILED', `无法保存 / could not save ${file}${code ? ` (${code})` : ''}: ${(e as Error).message}`, { cause: e });
}

/**
 * Renames a finished temp file over `file` once `check(tmp)` passes; removes the temp file on
 * any failure and throws WRITE_FAILED. For files a library writes itself (the HNSW index).
 */
export async function commitTemp(tmp: string, file: string, check: (tmp: string) => Promise<void>): Promise<void> {
  try {
    await check(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw (e as { code?: string }).code === 'WRITE_FAILED' ? e : writeFailed(file, e);
  }
  await fsyncDir(path.dirname(file));
}

/** Writes `data` to `file` atomically and verified (see the module comment). */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
  } catch (e) {
    throw writeFailed(file, e);
  }
  const tmp = tempPath(file);
  await commitTemp(tmp, file, async () => {
    const fh = await fs.open(tmp, 'w');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    const back = await fs.readFile(tmp);
    if (back.length !== bytes.length || sha256(back) !== sha256(bytes)) {
      throw createError('WRITE_FAILED', `写入校验失败 / ${file}: wrote ${bytes.length} bytes, read back ${back.length} (disk full?)`);
    }
  });
}

/** Reads a JSON file, or null when it does not exist. */
export async function readJsonIfExists<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}

// `.name.<pid>.<n>.tmp`, and the older `name.tmp-<pid>[-<time>]` / `name.<pid>.tmp` forms
const TEMP = /(?:\.(\d+)\.\d+\.tmp|\.tmp-(\d+)(?:-\d+)?|\.(\d+)\.tmp)$/;

/**
 * Removes temp files left under `dir` by processes that died mid-write (a live writer's are kept).
 * Returns the removed paths; a read-only folder or a file that cannot be removed is skipped.
 */
export async function cleanStrayTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) removed.push(...(await cleanStrayTemps(p)));
    else if (e.isFile()) {
      const m = TEMP.exec(e.name);
      if (!m) continue;
      const pid = Number(m[1] ?? m[2] ?? m[3]);
      if (alive(pid)) continue;
      try {
        await fs.rm(p);
        removed.push(p);
      } catch {
        /* read-only: leave it */
      }
    }
  }
  return removed;
}
