/**
 * The files of a plans folder that ingest reads, opened safely, and their decoded lines (what
 * citations show, for every format and encoding). A symbolic link that leaves the folder, a
 * FIFO, a device or a socket is refused with a clear error; only regular files are read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { extract, type Extracted } from './formats';

/** The decoded lines of one document, as ingest read them (line n is `lines[n-1]`). */
export interface DocumentSource extends Extracted {
  file: string;
}

/** A file ingest refuses to open, with the reason (Chinese and English). */
export class UnsafeFileError extends Error {}

/** The names ingest reads in a folder: not hidden, not a folder (sorted). */
export async function listDocuments(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((e) => !e.name.startsWith('.') && !e.isDirectory()).map((e) => e.name).sort();
}

/** Reads one file of `dir` by name: regular files only, links only when they stay inside `dir`. */
export async function readDocumentBytes(dir: string, name: string): Promise<Buffer> {
  if (name !== path.basename(name) || name === '..' || name === '.') throw new UnsafeFileError(`${name}: 不是文件名 / not a plain file name`);
  const full = path.join(dir, name);
  const link = await fs.lstat(full);
  if (link.isSymbolicLink()) {
    const [real, root] = await Promise.all([fs.realpath(full), fs.realpath(dir)]);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UnsafeFileError(`${name}: 符号链接指向规划目录之外，已拒绝 / symbolic link leaves the plans folder (${real}): refused`);
  }
  const st = await fs.stat(full);
  if (!st.isFile()) {
    const kind = st.isFIFO() ? 'FIFO 管道 / a FIFO' : st.isSocket() ? '套接字 / a socket' : st.isCharacterDevice() || st.isBlockDevice() ? '设备文件 / a device' : st.isDirectory() ? '目录 / a folder' : '非普通文件 / not a regular file';
    throw new UnsafeFileError(`${name}: 不是普通文件，已拒绝 / not a regular file, refused: ${kind}`);
  }
  return fs.readFile(full);
}

/** The decoded lines of one document of `dir` (the same reading ingest did). */
export async function readDocumentSource(dir: string, name: string): Promise<DocumentSource> {
  return { file: name, ...(await extract(name, await readDocumentBytes(dir, name))) };
}
