import path from 'node:path';
import { loadQueries, type Query } from '../lib/harness';

/** The dev questions (eval/queries-dev.json in the repository, or KG_BENCH_QUERIES). */
export function devQueries(root: string): Query[] {
  return loadQueries(process.env.KG_BENCH_QUERIES ?? path.join(root, 'eval', 'queries-dev.json'));
}
