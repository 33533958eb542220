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
import { denseNeighbours, EXACT_MAX } from '../../analysis/neighbours';
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

test('dense neighbours beyond EXACT_MAX (HNSW) find the exact nearest of other groups', () => {
  let s = 7;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  const n = EXACT_MAX + 100;
  const vectors = Array.from({ length: n }, () => Float32Array.from({ length: 16 }, rand));
  const group = Array.from({ length: n }, (_, i) => i % 40);
  const near = denseNeighbours(vectors, group, 5);
  const cos = (a: Float32Array, b: Float32Array) => {
    let d = 0, na = 0, nb = 0;
    for (let i = 0; i < a.length; i++) [d, na, nb] = [d + a[i] * b[i], na + a[i] * a[i], nb + b[i] * b[i]];
    return d / Math.sqrt(na * nb);
  };
  let found = 0;
  const probes = [0, 1, 2, 500, 1234, 3999, 4050];
  for (const i of probes) {
    expect(near[i].every((j) => group[j] !== group[i])).toBe(true);
    const exact = vectors.map((v, j) => [j, cos(vectors[i], v)] as const).filter(([j]) => group[j] !== group[i]).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([j]) => j);
    found += exact.filter((j) => near[i].includes(j)).length;
  }
  expect(found / (5 * probes.length)).toBeGreaterThanOrEqual(0.9);
});
