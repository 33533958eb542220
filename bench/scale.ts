/**
 * Scale: the seeds ×1, ×10, ×100 (bench/generate-corpus.ts) ingested without the neural model
 * (the ×100 embedding would take hours on 2 cores), each in its own process: ingest time,
 * bytes on disk, peak RSS of the ingest and of a process serving queries, query latency.
 * Runs over `analysisUpTo` skip the cross-plan analysis (and say so); `npm run bench:all` runs it
 * at every scale (it is sub-quadratic now, docs/ANALYSIS.md).
 */
import os from 'node:os';
import path from 'node:path';
import { runChild } from './common/child';
import { generateCorpus } from './generate-corpus';
import type { IngestArgs, IngestResult } from './ingest';
import type { QueryArgs, QueryResult } from './query';

export interface ScaleRow {
  factor: number;
  documents: number;
  tasks: number;
  corpusBytes: number;
  analysis: boolean;
  ingest: IngestResult;
  query: QueryResult;
}

export interface ScaleArgs {
  seedsDir: string;
  factors: number[];
  analysisUpTo: number;
  neural: boolean;
  rounds: number;
}

export async function runScale(a: ScaleArgs): Promise<ScaleRow[]> {
  const base = path.join(os.tmpdir(), 'kg-bench-scale');
  const rows: ScaleRow[] = [];
  for (const factor of a.factors) {
    const dir = path.join(base, `corpus-x${factor}`);
    const dataDir = path.join(base, `data-x${factor}${a.neural ? '-neural' : ''}`);
    const gen = generateCorpus(a.seedsDir, dir, factor);
    const analysis = factor <= a.analysisUpTo;
    console.error(`scale ×${factor}: ${gen.files} documents, ${(gen.bytes / 1048576).toFixed(1)} MiB${analysis ? '' : ' (analysis skipped)'}`);
    const ingest = await runChild<IngestResult>('bench/ingest.ts', { dir, dataDir, neural: a.neural, mode: 'staged', skipAnalysis: !analysis } satisfies IngestArgs);
    const query = await runChild<QueryResult>('bench/query.ts', { dir, dataDir, neural: a.neural, rounds: a.rounds, load: 'snapshot' } satisfies QueryArgs);
    rows.push({ factor, documents: gen.files, tasks: ingest.tasks, corpusBytes: gen.bytes, analysis, ingest, query });
  }
  return rows;
}
