/**
 * Alignment without scoring every pair: candidate pairs (each task's nearest tasks of other
 * plans), the mutual-best rule on them, confirmed against whole plans. On the seeds it keeps
 * exactly what the exhaustive selection keeps; on a generated ×3 corpus (re-issued plans, so
 * every task has near copies) everything it keeps is an exhaustive mutual best.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from '../../core/config';
import type { GraphData } from '../../graph/model';
import { ALIGN_THRESHOLDS, alignedPairs, alignTasks, scoreCrossPlanPairs, selectAlignments } from '../../analysis/align';
import { indexGraph } from '../../analysis/graph-index';
import { ingestDirectory } from '../../ingest/index';
import { generateCorpus } from '../../bench/generate-corpus';

const key = (p: { a: string; b: string }) => `${p.a}|${p.b}`;

function exhaustive(graph: GraphData, threshold: number): Set<string> {
  const idx = indexGraph(graph);
  return new Set(selectAlignments(scoreCrossPlanPairs(graph), (id) => idx.planOfTask.get(id) ?? '', threshold).map(key));
}

test('seeds: the alignments equal the exhaustive mutual-best selection', async () => {
  const { graph } = (await ingestDirectory(config.seedsDir)) as { graph: GraphData };
  const threshold = ALIGN_THRESHOLDS['char-bigram-tfidf'];
  const edges = alignTasks(graph).relationships.map((r) => key({ a: r.start, b: r.end }));
  expect(edges.length).toBeGreaterThan(50);
  expect(new Set(edges)).toEqual(exhaustive(graph, threshold));
  // at any score (what the precision tool measures) nearly all, and nothing else
  const anyScore = exhaustive(graph, 0);
  const kept = alignedPairs(graph, { threshold: 0 }).map(key);
  expect(kept.filter((k) => !anyScore.has(k))).toEqual([]);
  expect(kept.length).toBeGreaterThanOrEqual(0.95 * anyScore.size);
});

test('generated ×3 corpus: every alignment kept is an exhaustive mutual best', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-align-x3-'));
  try {
    generateCorpus(config.seedsDir, dir, 3);
    const { graph } = (await ingestDirectory(dir)) as { graph: GraphData };
    const tasks = indexGraph(graph).tasks.length;
    const all = exhaustive(graph, ALIGN_THRESHOLDS['char-bigram-tfidf']);
    const kept = alignedPairs(graph, { neighbours: 4 }).map(key);
    expect(kept.filter((k) => !all.has(k))).toEqual([]);
    expect(kept.length).toBeGreaterThan(tasks / 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
