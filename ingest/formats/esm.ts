/**
 * Runs one job of esm-worker.mjs (the ES-module-only format libraries) in a worker thread:
 * a real dynamic import there, whatever loads this file (tsx, node, jest's CommonJS transform).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { IngestFormatError } from './types';

const WORKER = path.join(__dirname, 'esm-worker.mjs');
const TIMEOUT_MS = 60_000;

export type EsmJob = { kind: 'pdf'; bytes: Buffer } | { kind: 'html'; html: string; article: boolean };

export function runEsmJob<T>(job: EsmJob, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new IngestFormatError(`${what} 解析超时 / ${what} parsing timed out after ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    worker.once('message', (m: { ok: boolean; message?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.ok) resolve(m as T);
      else reject(new IngestFormatError(`无法读取 ${what} / cannot read the ${what}: ${m.message ?? 'unknown error'}`));
    });
    worker.once('error', (e: Error) => {
      clearTimeout(timer);
      reject(new IngestFormatError(`无法读取 ${what} / cannot read the ${what}: ${e.message}`));
    });
  });
}
